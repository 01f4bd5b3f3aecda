import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';
import { readList, rowsOfPage, totalOfPage } from '../engine/paginate';
import type { Entity } from '../entities/entity';
import { mauticRequest } from '../transport';
import { entityLocator } from '../locators/entityLocator';

/** Tags: used by the Tag node and by the Contact node's tag suggestions. */
export const tagLocatorSpec = entityLocator({
	displayName: 'Tag',
	name: 'tagId',
	noun: 'tag',
	searchListMethod: 'searchTags',
	exampleId: 7,
	// Mautic 5.1 has no page per tag, so there is no "By URL".
	description: 'The tag to work on',
});

/** Tags: `/api/tags`, `{"tag": …}` / `{"tags": {id: …}}`; no publish fields. */
export const tagEntity: Entity = {
	path: '/tags',
	key: 'tag',
	listKey: 'tags',
	label: 'tag',
	pluralLabel: 'tags',
	locator: tagLocatorSpec,
};

/**
 * Mautic 5.1 ignores `search` on tags (TagRepository has no catch-all search) and answers every
 * tag: a name filter is a `where` with `like` (case-insensitive; `%` and `_` are wildcards).
 * Mautic HTML-encodes `where` values (`&` → `&#38;`), so such a character could never match:
 * it goes as `_`, the wildcard for one character.
 */
export function tagNameFilter(text: string): IDataObject[] {
	// eslint-disable-next-line no-control-regex
	return [{ col: 'tag', expr: 'like', val: `%${text.replace(/[&"'<>\x00-\x1f]/g, '_')}%` }];
}

const SEARCH_PAGE = 50;

/** Resource-locator search: tags whose name contains the typed text, alphabetically, 50 at a time. */
export async function searchTags(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const start = Number(paginationToken ?? 0) || 0;
	const qs: IDataObject = { start, limit: SEARCH_PAGE, orderBy: 'tag', orderByDir: 'ASC' };
	if (filter) qs.where = tagNameFilter(filter);
	const response = await mauticRequest(this, { method: 'GET', path: '/tags', qs });
	const rows = rowsOfPage(response, 'tags');
	const total = totalOfPage(response) ?? 0;
	const next = start + rows.length;
	return {
		results: rows.map((tag) => ({
			name: `${String(tag.tag ?? `Tag ${tag.id}`)} (#${tag.id})`,
			value: String(tag.id),
		})),
		paginationToken: rows.length > 0 && next < total ? String(next) : undefined,
	};
}

/** Most instances have a few hundred tags; a dropdown shows at most this many. */
const SUGGESTED_TAGS = 1000;

/** The instance's tags by name, for the Contact node's tag dropdowns (value: the tag's name). */
export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const tags = await readList(this, {
		path: '/tags',
		key: 'tags',
		qs: { orderBy: 'tag', orderByDir: 'ASC' },
		returnAll: false,
		limit: SUGGESTED_TAGS,
		pageSize: 500,
	});
	return tags
		.map((tag: IDataObject) => String(tag.tag ?? ''))
		.filter(Boolean)
		.map((name) => ({ name, value: name }));
}
