// @ts-check
'use strict';

/**
 * Categories (CategoryApiController): standard entity at /categories, listed as a JSON array,
 * shown without publish fields (serializer group categoryDetails only). As on a real 5.1: the
 * bundle is one of the registered category types and is set only on create (an edit ignores
 * it); the alias is made from the title, unique within the bundle (a number appended).
 */

const { standardEntity, boolish, violation } = require('./standard');
const { slugify } = require('../store');

/** Mautic 5.1's category types (each bundle's config `categories`, plus `global`). */
const BUNDLES = [
	'global',
	'asset',
	'campaign',
	'email',
	'form',
	'messages',
	'page',
	'point',
	'segment',
	'stage',
	'plugin:focus',
	'plugin:mauticSocial',
];

/** @param {Map<number, any>} categories @param {any} c */
function uniqueAlias(categories, c) {
	const base = slugify(c.alias || c.title);
	let alias = base;
	for (
		let n = 1;
		[...categories.values()].some(
			(o) => o.id !== c.id && o.bundle === c.bundle && o.alias === alias,
		);
		n++
	)
		alias = `${base}${n}`;
	return alias;
}

/** @param {import('../router').Router} r */
module.exports = function categoryRoutes(r) {
	standardEntity(r, {
		kind: 'category',
		path: '/categories',
		one: 'category',
		multi: 'categories',
		list: 'array',
		publish: false,
		searchFields: ['title', 'alias', 'description'],
		defaultOrder: { col: 'id', dir: 'ASC' },
		map: (ctx) => ctx.store.categories,
		view: (_ctx, c, o) => ({
			id: o.deleted ? null : c.id,
			title: c.title,
			alias: c.alias,
			description: c.description,
			color: c.color,
			bundle: c.bundle,
		}),
		blank: () => ({
			isPublished: true,
			id: 0,
			title: '',
			alias: '',
			description: null,
			color: null,
			bundle: '',
		}),
		apply: (ctx, base, p, method) => {
			const put = method === 'PUT';
			const isNew = !base.id;
			const c = { ...base };
			if (isNew) {
				if (p.bundle === undefined || p.bundle === null || p.bundle === '')
					return violation('bundle', 'A value is required.');
				if (!BUNDLES.includes(String(p.bundle)))
					return violation('bundle', 'This value is not valid.');
				c.bundle = String(p.bundle);
			}
			if ('title' in p || put)
				c.title = p.title === undefined || p.title === null ? '' : String(p.title);
			if (!String(c.title).trim()) return violation('title', 'A title is required.');
			if ('description' in p || put) c.description = p.description || null;
			if ('color' in p || put) c.color = p.color || null;
			if ('isPublished' in p || put)
				c.isPublished = 'isPublished' in p ? boolish(p.isPublished) : true;
			if ('alias' in p || isNew || put) {
				c.alias = p.alias ? String(p.alias) : '';
				c.alias = uniqueAlias(ctx.store.categories, c);
			}
			return { entity: c };
		},
	});
};

module.exports.BUNDLES = BUNDLES;
