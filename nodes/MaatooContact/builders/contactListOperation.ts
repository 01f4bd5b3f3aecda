import type { IDataObject } from 'n8n-workflow';
import { contactLocator } from '../../shared/locators/contactLocator';
import {
	limitProperty,
	returnAllAndLimit,
	returnAllProperty,
} from '../../shared/descriptions/listParameters';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import { readList, rowsOfPage, type Operation } from '../../shared/engine';
import { mauticRequest } from '../../shared/transport';

/**
 * Read-only lists about one contact: `/contacts/{id}/<path>`, rows under `key`. Mautic answers
 * arrays for some and id-keyed objects for others; the engine's page reader handles both.
 */
export function contactListOperation(spec: {
	value: string;
	name: string;
	what: string;
	path: string;
	key: string;
	paged: boolean;
	/** Fixed query parameters of every page (e.g. an order with no ties). */
	qs?: IDataObject;
}): Operation {
	return {
		value: spec.value,
		name: spec.name,
		action: `Get the ${spec.what} of a contact`,
		description: `One item per ${spec.what.replace(/s$/, '')} of the contact`,
		properties: spec.paged
			? [contactLocator(), returnAllProperty, limitProperty]
			: [contactLocator()],
		async run(ctx, itemIndex) {
			const id = await resolveContactId(ctx, itemIndex);
			const path = `/contacts/${id}/${spec.path}`;
			if (spec.paged) {
				const { returnAll, limit } = returnAllAndLimit(ctx, itemIndex);
				return await readList(
					ctx,
					{ path, key: spec.key, qs: spec.qs, returnAll, limit, pageSize: 100 },
					itemIndex,
				);
			}
			const response = await mauticRequest(
				ctx,
				{ method: 'GET', path, entity: { label: 'contact', id } },
				itemIndex,
			);
			return rowsOfPage(response, spec.key);
		},
	};
}
