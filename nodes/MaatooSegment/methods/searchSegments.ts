import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { rowsOfPage, totalOfPage } from '../../shared/engine/paginate';
import { instanceRootOf, mauticRequest } from '../../shared/transport';

const PAGE = 50;

/** Resource-locator search: segments whose name or alias matches the typed text, by name, 50 at a time. */
export async function searchSegments(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const start = Number(paginationToken ?? 0) || 0;
	const qs: IDataObject = { start, limit: PAGE, orderBy: 'name', orderByDir: 'ASC', minimal: 1 };
	if (filter) qs.search = filter;
	const response = await mauticRequest(this, { method: 'GET', path: '/segments', qs });
	const root = await instanceRootOf(this);
	const rows = rowsOfPage(response, 'lists');
	const results = rows.map((segment) => ({
		name: `${String(segment.name ?? `Segment ${segment.id}`)}${segment.isPublished === false ? ' [unpublished]' : ''} (#${segment.id})`,
		value: String(segment.id),
		url: `${root}/s/segments/view/${segment.id}`,
	}));
	const total = totalOfPage(response) ?? 0;
	const next = start + rows.length;
	return { results, paginationToken: rows.length > 0 && next < total ? String(next) : undefined };
}
