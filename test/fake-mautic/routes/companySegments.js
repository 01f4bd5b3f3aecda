// @ts-check
'use strict';

/**
 * Company segments (Mautic 7.2+, CompanySegmentApiController): standard entity `companysegments`
 * at /companysegments (`{"companysegment": …}`, `{"total": int, "companysegments": {id: …}}`),
 * publish fields plus name, publicName, alias, description, category and filters; add and remove
 * one company, and add many (`{"ids": […]}` → per-id details). Older versions have no such route.
 * Not modelled: categories, filter evaluation, the 409 for a segment other segments filter on.
 */

const { standardEntity, boolish, violation } = require('./standard');
const { publishFields } = require('../contact-view');
const { controllerError, MESSAGES } = require('../errors');

const MIN_VERSION = '7.2';

/** @param {string} text */
const slug = (text) =>
	text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');

/** @param {import('../router').Router} r */
module.exports = function companySegmentRoutes(r) {
	const opts = { minMajor: 7, minVersion: MIN_VERSION };

	/** @param {import('../router').RouteCtx} ctx @param {string} base @param {number} exceptId */
	const uniqueAlias = (ctx, base, exceptId) => {
		const taken = new Set(
			[...ctx.store.companySegments.values()].filter((s) => s.id !== exceptId).map((s) => s.alias),
		);
		let alias = base || 'segment';
		for (let n = 1; taken.has(alias); n++) alias = `${base}${n}`;
		return alias;
	};

	standardEntity(r, {
		kind: 'companySegment',
		path: '/companysegments',
		one: 'companysegment',
		multi: 'companysegments',
		list: 'keyed',
		minMajor: 7,
		minVersion: MIN_VERSION,
		publish: true,
		searchFields: ['name', 'alias', 'description'],
		defaultOrder: { col: 'name', dir: 'ASC' },
		map: (ctx) => ctx.store.companySegments,
		view: (_ctx, s, o) => ({
			...publishFields(s),
			id: o.deleted ? null : s.id,
			name: s.name,
			publicName: s.publicName,
			alias: s.alias,
			description: s.description,
			category: null,
			...(o.list ? {} : { filters: s.filters }),
		}),
		blank: () => ({
			isPublished: true,
			dateAdded: null,
			dateModified: null,
			createdBy: null,
			createdByUser: null,
			modifiedBy: null,
			modifiedByUser: null,
			id: 0,
			name: '',
			publicName: '',
			alias: '',
			description: null,
			filters: [],
		}),
		apply: (ctx, base, p, method) => {
			const put = method === 'PUT';
			const s = { ...base };
			if ('name' in p || put)
				s.name = p.name === undefined || p.name === null ? '' : String(p.name);
			if (!s.name) return violation('name', 'A name is required.');
			if ('description' in p || put) s.description = p.description ?? null;
			if ('isPublished' in p || put)
				s.isPublished = 'isPublished' in p ? boolish(p.isPublished) : true;
			if ('publicName' in p || put || !s.publicName) s.publicName = p.publicName || s.name;
			if ('alias' in p || put || !s.alias)
				s.alias = uniqueAlias(ctx, slug(String(p.alias || s.name)), s.id);
			if ('filters' in p || put) {
				if (p.filters !== undefined && !Array.isArray(p.filters))
					return violation('filters', 'This value is not valid.');
				s.filters = p.filters ?? [];
			}
			return { entity: s };
		},
		onDelete: (ctx, s) => ctx.store.companySegmentMembers.delete(s.id),
	});

	/** @param {import('../router').RouteCtx} ctx @param {'add'|'remove'} action */
	const change = (ctx, action) => {
		const s = ctx.store.companySegments.get(Number(ctx.params.id));
		if (!s) return controllerError(404, MESSAGES.notFound);
		const co = ctx.store.companies.get(Number(ctx.params.companyId));
		if (!co) return controllerError(404, MESSAGES.notFound);
		let members = ctx.store.companySegmentMembers.get(s.id);
		if (!members) ctx.store.companySegmentMembers.set(s.id, (members = new Set()));
		if (action === 'add') members.add(co.id);
		else members.delete(co.id);
		return ctx.ok({ success: 1 });
	};
	r.post('/companysegments/{id}/company/{companyId}/add', (ctx) => change(ctx, 'add'), opts);
	r.post('/companysegments/{id}/company/{companyId}/remove', (ctx) => change(ctx, 'remove'), opts);

	r.post(
		'/companysegments/{id}/companies/add',
		(ctx) => {
			const ids = ctx.body && typeof ctx.body === 'object' ? ctx.body.ids : undefined;
			if (ids === undefined || ids === null)
				return controllerError(
					400,
					'Looks like I encountered an error (error #400). If I do it again, please report me to the system administrator!',
				);
			const s = ctx.store.companySegments.get(Number(ctx.params.id));
			if (!s) return controllerError(404, MESSAGES.notFound);
			let members = ctx.store.companySegmentMembers.get(s.id);
			if (!members) ctx.store.companySegmentMembers.set(s.id, (members = new Set()));
			/** @type {Record<string, { success: boolean }>} */
			const details = {};
			for (const raw of Object.values(ids)) {
				const co = ctx.store.companies.get(Number(raw));
				if (co) members.add(co.id);
				details[String(raw)] = { success: !!co };
			}
			return ctx.ok({ success: 1, details });
		},
		opts,
	);
};
