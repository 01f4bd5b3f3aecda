import type { IDataObject } from 'n8n-workflow';
import { readList } from '../engine/paginate';
import type { MauticContext } from '../transport';
import type { MauticField } from './contactFieldTypes';

/**
 * The instance's contact fields, fetched once per execution (or per dropdown load): the
 * catalogue is needed to type values and to reject unknown aliases. Cached per n8n context
 * object only, so nothing outlives the run.
 */
const catalogues = new WeakMap<object, Promise<Map<string, MauticField>>>();

export function contactFieldCatalog(context: MauticContext): Promise<Map<string, MauticField>> {
	let catalogue = catalogues.get(context);
	if (!catalogue) {
		catalogue = readList(context, {
			path: '/fields/contact',
			key: 'fields',
			returnAll: true,
			limit: 0,
			pageSize: 1000,
		}).then((rows) => new Map(rows.map((row: IDataObject) => [String(row.alias), row as unknown as MauticField])));
		catalogues.set(context, catalogue);
		catalogue.catch(() => catalogues.delete(context));
	}
	return catalogue;
}
