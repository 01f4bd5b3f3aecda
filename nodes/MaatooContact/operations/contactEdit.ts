import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { contactLocator } from '../../shared/descriptions/contactLocator';
import { simplifyProperty } from '../../shared/descriptions/listParameters';
import { resolveContactId } from '../../shared/contacts/resolveContactId';
import { standardBatchResults, type Operation } from '../../shared/engine';
import { contactDataProperties, contactPayload } from '../contactData';
import { batchingOf, contactOutput, writeOptionsProperty } from '../writeOptions';

/**
 * Update (PATCH: only the fields given) and Create or Replace (PUT: fields not given are cleared,
 * a missing contact is created) differ only in the method; one builder serves both.
 */
export function contactEditOperation(spec: {
	value: string;
	name: string;
	action: string;
	description: string;
	method: IHttpRequestMethods;
}): Operation {
	const entry = async (ctx: Parameters<typeof contactPayload>[0], itemIndex: number): Promise<IDataObject> => {
		const id = await resolveContactId(ctx, itemIndex);
		return { id, ...(await contactPayload(ctx, itemIndex)) };
	};
	return {
		value: spec.value,
		name: spec.name,
		action: spec.action,
		description: spec.description,
		properties: [contactLocator(), ...contactDataProperties, simplifyProperty, writeOptionsProperty],
		async request(ctx, itemIndex) {
			const { id, ...body } = await entry(ctx, itemIndex);
			return {
				method: spec.method,
				path: `/contacts/${id}/edit`,
				body,
				entity: { label: 'contact', id: id as number },
			};
		},
		output: (response, ctx, itemIndex) =>
			contactOutput(ctx, itemIndex, (response.body as IDataObject).contact as IDataObject),
		batch: {
			use: (ctx, itemCount) => itemCount > 1 && batchingOf(ctx).useBatch,
			entry,
			plan: (ctx) => ({
				size: batchingOf(ctx).batchSize,
				entityLabel: 'contact',
				request: (entries) => ({ method: spec.method, path: '/contacts/batch/edit', body: entries }),
				results: standardBatchResults('contacts', (contact) => contactOutput(ctx, 0, contact)),
			}),
		},
	};
}
