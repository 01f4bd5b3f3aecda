import type { IDataObject } from 'n8n-workflow';
import { mauticRequest, topLevelObjectKeys, type MauticContext, type MauticResponse } from '../transport';
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
	const keys = topLevelObjectKeys(response.rawText, key) ?? Object.keys(record);
	return keys.map((id) => record[id]).filter((row) => row !== undefined);
}

/** Mautic's `total` is a string for contacts and a number elsewhere. */
export function totalOfPage(response: MauticResponse): number | undefined {
	const total = Number((response.body as IDataObject | undefined)?.total);
	return Number.isFinite(total) && total >= 0 ? total : undefined;
}

/** No list is this long; the cap only guarantees the loop ends against a misbehaving server. */
const MAX_PAGES = 100_000;

/**
 * Reads a list page by page until it has what was asked for. It stops on an empty page, when
 * the server's total is reached, or on a short page when no total is given; it never asks for a
 * page it has already asked for, so it cannot loop forever.
 */
export async function readList(
	context: MauticContext,
	list: ListRequest,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	const map = list.map ?? ((row: IDataObject) => row);
	const wanted = list.returnAll ? Infinity : Math.max(0, list.limit);
	let offset = 0;
	for (let page = 0; page < MAX_PAGES && rows.length < wanted; page++) {
		const pageSize = Math.max(1, Math.min(list.pageSize, wanted - rows.length));
		const paging: IDataObject =
			list.paging === 'page'
				? { page: page + 1, limit: list.pageSize }
				: { start: offset, limit: pageSize };
		const response = await mauticRequest(
			context,
			{ method: 'GET', path: list.path, qs: { ...list.qs, ...paging }, maxRetries: list.maxRetries },
			itemIndex,
		);
		const pageRows = rowsOfPage(response, list.key);
		for (const row of pageRows) {
			if (rows.length >= wanted) break;
			rows.push(map(row));
		}
		offset += pageRows.length;
		const total = totalOfPage(response);
		const asked = list.paging === 'page' ? list.pageSize : pageSize;
		if (pageRows.length === 0) break;
		if (total !== undefined && offset >= total) break;
		if (total === undefined && pageRows.length < asked) break;
	}
	return rows;
}
