import type { IDataObject } from 'n8n-workflow';
import {
	DEFAULT_PAGE_SIZE,
	limitProperty,
	returnAllAndLimit,
	returnAllProperty,
} from '../../shared/descriptions/listParameters';
import type { Operation } from '../../shared/engine';

export const getAllOperation: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many point groups',
	description: 'List point groups, optionally searched',
	properties: [
		returnAllProperty,
		limitProperty,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Search',
					name: 'search',
					type: 'string',
					default: '',
					placeholder: 'e.g. umbrella',
					description: 'Only point groups whose name or description contains this text (Mautic search string)',
				},
			],
		},
	],
	list(ctx, itemIndex) {
		const { returnAll, limit } = returnAllAndLimit(ctx, itemIndex);
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		if (options.search) qs.search = options.search;
		return { path: '/points/groups', key: 'pointGroups', qs, returnAll, limit, pageSize: DEFAULT_PAGE_SIZE };
	},
};
