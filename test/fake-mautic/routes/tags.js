// @ts-check
'use strict';

/**
 * Tags (TagApiController): standard entity at /tags (keyed by id) over the store's tags, which
 * contacts use too. As on a real 5.1: `new` with a name that exists (in any case) answers that tag
 * with 200, not 201, saved with the name as given; a missing or empty name is a 500 (Tag::setTag gets null); the name is trimmed
 * and stripped of HTML (from a "<" on, even without a ">"); the description is not part of the API form and is never written;
 * `search` is ignored (a `where` with `like` filters).
 */

const { standardEntity, batchItems } = require('./standard');
const { ServerException, controllerError, MESSAGES } = require('../errors');
const { PhpArray } = require('../php-json');

/**
 * InputHelper::string(trim()): outer spaces trimmed, then null bytes and tags stripped with
 * Mautic's `/\x00|<[^>]*>?/` (a "<" without a ">" takes the rest of the name with it).
 * @param {unknown} name
 */
function cleanTag(name) {
	if (name === undefined || name === null || typeof name === 'object')
		throw new ServerException(500);
	const clean = String(name)
		.trim()
		.replace(/\x00|<[^>]*>?/g, '')
		.trim();
	if (!clean) throw new ServerException(500);
	return clean;
}

/** @param {import('../router').Router} r */
module.exports = function tagRoutes(r) {
	r.post('/tags/new', (ctx) => {
		const { store } = ctx;
		const body = ctx.body && typeof ctx.body === 'object' ? ctx.body : {};
		const name = cleanTag(body.tag);
		// TagRepository::getTagByNameOrCreateNewOne finds it without case; the form then saves the name as given
		const existing = store.tagByName(name);
		if (existing) {
			existing.tag = name;
			return ctx.ok({ tag: { ...existing } });
		}
		const tag = store.ensureTag(name);
		return ctx.ok({ tag: { ...tag } }, 201, { Location: `/api/tags/${tag.id}` });
	});

	// batch/new goes through getNewEntity per entry too: an existing name answers that tag (200)
	r.post('/tags/batch/new', (ctx) => {
		const { store } = ctx;
		const items = batchItems(ctx.body);
		if (items.length > ctx.config.batchLimit)
			return controllerError(500, MESSAGES.batchLimit(ctx.config.batchLimit));
		const tags = new PhpArray();
		const statusCodes = new PhpArray();
		for (const [key, params] of items) {
			const name = cleanTag(params && typeof params === 'object' ? params.tag : undefined);
			const existing = store.tagByName(name);
			if (existing) existing.tag = name;
			const tag = existing ?? store.ensureTag(name);
			tags.set(key, { ...tag });
			statusCodes.set(key, existing ? 200 : 201);
		}
		return ctx.ok({ tags, statusCodes }, 201);
	});

	standardEntity(r, {
		kind: 'tag',
		path: '/tags',
		one: 'tag',
		multi: 'tags',
		list: 'keyed',
		publish: false,
		searchFields: ['tag'],
		// TagRepository has no catch-all search: a real 5.1 answers every tag (filter with where … like)
		searchIgnored: true,
		defaultOrder: { col: 'id', dir: 'ASC' },
		map: (ctx) => ctx.store.tags,
		view: (_ctx, t, o) => ({ id: o.deleted ? null : t.id, tag: t.tag, description: t.description }),
		blank: () => ({ id: 0, tag: '', description: null }),
		apply: (_ctx, base, p, method) => {
			const t = { ...base };
			if ('tag' in p || method === 'PUT') t.tag = cleanTag(p.tag);
			return { entity: t };
		},
		onDelete: (ctx, t) => {
			for (const c of ctx.store.contacts.values()) c.tagIds = c.tagIds.filter((id) => id !== t.id);
		},
	});
};
