import type { Operation } from '../../shared/engine';
import { mauticError, mauticRequest } from '../../shared/transport';
import { companyDataProperties, companyPayload } from '../companyData';
import { companyUpsertPlan } from '../companyUpsert';
import { simplifyCompanyProperty } from '../outputs/companyOutput';
import { batchingOf, batchWriteOptionsProperty } from '../../shared/descriptions/batchWriteOptions';

export const upsertOperation: Operation = {
	value: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a company',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	properties: [
		{
			displayName:
				'Mautic matches an existing company by its unique identifier fields: the company name by default, plus any company field marked "Is Unique Identifier" (case-insensitive). Only the fields given here change on a matched company.',
			name: 'upsertNotice',
			type: 'notice',
			default: '',
		},
		...companyDataProperties,
		simplifyCompanyProperty,
		batchWriteOptionsProperty,
	],
	async run(ctx, itemIndex) {
		const entry = await companyPayload(ctx, itemIndex, true);
		const plan = companyUpsertPlan(ctx, 1);
		const request = plan.request([entry]);
		const response = await mauticRequest(
			ctx,
			{ ...request, entity: { label: 'company' } },
			itemIndex,
		);
		const [result] = await plan.results(response, [entry]);
		if ('output' in result) return result.output;
		throw mauticError(
			ctx,
			result.failure,
			{ ...request, entity: { label: 'company' } },
			undefined,
			itemIndex,
		);
	},
	batch: {
		use: (ctx, itemCount) => itemCount > 1 && batchingOf(ctx).useBatch,
		entry: async (ctx, itemIndex) => await companyPayload(ctx, itemIndex, true),
		plan: (ctx) => companyUpsertPlan(ctx, batchingOf(ctx).batchSize),
	},
};
