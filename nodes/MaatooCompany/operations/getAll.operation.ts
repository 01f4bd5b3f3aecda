import type { IDataObject } from 'n8n-workflow';
import {
	DEFAULT_PAGE_SIZE,
	limitProperty,
	maxRetriesOption,
	optionsCollection,
	pageSizeOption,
	returnAllAndLimit,
	returnAllProperty,
} from '../../shared/descriptions/listParameters';
import type { Operation } from '../../shared/engine';
import { simplifyCompany, simplifyCompanyProperty } from '../outputs/companyOutput';

export const getAllOperation: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many companies',
	description: 'List companies, optionally searched and sorted',
	properties: [
		returnAllProperty,
		limitProperty,
		simplifyCompanyProperty,
		optionsCollection([
			maxRetriesOption,
			{
				displayName: 'Order By Name or ID',
				name: 'orderBy',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getCompanyColumns' },
				default: '',
				description:
					'Mautic sorts by ID when empty. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Order Direction',
				name: 'orderByDir',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'ASC' },
					{ name: 'Descending', value: 'DESC' },
				],
				default: 'ASC',
			},
			pageSizeOption,
			{
				displayName: 'Pagination',
				name: 'pagination',
				type: 'options',
				options: [
					{
						name: 'By Offset',
						value: 'offset',
						description: "Mautic's usual paging; keeps the chosen order",
					},
					{
						name: 'By ID (Consistent Export)',
						value: 'idCursor',
						description:
							'Pages in ascending order of company ID: companies added or deleted during a long export cause no duplicates or gaps. Ignores Order By.',
					},
				],
				default: 'offset',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. acme or companycity:Bern',
				description:
					'Mautic search string: free text matches the company name and email; a field alias as command (companycity:Bern) or IDs:1,2,3 narrows further',
			},
		]),
	],
	list(ctx, itemIndex) {
		const { returnAll, limit } = returnAllAndLimit(ctx, itemIndex);
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		if (options.search) qs.search = options.search;
		if (options.orderBy) {
			qs.orderBy = options.orderBy;
			qs.orderByDir = options.orderByDir ?? 'ASC';
		}
		const simplify = ctx.getNodeParameter('simplify', itemIndex, true) as boolean;
		return {
			path: '/companies',
			key: 'companies',
			qs,
			returnAll,
			limit,
			pageSize: Number(options.pageSize) || DEFAULT_PAGE_SIZE,
			paging: options.pagination === 'idCursor' ? 'idCursor' : 'offset',
			map: simplify ? simplifyCompany : undefined,
		};
	},
};
