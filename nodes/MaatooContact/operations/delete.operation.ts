import { contactLocator } from '../../shared/locators/contactLocator';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import { deleteBatchResults, type Operation } from '../../shared/engine';
import { mauticRequest } from '../../shared/transport';
import { batchingOf, batchWriteOptionsProperty } from '../../shared/descriptions/batchWriteOptions';

export const deleteOperation: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a contact',
	description: 'Delete a contact for good',
	properties: [contactLocator(), batchWriteOptionsProperty],
	// Mautic answers the deleted contact with its id already nulled, so report the id we deleted.
	async run(ctx, itemIndex) {
		const id = await resolveContactId(ctx, itemIndex);
		await mauticRequest(
			ctx,
			{ method: 'DELETE', path: `/contacts/${id}/delete`, entity: { label: 'contact', id } },
			itemIndex,
		);
		return { id, deleted: true };
	},
	batch: {
		use: (ctx, itemCount) => itemCount > 1 && batchingOf(ctx).useBatch,
		entry: async (ctx, itemIndex) => ({ id: await resolveContactId(ctx, itemIndex) }),
		plan: (ctx) => ({
			size: batchingOf(ctx).batchSize,
			entityLabel: 'contact',
			request: (entries) => ({
				method: 'DELETE',
				path: '/contacts/batch/delete',
				qs: { ids: entries.map((entry) => entry.id).join(',') },
			}),
			results: deleteBatchResults('contacts', (contact) => ({ id: contact.id, deleted: true })),
		}),
	},
};
