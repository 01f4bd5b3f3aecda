import { deleteBatchResults, type Operation } from '../../shared/engine';
import { mauticRequest } from '../../shared/transport';
import { companyLocator, resolveCompanyId } from '../descriptions/companyLocator';
import { batchingOf, batchWriteOptionsProperty } from '../../shared/descriptions/batchWriteOptions';

export const deleteOperation: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a company',
	description: 'Delete a company for good; its contacts stay, without it',
	properties: [companyLocator(), batchWriteOptionsProperty],
	// Mautic answers the deleted company with its id already nulled, so report the id we deleted.
	async run(ctx, itemIndex) {
		const id = await resolveCompanyId(ctx, itemIndex);
		await mauticRequest(
			ctx,
			{ method: 'DELETE', path: `/companies/${id}/delete`, entity: { label: 'company', id } },
			itemIndex,
		);
		return { id, deleted: true };
	},
	batch: {
		use: (ctx, itemCount) => itemCount > 1 && batchingOf(ctx).useBatch,
		entry: async (ctx, itemIndex) => ({ id: await resolveCompanyId(ctx, itemIndex) }),
		plan: (ctx) => ({
			size: batchingOf(ctx).batchSize,
			entityLabel: 'company',
			request: (entries) => ({
				method: 'DELETE',
				path: '/companies/batch/delete',
				qs: { ids: entries.map((entry) => entry.id).join(',') },
			}),
			results: deleteBatchResults('companies', (company) => ({ id: company.id, deleted: true })),
		}),
	},
};
