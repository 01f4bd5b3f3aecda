import type { IDataObject } from 'n8n-workflow';
import { keysInWrittenOrder, mauticRequest, type MauticContext, type MauticResponse } from '../transport';
import type { ListRequest } from './operation';

/**
 * The rows of one list page in the server's order. Mautic answers arrays for some entities and
 * id-keyed objects for others; an empty list may be `[]` or `{}`.
 */
export function rowsOfPage(response: MauticResponse, key: string): IDataObject[] {
	const container = (response.body as IDataObject | undefined)?.[key];
	if (Array.isArray(container)) return container as IDataObject[];
	if (!container || typeof container !== 'object') return [];
	const record = container as Record<string, IDataObject>;
	const keys = keysInWrittenOrder(response.rawText, key, Object.keys(record));
	return keys.map((id) => record[id]).filter((row) => row !== undefined);
}

/** Mautic's `total` is a string for contacts and a number elsewhere. */
export function totalOfPage(response: MauticResponse): number | undefined {
	const total = Number((response.body as IDataObject | undefined)?.total);
	return Number.isFinite(total) && total >= 0 ? total : undefined;
}

/** No list is this long; the cap only guarantees the loop ends against a misbehaving server. */
const MAX_PAGES = 100_000;

function pagingQuery(list: ListRequest, page: number, offset: number, pageSize: number, lastId: number): IDataObject {
	if (list.paging === 'page') return { page: page + 1, limit: list.pageSize };
	if (list.paging !== 'idCursor') return { start: offset, limit: pageSize };
	const where = Array.isArray(list.qs?.where) ? [...(list.qs!.where as IDataObject[])] : [];
	where.push({ col: 'id', expr: 'gt', val: lastId });
	return { start: 0, limit: pageSize, orderBy: 'id', orderByDir: 'ASC', where };
}

/**
 * Reads a list page by page until it has what was asked for. It stops on an empty page, when
 * the server's total is reached, or on a short page when no total applies; every page must
 * move forward, so it cannot loop forever.
 */
export async function readList(
	context: MauticContext,
	list: ListRequest,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	const map = list.map ?? ((row: IDataObject) => row);
	const wanted = list.returnAll ? Infinity : Math.max(0, list.limit);
	const cursor = list.paging === 'idCursor';
	let offset = 0;
	let lastId = 0;
	for (let page = 0; page < MAX_PAGES && rows.length < wanted; page++) {
		const pageSize = Math.max(1, Math.min(list.pageSize, wanted - rows.length));
		const response = await mauticRequest(
			context,
			{
				method: 'GET',
				path: list.path,
				qs: { ...list.qs, ...pagingQuery(list, page, offset, pageSize, lastId) },
				maxRetries: list.maxRetries,
			},
			itemIndex,
		);
		const pageRows = rowsOfPage(response, list.key);
		for (const row of pageRows) {
			if (rows.length >= wanted) break;
			rows.push(map(row));
		}
		offset += pageRows.length;
		const asked = list.paging === 'page' ? list.pageSize : pageSize;
		if (pageRows.length === 0) break;
		if (cursor) {
			const nextId = Number(pageRows[pageRows.length - 1].id);
			// The total counts rows above the cursor, so only a short page or a stuck cursor ends it.
			if (!(nextId > lastId) || pageRows.length < asked) break;
			lastId = nextId;
			continue;
		}
		const total = totalOfPage(response);
		if (total !== undefined && offset >= total) break;
		if (total === undefined && pageRows.length < asked) break;
	}
	return rows;
}
