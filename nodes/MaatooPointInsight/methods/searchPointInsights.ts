import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { readList } from '../../shared/engine/paginate';
import { withInsightsApi } from '../insightsApi';

/** Resource-locator search over point insights (an instance has few: read them all, filter here). */
export async function searchPointInsights(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const insights = await withInsightsApi(this, undefined, () =>
		readList(this, {
			path: '/points/insights',
			key: 'insights',
			returnAll: true,
			limit: 0,
			pageSize: 500,
		}),
	);
	const needle = (filter ?? '').toLowerCase();
	const results = insights
		.filter(
			(insight) =>
				!needle ||
				String(insight.name).toLowerCase().includes(needle) ||
				String(insight.id) === needle,
		)
		.map((insight) => ({ name: `${insight.name} (#${insight.id})`, value: String(insight.id) }));
	return { results };
}
