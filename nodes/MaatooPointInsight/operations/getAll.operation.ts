import type { IDataObject } from 'n8n-workflow';
import {
	DEFAULT_PAGE_SIZE,
	limitProperty,
	returnAllAndLimit,
	returnAllProperty,
} from '../../shared/descriptions/listParameters';
import { readList, type Operation } from '../../shared/engine';
import { withInsightsApi } from '../../shared/points/insightsApi';
import { readInsight } from './get.operation';

export const getAllOperation: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many point insights',
	description: 'List point insights, optionally searched and in full',
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
					displayName: 'Include Details',
					name: 'includeDetails',
					type: 'boolean',
					default: false,
					description:
						'Whether to fetch each insight in full (type, action, custom field, point groups); the list itself has only ID, name, category and description. One more request per insight.',
				},
				{
					displayName: 'Search',
					name: 'search',
					type: 'string',
					default: '',
					placeholder: 'e.g. interest',
					description: 'Only insights whose name or description contains this text (Mautic search string)',
				},
			],
		},
	],
	run: (ctx, itemIndex) =>
		withInsightsApi(ctx, itemIndex, async () => {
			const { returnAll, limit } = returnAllAndLimit(ctx, itemIndex);
			const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const qs: IDataObject = {};
			if (options.search) qs.search = options.search;
			const insights = await readList(
				ctx,
				{ path: '/points/insights', key: 'insights', qs, returnAll, limit, pageSize: DEFAULT_PAGE_SIZE },
				itemIndex,
			);
			if (!options.includeDetails) return insights;
			const full: IDataObject[] = [];
			for (const insight of insights) full.push(await readInsight(ctx, itemIndex, Number(insight.id)));
			return full;
		}),
};
