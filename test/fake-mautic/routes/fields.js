// @ts-check
'use strict';

/** Custom fields (FieldApiController): standard entity `fields` at /fields/{object}, object contact|company. */

const { publishFields } = require('../contact-view');
const { controllerError, validationError, MESSAGES } = require('../errors');
const { PhpArray } = require('../php-json');

/** @typedef {import('../field-catalog').FieldDef} FieldDef */

/** @param {FieldDef} f */
function fieldView(f) {
	const props = f.properties && Object.keys(f.properties).length ? f.properties : new PhpArray();
	return {
		...publishFields(f),
		id: f.id,
		label: f.label,
		alias: f.alias,
		type: f.type,
		group: f.group,
		order: f.order,
		object: f.object,
		defaultValue: f.defaultValue,
		isRequired: f.isRequired,
		isPubliclyUpdatable: f.isPubliclyUpdatable,
		isUniqueIdentifier: f.isUniqueIdentifier,
		properties: props,
	};
}

/** @param {string} o @returns {'lead'|'company'} */
const objectOf = (o) => /** @type {'lead'|'company'} */ (o === 'contact' ? 'lead' : o);

/** @param {import('../router').Router} r */
module.exports = function fieldRoutes(r) {
	r.get('/fields/{object}', (ctx) => {
		const q = ctx.query;
		const object = objectOf(ctx.params.object);
		let list = [...ctx.store.fields.values()].filter((f) => f.object === object).sort((a, b) => a.order - b.order || a.id - b.id);
		if (typeof q.search === 'string' && q.search.trim()) {
			const s = q.search.trim().toLowerCase();
			list = list.filter((f) => f.label.toLowerCase().includes(s) || f.alias.toLowerCase().includes(s));
		}
		if (q.published && q.published !== '0') list = list.filter((f) => f.isPublished);
		const total = list.length;
		const start = Math.max(0, parseInt(String(q.start ?? '0'), 10) || 0);
		const limit = q.limit === undefined ? 30 : parseInt(String(q.limit), 10) || 0;
		const page = limit > 0 ? list.slice(start, start + limit) : list.slice(start);
		const fields = new PhpArray();
		for (const f of page) fields.set(f.id, fieldView(f));
		return ctx.ok({ total, fields });
	});

	r.get('/fields/{object}/{id}', (ctx) => {
		const f = ctx.store.fields.get(Number(ctx.params.id));
		if (!f) return controllerError(404, MESSAGES.notFound);
		return ctx.ok({ field: fieldView(f) });
	});

	r.post('/fields/{object}/new', (ctx) => {
		const p = ctx.body && typeof ctx.body === 'object' ? ctx.body : {};
		const object = objectOf(ctx.params.object);
		const label = p.label ? String(p.label).trim() : '';
		if (!label) {
			const e = validationError([{ field: 'label', message: 'A label is required.' }]);
			return controllerError(e.code, e.message, e.details);
		}
		let alias = String(p.alias || label)
			.toLowerCase()
			.replace(/[^a-z0-9_]+/g, '_')
			.replace(/^_+|_+$/g, '');
		while (ctx.store.fieldByAlias(alias, object)) alias += '1';
		const f = ctx.store.addField({
			alias,
			label,
			type: p.type || 'text',
			group: p.group || 'core',
			object,
			properties: p.properties && typeof p.properties === 'object' ? p.properties : {},
			defaultValue: p.defaultValue ?? null,
			isUniqueIdentifier: !!p.isUniqueIdentifier,
			isRequired: !!p.isRequired,
		});
		return ctx.ok({ field: fieldView(f) }, 201, { Location: `/api/fields/${ctx.params.object}/${f.id}` });
	});
};

module.exports.fieldView = fieldView;
