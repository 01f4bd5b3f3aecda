// @ts-check
'use strict';

/**
 * Contact points (PointApiController::adjustPointsAction), point groups (standard entity at
 * /points/groups, listed as a JSON array) and contact group scores (PointGroupsApiController).
 */

const { standardEntity, boolish, violation } = require('./standard');
const { publishFields } = require('../contact-view');
const { controllerError, MESSAGES, ServerException } = require('../errors');
const { phpInt } = require('../contact-values');
const { saveContact, logPoints } = require('../contact-save');
const { PhpArray } = require('../php-json');
const { evaluateInsights } = require('./insights');

/** @typedef {import('../store').PointGroup} PointGroup */

const CONTACT_MISSING = 'Contact could not be found.';
const GROUP_MISSING = 'The specified point group was not found.';
const OP_NOT_PERMITTED = 'The requested operation is not permitted.';
const DEFAULT_EVENT = {
	plus: 'add (+)',
	minus: 'subtract (-)',
	times: 'multiply (x)',
	divide: 'divide (/)',
};

/** @param {PointGroup} g */
// a real 5.1 drops a null description here (serialized without nulls)
const groupRef = (g) => ({
	id: g.id,
	name: g.name,
	...(g.description === null || g.description === undefined ? {} : { description: g.description }),
});

/** @param {import('../router').Router} r */
module.exports = function pointRoutes(r) {
	r.post('/contacts/{leadId}/points/{operator}/{delta}', (ctx) => {
		const { store } = ctx;
		const c = store.contacts.get(Number(ctx.params.leadId));
		if (!c) return controllerError(404, MESSAGES.contactNotFound);
		const delta = phpInt(ctx.params.delta);
		// 0 or non-numeric: early success without touching anything (no operator check either)
		if (!delta) return ctx.ok({ success: 1 });
		const op = ctx.params.operator;
		const old = c.points;
		let next;
		switch (op) {
			case 'plus':
				next = old + delta;
				break;
			case 'minus':
				next = old - delta;
				break;
			case 'times':
				next = old * delta;
				break;
			case 'divide':
				next = Math.round(old / delta); // stored in an INT column
				break;
			default:
				return controllerError(400, 'Invalid operator');
		}
		const body = ctx.body && typeof ctx.body === 'object' ? ctx.body : {};
		const eventName = String(
			body.eventName ?? body.eventname ?? DEFAULT_EVENT[/** @type {'plus'} */ (op)],
		);
		const actionName = String(body.actionName ?? body.actionname ?? 'API');
		c.points = next;
		if (next !== old) {
			// saveContact logs with a generic name; log the API event name instead
			const changes = { fields: {}, points: /** @type {[number, number]} */ ([old, next]) };
			logPoints(store, c.id, next - old, eventName, actionName);
			saveContact(ctx, c, { ...changes, pointsLogged: true });
		}
		return ctx.ok({ success: 1 });
	});

	standardEntity(r, {
		kind: 'pointGroup',
		path: '/points/groups',
		one: 'pointGroup',
		multi: 'pointGroups',
		list: 'array',
		publish: true,
		searchFields: ['name', 'description'],
		defaultOrder: { col: 'id', dir: 'ASC' },
		map: (ctx) => ctx.store.pointGroups,
		view: (ctx, g, o) => ({
			...publishFields(g),
			id: o.deleted ? null : g.id,
			name: g.name,
			description: g.description,
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
			description: null,
		}),
		apply: (_ctx, base, p, method) => {
			const put = method === 'PUT';
			const g = { ...base };
			if ('name' in p || put)
				g.name = p.name === undefined || p.name === null ? '' : String(p.name).trim();
			if (!g.name) return violation('name', 'A name is required.');
			if ('description' in p || put) g.description = p.description ?? null;
			if ('isPublished' in p || put)
				g.isPublished = 'isPublished' in p ? boolish(p.isPublished) : true;
			return { entity: g };
		},
		onDelete: (ctx, g) => {
			for (const scores of ctx.store.groupScores.values()) scores.delete(g.id);
		},
	});

	r.get('/contacts/{contactId}/points/groups', (ctx) => {
		const { store } = ctx;
		const c = store.contacts.get(Number(ctx.params.contactId));
		if (!c) return controllerError(404, CONTACT_MISSING);
		const scores = store.groupScores.get(c.id) || new Map();
		const list = [...scores.entries()]
			.filter(([gid]) => store.pointGroups.has(gid))
			.sort((a, b) => a[0] - b[0])
			.map(([gid, score]) => ({
				score,
				group: groupRef(/** @type {PointGroup} */ (store.pointGroups.get(gid))),
			}));
		return ctx.ok({ total: list.length, groupScores: list });
	});

	r.get('/contacts/{contactId}/points/groups/{groupId}', (ctx) => {
		const { store } = ctx;
		const c = store.contacts.get(Number(ctx.params.contactId));
		if (!c) return controllerError(404, CONTACT_MISSING);
		const g = store.pointGroups.get(Number(ctx.params.groupId));
		if (!g) return controllerError(404, GROUP_MISSING);
		const score = store.groupScores.get(c.id)?.get(g.id);
		// no score row: a real 5.1 drops the null and answers an empty array, `[]`
		return ctx.ok(
			score === undefined ? new PhpArray() : { groupScore: { score, group: groupRef(g) } },
		);
	});

	r.post('/contacts/{contactId}/points/groups/{groupId}/{operator}/{value}', (ctx) => {
		const { store } = ctx;
		const raw = ctx.params.value;
		// int-typed argument in a strict_types file: anything but an integer is a TypeError (500)
		if (!/^-?\d+$/.test(raw)) throw new ServerException(500);
		const value = parseInt(raw, 10);
		const c = store.contacts.get(Number(ctx.params.contactId));
		if (!c) return controllerError(404, CONTACT_MISSING);
		const g = store.pointGroups.get(Number(ctx.params.groupId));
		if (!g) return controllerError(404, GROUP_MISSING);
		const old = store.groupScores.get(c.id)?.get(g.id) ?? 0;
		let next;
		switch (ctx.params.operator) {
			case 'plus':
				next = old + value;
				break;
			case 'minus':
				next = old - value;
				break;
			case 'times':
				next = old * value;
				break;
			case 'divide':
				if (value === 0 || old % value !== 0) throw new ServerException(500);
				next = old / value;
				break;
			case 'set':
				next = value;
				break;
			default:
				return controllerError(400, OP_NOT_PERMITTED);
		}
		store.setGroupScore(c.id, g.id, next);
		const body = ctx.body && typeof ctx.body === 'object' ? ctx.body : {};
		logPoints(
			store,
			c.id,
			next - old,
			String(body.eventName ?? body.eventname ?? 'Manual change'),
			String(body.actionName ?? body.actionname ?? 'API'),
			g.id,
		);
		evaluateInsights(ctx, c);
		return ctx.ok({ groupScore: { score: next, group: groupRef(g) } });
	});
};
