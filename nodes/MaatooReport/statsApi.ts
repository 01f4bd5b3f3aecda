import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
} from 'n8n-workflow';
import { failItem } from '../shared/engine/itemErrors';
import { runCatalogue } from '../shared/runState';
import { mauticRequest } from '../shared/transport';

/** A table name as Mautic's tables are named (`email_stats`): checked before it goes into the path. */
const TABLE_NAME = /^[a-z][a-z0-9_]{0,63}$/;

export interface StatsCatalogue {
	tables: string[];
	columns: Record<string, string[]>;
}

/** `GET /stats`: the tables this user may read and their columns (Mautic 5.1 answers both). */
export async function readStatsCatalogue(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	itemIndex?: number,
): Promise<StatsCatalogue> {
	const response = await mauticRequest(ctx, { method: 'GET', path: '/stats' }, itemIndex);
	const body = (response.body ?? {}) as IDataObject;
	const tables = Array.isArray(body.availableTables) ? body.availableTables.map(String) : [];
	const columns: Record<string, string[]> = {};
	const raw = body.tableColumns;
	if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
		for (const [table, list] of Object.entries(raw as IDataObject))
			if (Array.isArray(list)) columns[table] = list.map(String);
	}
	return { tables, columns };
}

/** The checked table name of the item: a name of Mautic's form, then one Mautic offers. */
export async function statsTableOf(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	const table = String(ctx.getNodeParameter('table', itemIndex, '') ?? '').trim();
	if (!TABLE_NAME.test(table)) {
		failItem(
			ctx,
			itemIndex,
			`The field "Table" needs a table name such as email_stats, got "${table.slice(0, 80)}"`,
		);
	}
	// Mautic answers an unknown table with its table list (HTTP 200) instead of an error: check first.
	const catalogue = await runCatalogue(
		ctx,
		'statsTables',
		async () => await readStatsCatalogue(ctx, itemIndex),
	);
	if (!catalogue.tables.includes(table)) {
		throw new NodeOperationError(ctx.getNode(), `Mautic has no statistics table "${table}"`, {
			itemIndex,
			description: `Tables this user can read: ${catalogue.tables.join(', ') || 'none'}.`,
		});
	}
	return table;
}
