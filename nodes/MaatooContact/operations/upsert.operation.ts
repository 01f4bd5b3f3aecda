import type { IDataObject } from 'n8n-workflow';
import { simplifyProperty } from '../../shared/descriptions/listParameters';
import { standardBatchResults, type Operation } from '../../shared/engine';
import { contactDataProperties, contactPayload } from '../contactData';
import { contactOutput } from '../writeOptions';
import { batchingOf, batchWriteOptionsProperty } from '../../shared/descriptions/batchWriteOptions';

/** Mautic merges on its unique identifier (email by default): repeating such a request changes nothing. */
const carriesIdentifier = (entry: IDataObject) =>
	typeof entry.email === 'string' && entry.email !== '';

export const upsertOperation: Operation = {
	value: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a contact',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	properties: [...contactDataProperties, simplifyProperty, batchWriteOptionsProperty],
	async request(ctx, itemIndex) {
		const body = await contactPayload(ctx, itemIndex);
		return { method: 'POST', path: '/contacts/new', body, idempotent: carriesIdentifier(body) };
	},
	output: (response, ctx, itemIndex) =>
		contactOutput(ctx, itemIndex, (response.body as IDataObject).contact as IDataObject),
	batch: {
		use: (ctx, itemCount) => itemCount > 1 && batchingOf(ctx).useBatch,
		entry: contactPayload,
		plan: (ctx) => ({
			size: batchingOf(ctx).batchSize,
			entityLabel: 'contact',
			request: (entries) => ({
				method: 'POST',
				path: '/contacts/batch/new',
				body: entries,
				idempotent: entries.every(carriesIdentifier),
			}),
			results: standardBatchResults('contacts', (contact) => contactOutput(ctx, 0, contact)),
		}),
	},
};
