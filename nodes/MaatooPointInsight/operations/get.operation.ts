import type { IExecuteFunctions } from 'n8n-workflow';
import type { Operation } from '../../shared/engine';
import { withInsightsApi } from '../insightsApi';
import { mauticRequest } from '../../shared/transport';
import { insightOf } from '../insightData';
import { pointInsightIdOf, pointInsightLocator } from '../pointInsightLocator';

/** One insight in full: type, action, custom field and point groups included. */
export async function readInsight(ctx: IExecuteFunctions, itemIndex: number, id: number) {
	const response = await mauticRequest(
		ctx,
		{ method: 'GET', path: `/points/insights/${id}`, entity: { label: 'point insight', id } },
		itemIndex,
	);
	return insightOf(response);
}

export const getOperation: Operation = {
	value: 'get',
	name: 'Get',
	action: 'Get a point insight',
	description: 'Get one point insight with its custom field and point groups',
	properties: [pointInsightLocator],
	run: (ctx, itemIndex) =>
		withInsightsApi(
			ctx,
			itemIndex,
			async () => await readInsight(ctx, itemIndex, await pointInsightIdOf(ctx, itemIndex)),
		),
};
