// @ts-check
'use strict';

/**
 * Stages (StageApiController): standard entity at /stages, listed as a JSON array, plus
 * /stages/{id}/contact/{contactId}/add|remove. Add sets the contact's stage; remove clears it
 * whatever stage the contact is in (LeadModel::removeFromStages); both log a stage change.
 */

const { standardEntity, boolish, violation } = require('./standard');
const { publishFields } = require('../contact-view');
const { controllerError, MESSAGES } = require('../errors');

/** @param {import('../router').Router} r */
module.exports = function stageRoutes(r) {
	standardEntity(r, {
		kind: 'stage',
		path: '/stages',
		one: 'stage',
		multi: 'stages',
		list: 'array',
		publish: true,
		searchFields: ['name', 'description'],
		defaultOrder: { col: 'id', dir: 'ASC' },
		map: (ctx) => ctx.store.stages,
		view: (_ctx, s, o) => ({
			...publishFields(s),
			id: o.deleted ? null : s.id,
			name: s.name,
			category: null,
			weight: s.weight,
			description: s.description,
			publishUp: s.publishUp,
			publishDown: s.publishDown,
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
			category: null,
			weight: 0,
			description: null,
			publishUp: null,
			publishDown: null,
		}),
		apply: (_ctx, base, p, method) => {
			const put = method === 'PUT';
			const s = { ...base };
			if ('name' in p || put)
				s.name = p.name === undefined || p.name === null ? '' : String(p.name);
			if (!String(s.name).trim()) return violation('name', 'A name is required.');
			if ('description' in p || put) s.description = p.description ?? null;
			if ('weight' in p || put) {
				const weight = Number(p.weight ?? 0);
				if (!Number.isInteger(weight)) return violation('weight', 'This value is not valid.');
				s.weight = weight;
			}
			if ('isPublished' in p || put)
				s.isPublished = 'isPublished' in p ? boolish(p.isPublished) : true;
			return { entity: s };
		},
		onDelete: (ctx, s) => {
			for (const [contactId, stageId] of ctx.store.contactStages)
				if (stageId === s.id) ctx.store.contactStages.delete(contactId);
		},
	});

	for (const action of /** @type {const} */ (['add', 'remove'])) {
		r.post(`/stages/{id}/contact/{contactId}/${action}`, (ctx) => {
			const { store } = ctx;
			const stage = store.stages.get(Number(ctx.params.id));
			if (!stage) return controllerError(404, MESSAGES.notFound);
			const contact = store.contacts.get(Number(ctx.params.contactId));
			if (!contact) return controllerError(404, MESSAGES.contactNotFound);
			store.setContactStage(contact.id, stage, action);
			return ctx.ok({ success: 1 });
		});
	}
};
