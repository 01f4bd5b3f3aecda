import type { IDataObject } from 'n8n-workflow';
import { getManyOperation } from '../../shared/entities/entity';
import { withInsightsApi } from '../insightsApi';
import { pointInsightEntity } from '../pointInsightEntity';
import { readInsight } from './get.operation';

export const getAllOperation = getManyOperation(pointInsightEntity, {
	description: 'List point insights, optionally searched and in full',
	searchMatches: 'name or description',
	searchPlaceholder: 'e.g. interest',
	options: [
		{
			displayName: 'Include Details',
			name: 'includeDetails',
			type: 'boolean',
			default: false,
			description:
				'Whether to fetch each insight in full (type, action, custom field, point groups); the list itself has only ID, name, category and description. One more request per insight.',
		},
	],
	around: withInsightsApi,
	async rows(ctx, itemIndex, insights, options) {
		if (!options.includeDetails) return insights;
		const full: IDataObject[] = [];
		for (const insight of insights)
			full.push(await readInsight(ctx, itemIndex, Number(insight.id)));
		return full;
	},
});
