import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { readList } from '../engine/paginate';
import { instanceRootOf } from '../transport';

/** Resource-locator search over point groups (an instance has few: read them all, filter here). */
export async function searchPointGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const groups = await readList(this, {
		path: '/points/groups',
		key: 'pointGroups',
		returnAll: true,
		limit: 0,
		pageSize: 500,
	});
	const root = await instanceRootOf(this);
	const needle = (filter ?? '').toLowerCase();
	const results = groups
		.filter(
			(group) =>
				!needle || String(group.name).toLowerCase().includes(needle) || String(group.id) === needle,
		)
		.map((group) => ({
			name: `${group.name} (#${group.id})`,
			value: String(group.id),
			url: `${root}/s/points/groups/edit/${group.id}`,
		}));
	return { results };
}
