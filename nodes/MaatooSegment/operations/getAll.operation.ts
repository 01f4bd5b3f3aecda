import type { IDataObject } from 'n8n-workflow';
import {
	DEFAULT_PAGE_SIZE,
	limitProperty,
	pageSizeOption,
	returnAllAndLimit,
	returnAllProperty,
} from '../../shared/descriptions/listParameters';
import type { Operation } from '../../shared/engine';

export const getAllOperation: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many segments',
	description: 'List segments, sorted by name, optionally searched',
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
				pageSizeOption,
				{
					displayName: 'Published Only',
					name: 'publishedOnly',
					type: 'boolean',
					default: false,
					description: 'Whether to return only published segments',
				},
				{
					displayName: 'Search',
					name: 'search',
					type: 'string',
					default: '',
					placeholder: 'e.g. newsletter',
					description: 'Text to find in the segment name or alias',
				},
			],
		},
	],
	list(ctx, itemIndex) {
		const { returnAll, limit } = returnAllAndLimit(ctx, itemIndex);
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		if (options.search) qs.search = options.search;
		if (options.publishedOnly) qs.published = 1;
		return {
			path: '/segments',
			key: 'lists',
			qs,
			returnAll,
			limit,
			pageSize: Number(options.pageSize) || DEFAULT_PAGE_SIZE,
		};
	},
};
