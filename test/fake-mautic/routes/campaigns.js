// @ts-check
'use strict';

/**
 * Campaigns (CampaignApiController): standard entity `campaigns` at /campaigns, keyed by id, with
 * POST/PUT refusing a campaign without events or contact sources, events created only when
 * `canvasSettings` is given (temporary ids such as "new1" replaced in the canvas), the members
 * list (`/campaigns/{id}/contacts`, StatsApiController over campaign_leads), add/remove of one
 * contact (MembershipManager: restarts only when allowRestart) and clone (copy unpublished,
 * without events and sources, as a real 5.1 answers).
 */

const { standardEntity, boolish } = require('./standard');
const { publishFields } = require('../contact-view');
const { controllerError, MESSAGES } = require('../errors');
const { PhpArray } = require('../php-json');

const EVENTS_REQUIRED =
	'At least one event is required. Use the Launch Campaign Builder button to add one.';
const SOURCES_REQUIRED =
	'At least one contact source is required. Use the Launch Campaign Builder button to add one.';

/** @typedef {import('../store').Campaign} Campaign @typedef {import('../router').RouteCtx} RouteCtx */

/** @param {RouteCtx} ctx @param {number} id */
function segmentRef(ctx, id) {
	const s = ctx.store.segments.get(id);
	if (!s) return null;
	return {
		createdByUser: s.createdByUser,
		modifiedByUser: s.modifiedByUser,
		id: s.id,
		name: s.name,
		publicName: s.publicName,
		alias: s.alias,
		description: s.description,
		category: null,
	};
}

/** @param {RouteCtx} ctx @param {Campaign} c @param {{ deleted?: boolean }} o */
function campaignView(ctx, c, o) {
	return {
		...publishFields(c),
		id: o.deleted ? null : c.id,
		name: c.name,
		category: null,
		description: c.description,
		allowRestart: c.allowRestart,
		publishUp: c.publishUp,
		publishDown: c.publishDown,
		events: c.events.map((e) => ({ ...e })),
		forms: [],
		lists: c.lists.map((id) => segmentRef(ctx, id)).filter(Boolean),
		canvasSettings: c.canvasSettings ?? new PhpArray(),
	};
}

/** Ids of `[{id: 1}, …]` / `{"0": {id}}` source lists. @param {unknown} v @returns {number[]} */
function sourceIds(v) {
	const list = Array.isArray(v) ? v : v && typeof v === 'object' ? Object.values(v) : [];
	return list
		.map((x) => Number(x && typeof x === 'object' ? x.id : x))
		.filter((n) => Number.isInteger(n) && n > 0);
}

/** @param {unknown} v */
const nonEmpty = (v) =>
	Array.isArray(v) ? v.length > 0 : !!v && typeof v === 'object' && Object.keys(v).length > 0;

/**
 * Events of the request with real ids; temporary ids ("new…") are replaced in the canvas the same
 * way, other ids are left there as given.
 * @param {RouteCtx} ctx @param {any} events @param {any} canvas
 */
function buildEvents(ctx, events, canvas) {
	/** @type {Map<string, number>} */
	const ids = new Map();
	const list = Array.isArray(events) ? events : Object.values(events);
	const built = list.map((e, i) => {
		const id = ctx.store.nextId('campaignEvent');
		// Only temporary ids ("new1") are mapped (CampaignModel::setEvents / setCanvasSettings): a
		// saved id in the request (the JSON of a Get posted back) stays in the canvas as it was.
		if (e && e.id !== undefined && String(e.id).startsWith('new')) ids.set(String(e.id), id);
		const type = String(e?.type ?? '');
		return {
			id,
			name: e?.name ?? null,
			description: e?.description ?? null,
			type,
			eventType: e?.eventType ?? null,
			channel: type.startsWith('email.') ? 'email' : null,
			channelId: type.startsWith('email.') ? Number(e?.properties?.email) || null : null,
			order: Number(e?.order ?? i + 1),
			properties: e?.properties ?? new PhpArray(),
			triggerDate: null,
			triggerInterval: Number(e?.triggerInterval ?? 0),
			triggerIntervalUnit: e?.triggerIntervalUnit ?? null,
			triggerHour: null,
			triggerRestrictedStartHour: null,
			triggerRestrictedStopHour: null,
			triggerRestrictedDaysOfWeek: [],
			triggerMode: e?.triggerMode ?? null,
			decisionPath: e?.decisionPath ?? null,
			parent: null,
			children: [],
		};
	});
	const swap = (/** @type {unknown} */ x) => String(ids.get(String(x)) ?? x);
	const nodes = (canvas.nodes ?? []).map((/** @type {any} */ n) => ({ ...n, id: swap(n.id) }));
	const connections = (canvas.connections ?? []).map((/** @type {any} */ c) => ({
		...c,
		sourceId: swap(c.sourceId),
		targetId: swap(c.targetId),
	}));
	return { events: built, canvasSettings: { nodes, connections } };
}

/** @param {import('../router').Router} r */
module.exports = function campaignRoutes(r) {
	standardEntity(r, {
		kind: 'campaign',
		path: '/campaigns',
		one: 'campaign',
		multi: 'campaigns',
		list: 'keyed',
		publish: true,
		searchFields: ['name', 'description'],
		defaultOrder: { col: 'dateAdded', dir: 'DESC' },
		map: (ctx) => ctx.store.campaigns,
		view: (ctx, c, o) => campaignView(ctx, c, o),
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
			description: null,
			allowRestart: false,
			publishUp: null,
			publishDown: null,
			events: [],
			lists: [],
			forms: [],
			canvasSettings: null,
		}),
		apply: (ctx, base, p, method) => {
			if (method === 'POST' || method === 'PUT') {
				if (!nonEmpty(p.events))
					return { error: { code: 400, message: EVENTS_REQUIRED, details: new PhpArray() } };
				if (!nonEmpty(p.lists) && !nonEmpty(p.forms))
					return { error: { code: 400, message: SOURCES_REQUIRED, details: new PhpArray() } };
			}
			const put = method === 'PUT';
			const c = { ...base };
			if ('name' in p || put)
				c.name = p.name === undefined || p.name === null ? '' : String(p.name).trim();
			if (!c.name)
				return {
					error: {
						code: 400,
						message: 'name: A name is required.',
						details: { name: ['A name is required.'] },
					},
				};
			if ('description' in p || put) c.description = p.description ?? null;
			if ('isPublished' in p || put)
				c.isPublished = 'isPublished' in p ? boolish(p.isPublished) : true;
			if ('allowRestart' in p || put)
				c.allowRestart = 'allowRestart' in p ? boolish(p.allowRestart) : false;
			if ('lists' in p) c.lists = sourceIds(p.lists).filter((id) => ctx.store.segments.has(id));
			if (nonEmpty(p.events) && p.canvasSettings && typeof p.canvasSettings === 'object') {
				Object.assign(c, buildEvents(ctx, p.events, p.canvasSettings));
			}
			return { entity: c };
		},
		afterSave: (ctx, c, isNew) => {
			if (isNew) ctx.store.campaignMembers.set(c.id, new Map());
		},
		onDelete: (ctx, c) => ctx.store.campaignMembers.delete(c.id),
	});

	r.get('/campaigns/{id}/contacts', (ctx) => {
		const { store } = ctx;
		const c = store.campaigns.get(Number(ctx.params.id));
		if (!c) return controllerError(404, MESSAGES.notFound);
		const members = [...(store.campaignMembers.get(c.id) ?? new Map()).entries()]
			.filter(([, m]) => !m.manuallyRemoved)
			.map(([contactId, m]) => ({
				campaign_id: String(c.id),
				lead_id: String(contactId),
				date_added: sqlDate(m.dateAdded),
				manually_removed: '0',
				manually_added: m.manuallyAdded ? '1' : '0',
				rotation: String(m.rotation),
				...(m.dateLastExited ? { date_last_exited: sqlDate(m.dateLastExited) } : {}),
			}));
		const order =
			ctx.query.order && typeof ctx.query.order === 'object' ? Object.values(ctx.query.order) : [];
		const first = /** @type {any} */ (order[0]);
		if (first && first.col) {
			const col = String(first.col);
			const sign = /^desc$/i.test(String(first.dir ?? 'ASC')) ? -1 : 1;
			members.sort((a, b) => {
				const x = /** @type {any} */ (a)[col];
				const y = /** @type {any} */ (b)[col];
				const d =
					/^\d+$/.test(x) && /^\d+$/.test(y)
						? Number(x) - Number(y)
						: String(x).localeCompare(String(y));
				return d * sign;
			});
		}
		const start = Math.max(0, parseInt(String(ctx.query.start ?? '0'), 10) || 0);
		const limit = ctx.query.limit === undefined ? 100 : parseInt(String(ctx.query.limit), 10) || 0;
		return ctx.ok({ total: String(members.length), contacts: members.slice(start, start + limit) });
	});

	r.post('/campaigns/{id}/contact/{leadId}/add', (ctx) => {
		const { store } = ctx;
		const c = store.campaigns.get(Number(ctx.params.id));
		if (!c) return controllerError(404, MESSAGES.notFound);
		const contact = store.contacts.get(Number(ctx.params.leadId));
		if (!contact) return controllerError(404, MESSAGES.notFound);
		addMember(ctx, c, contact.id);
		return ctx.ok({ success: 1 });
	});

	r.post('/campaigns/{id}/contact/{leadId}/remove', (ctx) => {
		const { store } = ctx;
		const c = store.campaigns.get(Number(ctx.params.id));
		if (!c) return controllerError(404, MESSAGES.notFound);
		const contact = store.contacts.get(Number(ctx.params.leadId));
		if (!contact) return controllerError(404, MESSAGES.contactNotFound);
		const m = store.campaignMembers.get(c.id)?.get(contact.id);
		// Remover::updateExistingMembership for a removal by hand (not an exit): date_last_exited
		// stays empty (so segment sources do not bring the contact back) and it is no longer
		// "added by hand".
		if (m) m.dateLastExited = null;
		if (m && !m.manuallyRemoved) {
			m.manuallyRemoved = true;
			m.manuallyAdded = false;
		}
		return ctx.ok({ success: 1 });
	});

	r.post('/campaigns/clone/{campaignId}', (ctx) => {
		const { store } = ctx;
		const original = store.campaigns.get(Number(ctx.params.campaignId));
		if (!original) return controllerError(404, MESSAGES.notFound);
		const t = store.now();
		const copy = store.createCampaign({
			...original,
			isPublished: false,
			dateAdded: t,
			dateModified: t,
			createdBy: ctx.user ? ctx.user.id : null,
			createdByUser: store.userName(ctx.user),
			modifiedBy: ctx.user ? ctx.user.id : null,
			modifiedByUser: store.userName(ctx.user),
			events: [],
			lists: [],
			forms: [],
			canvasSettings: original.canvasSettings,
		});
		return ctx.ok({ campaign: campaignView(ctx, copy, {}) }, 200, {
			Location: `/api/campaigns/${copy.id}`,
		});
	});
};

/**
 * MembershipManager::addContact: a new member; a removed member comes back (new rotation); a
 * current member restarts (new rotation) only when the campaign allows restarts.
 * @param {RouteCtx} ctx @param {Campaign} c @param {number} contactId
 */
function addMember(ctx, c, contactId) {
	const { store } = ctx;
	let members = store.campaignMembers.get(c.id);
	if (!members) store.campaignMembers.set(c.id, (members = new Map()));
	const m = members.get(contactId);
	if (!m) {
		members.set(contactId, {
			dateAdded: store.now(),
			manuallyAdded: true,
			manuallyRemoved: false,
			rotation: 1,
			dateLastExited: null,
		});
		return;
	}
	if (!m.manuallyRemoved && !c.allowRestart) return;
	if (m.manuallyRemoved) m.manuallyAdded = true;
	m.manuallyRemoved = false;
	m.dateLastExited = null;
	m.rotation++;
}

/** `2026-12-02 11:56:02` (DBAL answers of StatsApiController). @param {Date} d */
function sqlDate(d) {
	return d.toISOString().slice(0, 19).replace('T', ' ');
}

module.exports.addMember = addMember;
