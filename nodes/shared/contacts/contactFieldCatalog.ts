import type { IDataObject } from 'n8n-workflow';
import { readList } from '../engine/paginate';
import type { MauticContext } from '../transport';
import type { MauticField } from './contactFieldTypes';
import { runCatalogue } from '../runState';

/**
 * The instance's contact fields, fetched once per run (execution or dropdown load): the
 * catalogue is needed to type values and to reject unknown aliases.
 */
export function contactFieldCatalog(context: MauticContext): Promise<Map<string, MauticField>> {
	return runCatalogue(context, 'contactFields', async () => {
		const rows = await readList(context, {
			path: '/fields/contact',
			key: 'fields',
			returnAll: true,
			limit: 0,
			pageSize: 1000,
		});
		return new Map(
			rows.map((row: IDataObject) => [String(row.alias), row as unknown as MauticField]),
		);
	});
}
