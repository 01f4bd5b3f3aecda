import type { IDataObject } from 'n8n-workflow';
import { readList } from '../engine/paginate';
import type { MauticContext } from '../transport';
import type { MauticField } from './contactFieldTypes';
import { runCatalogue } from '../runState';

/**
 * The instance's contact (or company) fields by alias, fetched once per run (execution or
 * dropdown load): the catalogue is needed to type values and to reject unknown aliases.
 */
export function fieldCatalog(
	context: MauticContext,
	object: 'contact' | 'company',
): Promise<Map<string, MauticField>> {
	return runCatalogue(context, `${object}Fields`, async () => {
		const rows = await readList(context, {
			path: `/fields/${object}`,
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

export function contactFieldCatalog(context: MauticContext): Promise<Map<string, MauticField>> {
	return fieldCatalog(context, 'contact');
}
