import type { IDataObject } from 'n8n-workflow';
import { readList } from '../shared/engine/paginate';
import type { MauticContext } from '../shared/transport';
import { runCatalogue } from '../shared/runState';

/**
 * The instance's point groups by ID, fetched once per run (execution or dropdown load): an
 * instance has few, and checking many items against them should cost one read.
 */
export function pointGroupCatalog(
	context: MauticContext,
	itemIndex?: number,
): Promise<Map<number, IDataObject>> {
	return runCatalogue(context, 'pointGroups', async () => {
		const groups = await readList(
			context,
			{ path: '/points/groups', key: 'pointGroups', returnAll: true, limit: 0, pageSize: 500 },
			itemIndex,
		);
		return new Map(groups.map((group) => [Number(group.id), group]));
	});
}
