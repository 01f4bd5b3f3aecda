// @ts-check
'use strict';

/**
 * Segments (ListApiController): standard entity `lists` at /segments, keyed by id, plus manual
 * membership. Membership needs the segment among the user's lists: published and (global or own).
 */

const { standardEntity, boolish, violation } = require('./standard');
const { publishFields } = require('../contact-view');
const { controllerError, MESSAGES } = require('../errors');
const { contactView } = require('../contact-view');
const { PhpArray } = require('../php-json');
const { phpInt } = require('../contact-values');

/** @typedef {import('../store').Segment} Segment */

/** Current filter structure, legacy `filter`/`display` keys moved into properties (and kept beside them). @param {any} f */
function normalizeFilter(f) {
	const props = f && typeof f.properties === 'object' && f.properties ? { ...f.properties } : {};
	if (f && f.filter !== undefined && props.filter === undefined) props.filter = f.filter;
	if (f && f.display !== undefined && props.display === undefined) props.display = f.display;
	return {
		object: f?.object ?? 'lead',
		glue: f?.glue ?? 'and',
		field: f?.field ?? null,
		type: f?.type ?? null,
		operator: f?.operator ?? null,
		properties: Object.keys(props).length ? props : new PhpArray(),
		filter: props.filter ?? null,
		display: props.display ?? null,
	};
}

/** @param {import('../router').RouteCtx} ctx @param {Segment} s @param {{deleted?: boolean}} [o] */
function segmentView(ctx, s, o = {}) {
	return {
		...publishFields(s),
		id: o.deleted ? null : s.id,
		name: s.name,
		publicName: s.publicName,
		alias: s.alias,
		description: s.description,
		category: null,
		// a real 5.1 answers the stored filters: no legacy top-level filter/display keys
		filters: s.filters.map(normalizeStored),
		isGlobal: s.isGlobal,
		isPreferenceCenter: s.isPreferenceCenter,
	};
}

/** LeadListRepository::getLists for the user: published and (global or created by the user). @param {import('../router').RouteCtx} ctx @param {Segment} s */
function userCanUse(ctx, s) {
	return s.isPublished && (s.isGlobal || (ctx.user && s.createdBy === ctx.user.id));
}

/**
 * Adds/removes membership and emits mautic.lead_list_change when it changed.
 * @param {import('../router').RouteCtx} ctx
 * @param {Segment} seg
 * @param {import('../store').Contact} c
 * @param {'added'|'removed'} action
 */
function changeMembership(ctx, seg, c, action) {
	const { store } = ctx;
	let members = store.segmentMembers.get(seg.id);
	if (!members) store.segmentMembers.set(seg.id, (members = new Map()));
	const isMember = members.has(c.id);
	if (action === 'added' && isMember) return false;
	if (action === 'removed' && !isMember) return false;
	const t = store.now();
	if (action === 'added')
		members.set(c.id, { dateAdded: t, manuallyAdded: true, manuallyRemoved: false });
	else members.delete(c.id);
	store.addTimeline(
		c.id,
		'segment_membership',
		`Contact ${action} ${action === 'added' ? 'to' : 'from'} segment, ${seg.name}`,
		t,
		{ objectDescription: seg.name },
	);
	ctx.emit('mautic.lead_list_change', {
		contact: contactView(store, c, { mode: 'webhook' }),
		segment: segmentView(ctx, seg),
		action,
	});
	return true;
}

/** @param {import('../router').Router} r */
module.exports = function segmentRoutes(r) {
	standardEntity(r, {
		kind: 'segment',
		path: '/segments',
		one: 'list',
		multi: 'lists',
		list: 'keyed',
		publish: true,
		searchFields: ['name', 'alias'],
		defaultOrder: { col: 'name', dir: 'ASC' },
		map: (ctx) => ctx.store.segments,
		view: (ctx, s, o) => segmentView(ctx, s, o),
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
			isGlobal: true,
			isPreferenceCenter: false,
		}),
		apply: (ctx, base, p, method) => {
			const put = method === 'PUT';
			/** @type {any} */
			const s = { ...base, filters: [...base.filters] };
			/** @param {string} k */
			const has = (k) => k in p;
			if (has('name') || put)
				s.name = p.name === undefined || p.name === null ? '' : String(p.name).trim();
			if (!s.name) return violation('name', 'A name is required.');
			if (has('description') || put) s.description = p.description ?? null;
			if (has('isPublished') || put)
				s.isPublished = has('isPublished') ? boolish(p.isPublished) : true;
			if (has('isGlobal') || put) s.isGlobal = has('isGlobal') ? boolish(p.isGlobal) : true;
			if (has('isPreferenceCenter') || put) s.isPreferenceCenter = boolish(p.isPreferenceCenter);
			if (has('publicName') || put) s.publicName = p.publicName ? String(p.publicName) : '';
			if (!s.publicName) s.publicName = s.name;
			if (has('filters') || put) {
				const f = p.filters;
				s.filters = Array.isArray(f)
					? f.map(normalizeStored)
					: f && typeof f === 'object'
						? Object.values(f).map(normalizeStored)
						: [];
			}
			const wantAlias =
				has('alias') && p.alias ? String(p.alias) : put || !s.alias ? s.name : s.alias;
			s.alias = ctx.store.uniqueSegmentAlias(wantAlias, s.id || undefined);
			return { entity: s };
		},
		onDelete: (ctx, s) => ctx.store.segmentMembers.delete(s.id),
		afterSave: (ctx, s, isNew) => {
			if (isNew) ctx.store.segmentMembers.set(s.id, new Map());
		},
	});

	/** @param {import('../router').RouteCtx} ctx @param {'added'|'removed'} action */
	const single = (ctx, action) => {
		const { store } = ctx;
		const seg = store.segments.get(Number(ctx.params.id));
		if (!seg) return controllerError(404, MESSAGES.notFound);
		const c = store.contacts.get(Number(ctx.params.leadId));
		if (!c) return controllerError(404, MESSAGES.contactNotFound);
		if (!userCanUse(ctx, seg)) return controllerError(403, MESSAGES.accessDenied);
		changeMembership(ctx, seg, c, action);
		return ctx.ok({ success: 1 });
	};
	r.post('/segments/{id}/contact/{leadId}/add', (ctx) => single(ctx, 'added'));
	r.post('/segments/{id}/contact/{leadId}/remove', (ctx) => single(ctx, 'removed'));

	r.post('/segments/{id}/contacts/add', (ctx) => {
		const { store } = ctx;
		let ids = ctx.body && typeof ctx.body === 'object' ? ctx.body.ids : undefined;
		if (ids === undefined || ids === null) return controllerError(400, MESSAGES.badRequest);
		const seg = store.segments.get(Number(ctx.params.id));
		if (!seg) return controllerError(404, MESSAGES.notFound);
		if (!userCanUse(ctx, seg)) return controllerError(403, MESSAGES.accessDenied);
		if (typeof ids === 'string') ids = ids.split(',');
		if (!Array.isArray(ids)) ids = Object.values(ids);
		const details = new PhpArray();
		for (const raw of ids) {
			const id = phpInt(raw);
			const c = store.contacts.get(id);
			if (c) changeMembership(ctx, seg, c, 'added');
			details.set(id, { success: !!c });
		}
		return ctx.ok({ success: 1, details });
	});
};

/** Stored filters keep the modern shape (legacy keys moved into properties). @param {any} f */
function normalizeStored(f) {
	const n = normalizeFilter(f);
	const { filter: _f, display: _d, ...rest } = n;
	return rest;
}

module.exports.segmentView = segmentView;
module.exports.changeMembership = changeMembership;
module.exports.userCanUse = userCanUse;
