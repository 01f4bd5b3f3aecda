import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import {
	failureOf,
	keysInWrittenOrder,
	mauticErrorEntries,
	mauticRequest,
	parseResponseText,
	type MauticContext,
	type MauticResponse,
} from '../transport';
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

/**
 * More rows than one n8n execution can hold in memory anyway (a simplified contact is ~1 KB).
 * Bounds the list by rows, whatever the server says about its size.
 */
export const MAX_LIST_ROWS = 2_000_000;

/** Pages in a row with no row not seen before, after which a list is taken as endless. */
const STALE_PAGES_LIMIT = 3;

/**
 * Ends a list that a misbehaving server (a proxy that ignores the query, a broken plugin) would
 * make endless: a page identical to the one before, several pages in a row with no row not seen
 * before, more rows than the server said it had, or more rows than any run can hold. A single
 * page of rows already seen is normal when rows are added during an offset read (they shift
 * older rows onto the next page): those repeats are dropped, not counted twice.
 */
class ListGuard {
	private readonly seenIds = new Set<string>();
	private previousText: string | undefined;
	private largestTotal: number | undefined;
	private received = 0;
	private stalePages = 0;

	constructor(
		private readonly context: MauticContext,
		private readonly list: ListRequest,
		private readonly itemIndex: number | undefined,
	) {}

	/** The rows of this page not seen before (rows without an ID all count as new). */
	newRows(
		page: number,
		rows: IDataObject[],
		rawText: string,
		total: number | undefined,
	): IDataObject[] {
		if (rows.length === 0) return rows;
		if (rawText === this.previousText)
			this.stop(`page ${page + 1} is the same as page ${page}, word for word`);
		this.previousText = rawText;
		this.received += rows.length;
		if (total !== undefined) this.largestTotal = Math.max(this.largestTotal ?? 0, total);
		const fresh = rows.filter((row) => {
			if (row.id === undefined || row.id === null) return true;
			const id = String(row.id);
			if (this.seenIds.has(id)) return false;
			this.seenIds.add(id);
			return true;
		});
		this.stalePages = fresh.length === 0 ? this.stalePages + 1 : 0;
		if (this.stalePages >= STALE_PAGES_LIMIT) {
			this.stop(
				`${STALE_PAGES_LIMIT} pages in a row (up to page ${page + 1}) brought no row that earlier pages had not already brought`,
			);
		}
		if (this.largestTotal !== undefined && this.received > this.largestTotal) {
			this.stop(`it sent ${this.received} rows although it said the list has ${this.largestTotal}`);
		}
		if (this.received > MAX_LIST_ROWS)
			this.stop(`it sent more than ${MAX_LIST_ROWS.toLocaleString('en-US')} rows`);
		return fresh;
	}

	stop(why: string): never {
		throw new NodeOperationError(
			this.context.getNode(),
			`Stopped reading ${this.list.path} from Mautic: ${why}`,
			{
				itemIndex: this.itemIndex,
				description:
					'The server does not page this list as Mautic does (a proxy or plugin may ignore the paging parameters), so reading on could go on for ever. Nothing was returned for this item. For exports while contacts change, use Pagination "By ID (Consistent Export)"; otherwise check what answers at the Base URL.',
			},
		);
	}
}

function pagingQuery(
	list: ListRequest,
	page: number,
	offset: number,
	pageSize: number,
	lastId: number,
): IDataObject {
	if (list.paging === 'page') return { page: page + 1, limit: list.pageSize };
	if (list.paging !== 'idCursor') return { start: offset, limit: pageSize };
	const where = Array.isArray(list.qs?.where) ? [...(list.qs!.where as IDataObject[])] : [];
	where.push({ col: 'id', expr: 'gt', val: lastId });
	return { start: 0, limit: pageSize, orderBy: 'id', orderByDir: 'ASC', where };
}

/** The rows of a page; a compacted page with a row that lost what `map` needs is parsed again whole. */
function rowsOfListPage(
	response: MauticResponse,
	list: ListRequest,
): { rows: IDataObject[]; response: MauticResponse } {
	const rows = rowsOfPage(response, list.key);
	const { compact } = list;
	if (response.fullText === undefined || !compact || rows.every((row) => compact.isComplete(row)))
		return { rows, response };
	const whole = {
		...response,
		body: parseResponseText(response.fullText),
		rawText: response.fullText,
		fullText: undefined,
	};
	return { rows: rowsOfPage(whole, list.key), response: whole };
}

/**
 * Whether a failure may be a lost race to renew an OAuth2 token: two requests that both find the
 * access token expired both refresh it, and Mautic accepts each refresh token once. The loser
 * fails with a 401, or with a bare 400 (n8n keeps only the status of the token endpoint's answer).
 */
function mayBeRefreshRace(error: unknown): boolean {
	const failure = failureOf(error);
	if (!failure) return false;
	return (
		failure.status === 401 ||
		(failure.status === 400 && mauticErrorEntries(failure.body).length === 0)
	);
}

/**
 * A page whose request failed that way while another request of the list was open is asked once
 * more, on its own, once the others have settled. A page that fails again fails the read.
 */
async function askedAgainIfRaced(
	request: Promise<MauticResponse>,
	others: () => Array<Promise<MauticResponse>>,
	askAgain: () => Promise<MauticResponse>,
): Promise<MauticResponse> {
	const failure = await request.then(
		() => undefined,
		(error: unknown) => ({ error }),
	);
	// Answered, or failed for a reason of its own: that outcome stands.
	if (!failure || !mayBeRefreshRace(failure.error)) return await request;
	await Promise.allSettled(others());
	return await askAgain();
}

interface PageAsk {
	offset: number;
	size: number;
	response: Promise<MauticResponse>;
}

/** Pages asked for ahead of the one being read: the server always has the next one to prepare, and never more than two requests of a list are open at once. */
export const PAGES_AHEAD = 1;

/**
 * Reads a list page by page until it has what was asked for. It stops on an empty page, when
 * the server's total is reached, or on a short page when no total applies; every page must
 * move forward, so it cannot loop forever.
 *
 * With offset paging, once the total is known the next pages are asked for before the current
 * one is read: the server prepares them while this process parses. A page asked ahead is used
 * only if it is exactly the page the sequential loop asks for next (same offset and size), so a
 * list that changes meanwhile costs a few unused requests, never a wrong row.
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
	const asksAhead = list.paging === undefined || list.paging === 'offset';
	// Every request of this list still open, pages asked ahead and dropped included.
	const open = new Set<Promise<MauticResponse>>();
	const fetchPage = (query: IDataObject) => {
		const response = mauticRequest(
			context,
			{
				method: 'GET',
				path: list.path,
				qs: { ...list.qs, ...query },
				maxRetries: list.maxRetries,
				timeoutMs: list.timeoutMs,
				...(list.entity ? { entity: list.entity } : {}),
				compactText: list.compact?.text,
			},
			itemIndex,
		);
		open.add(response);
		// Also keeps the failure of a page never read from going unhandled.
		response.then(
			() => open.delete(response),
			() => open.delete(response),
		);
		return response;
	};
	let offset = 0;
	let lastId = 0;
	let knownTotal: number | undefined;
	let ahead: PageAsk[] = [];
	const guard = new ListGuard(context, list, itemIndex);
	try {
		for (let page = 0; page < MAX_PAGES && rows.length < wanted; page++) {
			const pageSize = Math.max(1, Math.min(list.pageSize, wanted - rows.length));
			const asked =
				ahead[0]?.offset === offset && ahead[0].size === pageSize ? ahead.shift() : undefined;
			if (!asked) ahead = [];
			const query = pagingQuery(list, page, offset, pageSize, lastId);
			const current = asked?.response ?? fetchPage(query);
			if (asksAhead && knownTotal !== undefined) {
				let nextOffset = ahead.length
					? ahead[ahead.length - 1].offset + ahead[ahead.length - 1].size
					: offset + pageSize;
				while (ahead.length < PAGES_AHEAD && nextOffset < knownTotal) {
					const size = Math.min(list.pageSize, wanted - rows.length - (nextOffset - offset));
					if (size <= 0) break;
					const response = fetchPage(
						pagingQuery(list, page + 1 + ahead.length, nextOffset, size, lastId),
					);
					ahead.push({ offset: nextOffset, size, response });
					nextOffset += size;
				}
			}
			const overlapped = asked !== undefined || open.size > 1;
			const others = () => [...open].filter((request) => request !== current);
			const received = overlapped
				? await askedAgainIfRaced(current, others, () => fetchPage(query))
				: await current;
			const { rows: pageRows, response } = rowsOfListPage(received, list);
			const freshRows = guard.newRows(
				page,
				pageRows,
				response.rawText,
				cursor ? undefined : totalOfPage(response),
			);
			for (const row of freshRows) {
				if (rows.length >= wanted) break;
				rows.push(map(row));
			}
			offset += pageRows.length;
			const askedSize = list.paging === 'page' ? list.pageSize : pageSize;
			if (pageRows.length === 0) break;
			if (cursor) {
				const nextId = Number(pageRows[pageRows.length - 1].id);
				// The total counts rows above the cursor, so only a short page or a stuck cursor ends it.
				if (pageRows.length < askedSize) break;
				if (!(nextId > lastId))
					guard.stop(
						`page ${page + 1} did not move past ID ${lastId}: the server ignores the ID cursor`,
					);
				lastId = nextId;
				continue;
			}
			const total = totalOfPage(response);
			knownTotal = total;
			if (total !== undefined && offset >= total) break;
			if (total === undefined && pageRows.length < askedSize) break;
		}
	} finally {
		// A page asked ahead for a list that then ended early: let it finish before the node moves on.
		await Promise.allSettled([...open]);
	}
	return rows;
}
