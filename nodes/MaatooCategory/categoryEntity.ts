import type { INodePropertyOptions } from 'n8n-workflow';
import { entityListSearch, type Entity } from '../shared/entities/entity';
import { entityLocator } from '../shared/locators/entityLocator';

export const categoryLocatorSpec = entityLocator({
	displayName: 'Category',
	name: 'categoryId',
	noun: 'category',
	searchListMethod: 'searchCategories',
	exampleId: 3,
	// A category's page in Mautic has its bundle in the path (s/categories/email/edit/3): no "By URL".
	description: 'The category to work on',
});

/** Categories: `/api/categories`, `{"category": …}` / `{"categories": […]}`; no publish fields shown. */
export const categoryEntity: Entity = {
	path: '/categories',
	key: 'category',
	listKey: 'categories',
	label: 'category',
	pluralLabel: 'categories',
	locator: categoryLocatorSpec,
};

/** Resource-locator search: categories whose title matches, alphabetically, with their bundle. */
export const searchCategories = entityListSearch(categoryEntity, {
	orderBy: 'title',
	orderByDir: 'ASC',
	name: (category) =>
		`${String(category.title ?? `Category ${category.id}`)} [${String(category.bundle ?? '')}]`,
});

/**
 * Mautic 5.1's category types: `global` and each bundle's `categories` config (CategorySubscriber).
 * Text messages file under `sms` in their form, but 5.1 registers no `sms` type, so it refuses one.
 */
export const categoryBundles: INodePropertyOptions[] = [
	{ name: 'Asset', value: 'asset' },
	{ name: 'Campaign', value: 'campaign' },
	{ name: 'Email', value: 'email' },
	{ name: 'Focus Item (Plugin)', value: 'plugin:focus' },
	{ name: 'Form', value: 'form' },
	{ name: 'Global (Every Type)', value: 'global' },
	{ name: 'Marketing Message', value: 'messages' },
	{ name: 'Page', value: 'page' },
	{ name: 'Point Action', value: 'point' },
	{ name: 'Segment', value: 'segment' },
	{ name: 'Social Monitoring (Plugin)', value: 'plugin:mauticSocial' },
	{ name: 'Stage', value: 'stage' },
];
