import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { contactLocator } from '../../shared/locators/contactLocator';
import { simplifyProperty } from '../../shared/descriptions/listParameters';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import { standardBatchResults, type Operation } from '../../shared/engine';
import {
	PUT_NOT_REPEATED,
	whenAllRecordsExist,
	whenRecordExists,
	type MauticRequest,
} from '../../shared/transport';
import { contactDataProperties, contactPayload } from '../contactData';
import { contactOutput } from '../writeOptions';
import { batchingOf, batchWriteOptionsProperty } from '../../shared/descriptions/batchWriteOptions';

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
	const entry = async (
		ctx: Parameters<typeof contactPayload>[0],
		itemIndex: number,
	): Promise<IDataObject> => {
		const id = await resolveContactId(ctx, itemIndex);
		return { id, ...(await contactPayload(ctx, itemIndex)) };
	};
	return {
		value: spec.value,
		name: spec.name,
		action: spec.action,
		description: spec.description,
		properties: [
			contactLocator(),
			...contactDataProperties,
			simplifyProperty,
			batchWriteOptionsProperty,
		],
		async request(ctx, itemIndex) {
			const { id, ...body } = await entry(ctx, itemIndex);
			const request: MauticRequest = {
				method: spec.method,
				path: `/contacts/${id}/edit`,
				body,
				entity: { label: 'contact', id: id as number },
			};
			if (spec.method === 'PUT') {
				request.repeatableIf = whenRecordExists(ctx, `/contacts/${id}`);
				request.notRepeatedBecause = PUT_NOT_REPEATED;
			}
			return request;
		},
		output: (response, ctx, itemIndex) =>
			contactOutput(ctx, itemIndex, (response.body as IDataObject).contact as IDataObject),
		batch: {
			use: (ctx, itemCount) => itemCount > 1 && batchingOf(ctx).useBatch,
			entry,
			plan: (ctx) => ({
				size: batchingOf(ctx).batchSize,
				entityLabel: 'contact',
				request: (entries): MauticRequest =>
					spec.method === 'PUT'
						? {
								method: 'PUT',
								path: '/contacts/batch/edit',
								body: entries,
								repeatableIf: whenAllRecordsExist(
									ctx,
									'/contacts',
									'contacts',
									entries.map((entry) => entry.id as number),
								),
								notRepeatedBecause: PUT_NOT_REPEATED,
							}
						: { method: spec.method, path: '/contacts/batch/edit', body: entries },
				results: standardBatchResults('contacts', (contact) => contactOutput(ctx, 0, contact)),
			}),
		},
	};
}
