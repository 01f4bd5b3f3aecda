import type { Operation } from '../../shared/engine';
import { recordInAnswer } from '../../shared/engine/recordInAnswer';
import { companyLocator, resolveCompanyId } from '../descriptions/companyLocator';
import { companyOutput, simplifyCompanyProperty } from '../outputs/companyOutput';

export const getOperation: Operation = {
	value: 'get',
	name: 'Get',
	action: 'Get a company',
	description: 'Get one company by ID or link',
	properties: [companyLocator(), simplifyCompanyProperty],
	async request(ctx, itemIndex) {
		const id = await resolveCompanyId(ctx, itemIndex);
		return { method: 'GET', path: `/companies/${id}`, entity: { label: 'company', id } };
	},
	output: (response, ctx, itemIndex) =>
		companyOutput(
			ctx,
			itemIndex,
			recordInAnswer(ctx, itemIndex, response, 'company', { label: 'company', changes: false }),
		),
};
