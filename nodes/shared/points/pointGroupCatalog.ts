import type { IDataObject } from 'n8n-workflow';
import { readList } from '../engine/paginate';
import type { MauticContext } from '../transport';

/**
 * The instance's point groups by ID, fetched once per execution (or per dropdown load): an
 * instance has few, and checking many items against them should cost one read. Cached per n8n
 * context object only, so nothing outlives the run.
 */
const catalogues = new WeakMap<object, Promise<Map<number, IDataObject>>>();

export function pointGroupCatalog(context: MauticContext, itemIndex?: number): Promise<Map<number, IDataObject>> {
	let catalogue = catalogues.get(context);
	if (!catalogue) {
		catalogue = readList(
			context,
			{ path: '/points/groups', key: 'pointGroups', returnAll: true, limit: 0, pageSize: 500 },
			itemIndex,
		).then((groups) => new Map(groups.map((group) => [Number(group.id), group])));
		catalogues.set(context, catalogue);
		catalogue.catch(() => catalogues.delete(context));
	}
	return catalogue;
}
