import type { IDataObject } from 'n8n-workflow';
import {
	DEFAULT_PAGE_SIZE,
	limitProperty,
	optionsCollection,
	pageSizeOption,
	returnAllAndLimit,
	returnAllProperty,
} from '../../shared/descriptions/listParameters';
import { readList, recordInAnswer, type Operation } from '../../shared/engine';
import { mauticRequest } from '../../shared/transport';
import {
	simplifyCompany,
	simplifyCompanyProperty,
} from '../../MaatooCompany/outputs/companyOutput';
import {
	companySegmentLocator,
	resolveCompanySegmentId,
} from '../descriptions/companySegmentLocator';
import { gated } from '../gated';

/**
 * The members of a company segment: Mautic has no members endpoint, so this reads the segment
 * for its alias and then the company list with the search command `company-segment:<alias>`
 * (CompanySearchSubscriber, Mautic 7.2), ordered by ID so pages stay stable while reading.
 */
export const getCompaniesOperation: Operation = gated({
	value: 'getCompanies',
	name: 'Get Companies',
	action: 'Get the companies of a company segment',
	description: 'One item per company in the company segment',
	properties: [
		companySegmentLocator(),
		returnAllProperty,
		limitProperty,
		simplifyCompanyProperty,
		optionsCollection([pageSizeOption]),
	],
	async run(ctx, itemIndex) {
		const id = await resolveCompanySegmentId(ctx, itemIndex);
		const response = await mauticRequest(
			ctx,
			{ method: 'GET', path: `/companysegments/${id}`, entity: { label: 'company segment', id } },
			itemIndex,
		);
		const segment = recordInAnswer(ctx, itemIndex, response, 'companysegment', {
			label: 'company segment',
			id,
			changes: false,
		});
		const { returnAll, limit } = returnAllAndLimit(ctx, itemIndex);
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const simplify = ctx.getNodeParameter('simplify', itemIndex, true) as boolean;
		return await readList(
			ctx,
			{
				path: '/companies',
				key: 'companies',
				qs: {
					search: `company-segment:${String(segment.alias ?? '')}`,
					orderBy: 'id',
					orderByDir: 'ASC',
				},
				returnAll,
				limit,
				pageSize: Number(options.pageSize) || DEFAULT_PAGE_SIZE,
				map: simplify ? simplifyCompany : undefined,
			},
			itemIndex,
		);
	},
});
