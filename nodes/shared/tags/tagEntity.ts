import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { readList } from '../engine/paginate';
import { entityListSearch, type Entity } from '../entities/entity';
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

/** Resource-locator search: tags whose name matches the typed text, alphabetically. */
export const searchTags = entityListSearch(tagEntity, {
	orderBy: 'tag',
	orderByDir: 'ASC',
	name: (tag) => String(tag.tag ?? `Tag ${tag.id}`),
});

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
