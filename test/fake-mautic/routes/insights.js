// @ts-check
'use strict';

/**
 * Point insights (Mautic 7+, PointInsightApiController): standard entity at /points/insights,
 * list is an array of {id, name, category, description}; no publish fields; customField and
 * pointGroups are not validated. Older versions have no such route (router 404).
 */

const { standardEntity, violation } = require('./standard');
const { saveContact } = require('../contact-save');

/** @typedef {import('../store').Insight} Insight */

/**
 * Re-evaluates compare_point_groups insights for a contact after a group score change: the
 * winning group is written to the custom field as "ID (Name)".
 * @param {import('../router').RouteCtx} ctx
 * @param {import('../store').Contact} c
 */
function evaluateInsights(ctx, c) {
	const { store } = ctx;
	if (ctx.major < 7) return;
	const scores = store.groupScores.get(c.id);
	if (!scores) return;
	/** @type {import('../contact-save').Changes} */
	const changes = { fields: {} };
	for (const ins of store.insights.values()) {
		if (
			!ins.isPublished ||
			ins.insightType !== 'compare_point_groups' ||
			ins.insightAction !== 'set_custom_field'
		)
			continue;
		const field = ins.customField ? store.fieldByAlias(ins.customField) : undefined;
		if (!field || field.type !== 'text') continue;
		let best = null;
		for (const gid of ins.pointGroups) {
			const g = store.pointGroups.get(Number(gid));
			const s = scores.get(Number(gid));
			if (!g || s === undefined) continue;
			if (!best || s > best.s) best = { g, s };
		}
		if (!best) continue;
		const value = `${best.g.id} (${best.g.name})`;
		const cur = c.values[field.alias] ?? null;
		if (cur !== value) {
			changes.fields[field.alias] = [cur, value];
			c.values[field.alias] = value;
		}
	}
	if (Object.keys(changes.fields).length) saveContact(ctx, c, changes);
}

/** @param {import('../router').Router} r */
module.exports = function insightRoutes(r) {
	standardEntity(r, {
		kind: 'insight',
		path: '/points/insights',
		one: 'insight',
		multi: 'insights',
		list: 'array',
		minMajor: 7,
		publish: false,
		searchFields: ['name', 'description'],
		defaultOrder: { col: 'id', dir: 'ASC' },
		map: (ctx) => ctx.store.insights,
		view: (_ctx, i, o) => {
			const base = {
				id: o.deleted ? null : i.id,
				name: i.name,
				category: null,
				description: i.description,
			};
			if (o.list) return base;
			return {
				...base,
				insightType: i.insightType,
				insightAction: i.insightAction,
				customField: i.customField,
				pointGroups: [...i.pointGroups],
			};
		},
		blank: () => ({
			id: 0,
			name: '',
			category: null,
			description: null,
			insightType: 'compare_point_groups',
			insightAction: 'set_custom_field',
			customField: null,
			pointGroups: [],
			isPublished: true,
		}),
		apply: (_ctx, base, p, method) => {
			const put = method === 'PUT';
			/** @type {Insight} */
			const i = { ...base, pointGroups: [...base.pointGroups] };
			if ('name' in p || put)
				i.name = p.name === undefined || p.name === null ? '' : String(p.name).trim();
			if (!i.name) return violation('name', 'A name is required.');
			if ('description' in p || put) i.description = p.description ?? null;
			if ('insightType' in p || put)
				i.insightType = p.insightType ? String(p.insightType) : 'compare_point_groups';
			if ('insightAction' in p || put)
				i.insightAction = p.insightAction ? String(p.insightAction) : 'set_custom_field';
			if ('customField' in p || put)
				i.customField = p.customField === undefined || p.customField === '' ? null : p.customField;
			if ('pointGroups' in p || put) {
				const g = p.pointGroups;
				const arr = Array.isArray(g)
					? g
					: g && typeof g === 'object'
						? Object.values(g)
						: g === undefined || g === null || g === ''
							? []
							: [g];
				i.pointGroups = arr.map((x) => (/^\d+$/.test(String(x)) ? Number(x) : x));
			}
			if ('isPublished' in p) i.isPublished = !!p.isPublished && p.isPublished !== '0';
			return { entity: i };
		},
	});
};

module.exports.evaluateInsights = evaluateInsights;
