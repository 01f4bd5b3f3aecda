// @ts-check
'use strict';

/**
 * Companies (CompanyApiController, Mautic 5.1): the standard entity at /companies with its own
 * `POST /companies/new` (merges into a company matched by a unique identifier field, clearing the
 * fields not sent), company field values validated like contact fields, the UniqueCustomField
 * check (422) on every save, and contact links `/companies/{companyId}/contact/{contactId}/add|remove`.
 */

const { standardEntity, processForm } = require('./standard');
const { controllerError, validationError, MESSAGES } = require('../errors');
const { convertInput, phpInt } = require('../contact-values');
const { likeRegex } = require('../contact-query');
const { PhpArray, phpSerialize } = require('../php-json');

/** @typedef {import('../router').RouteCtx} RouteCtx */
/** @typedef {import('../store').Company} Company */
/** @typedef {import('../field-catalog').FieldDef} FieldDef */

const GROUPS = ['core', 'professional', 'other'];
const NOT_UNIQUE = 'This field must be unique.';
const REQUIRED = 'This field is required.';

/**
 * A company as the API serialises it: `id`, `score` and `fields` by group plus `fields.all`
 * (Company::loadApiMetadata; owner and dates are not serialised in 5.1).
 * @param {RouteCtx} ctx @param {Company} co @param {{ deleted?: boolean }} [o]
 */
function companyView(ctx, co, o = {}) {
	// A company created by this request is serialised from the fields its save set up: groups
	// core, professional, social and personal, entries without the field's definition columns.
	const fresh = !o.deleted && co.createdInRequest === ctx.store.requestSeq;
	const groups = fresh ? ['core', 'professional', 'social', 'personal'] : GROUPS;
	/** @type {Record<string, any>} */
	const fields = {};
	for (const g of groups) fields[g] = new PhpArray();
	/** @type {Record<string, any>} */
	const all = { id: o.deleted ? null : co.id };
	for (const def of ctx.store.objectFields('company')) {
		const raw = co.values[def.alias];
		const value = raw === undefined || raw === null ? null : outputValue(def, raw);
		all[def.alias] = value;
		const group = groups.includes(def.group) ? def.group : fresh ? 'core' : 'other';
		if (fresh) {
			fields[group].set(def.alias, {
				id: def.id,
				group: def.group,
				label: def.label,
				alias: def.alias,
				type: def.type,
				value,
				normalizedValue: value === null ? '' : value,
			});
			continue;
		}
		fields[group].set(def.alias, {
			id: String(def.id),
			label: def.label,
			alias: def.alias,
			type: def.type,
			group: def.group,
			object: 'company',
			is_fixed: def.isFixed ? '1' : '0',
			properties: phpSerialize(def.properties || {}),
			default_value:
				def.defaultValue === null || def.defaultValue === undefined
					? null
					: String(def.defaultValue),
			value,
			normalizedValue: value === null ? '' : value,
		});
	}
	fields.all = all;
	return { id: o.deleted ? null : co.id, score: co.score, fields };
}

/** @param {FieldDef} def @param {unknown} raw */
function outputValue(def, raw) {
	if (def.type === 'number') {
		const n = Number(raw);
		return def.properties && Number(def.properties.scale) ? n : Math.trunc(n);
	}
	if (def.type === 'boolean') return phpInt(raw);
	return String(raw);
}

/**
 * Applies submitted values the way the company form and CustomFieldsApiControllerTrait do:
 * unknown keys are ignored, values are validated per field type, `owner` takes a user ID, POST and
 * PUT clear every field not sent, PATCH keeps them; then companyname is required and each unique
 * identifier value must not belong to another company (422).
 * @param {RouteCtx} ctx @param {Company} base @param {Record<string, any>} p @param {string} method
 * @returns {{ error: any } | { entity: Company }}
 */
function applyCompany(ctx, base, p, method) {
	const co = { ...base, values: { ...base.values } };
	const clear = method !== 'PATCH';
	/** @type {{ field: string, message: string, code?: number }[]} */
	const violations = [];
	const overwriteWithBlank = !!p.overwriteWithBlank;
	for (const def of ctx.store.objectFields('company')) {
		if (!(def.alias in p)) {
			if (clear) co.values[def.alias] = null;
			continue;
		}
		const res = convertInput(def, p[def.alias]);
		if ('error' in res) violations.push({ field: def.alias, message: res.error });
		else if ('value' in res) {
			if (res.value === null && !overwriteWithBlank && !clear) continue;
			// Symfony's text-like form fields trim what they get (`trim` defaults to true).
			co.values[def.alias] = typeof res.value === 'string' ? res.value.trim() : res.value;
		}
	}
	if ('owner' in p) {
		const owner = p.owner === null || p.owner === '' ? null : ctx.store.getUser(Number(p.owner));
		if (p.owner !== null && p.owner !== '' && !owner)
			violations.push({ field: 'owner', message: 'This value is not valid.' });
		else co.ownerId = owner ? owner.id : null;
	} else if (clear) co.ownerId = null;
	if (!co.values.companyname) violations.push({ field: 'companyname', message: REQUIRED });
	if (!violations.length) {
		for (const def of ctx.store.objectFields('company').filter((f) => f.isUniqueIdentifier)) {
			const v = co.values[def.alias];
			if (v === null || v === undefined || v === '') continue;
			if (ctx.store.findCompaniesByUnique({ [def.alias]: v }, co.id || undefined).length)
				violations.push({ field: def.alias, message: NOT_UNIQUE, code: 422 });
		}
	}
	if (violations.length) return { error: validationError(violations) };
	return { entity: co };
}

/** @param {unknown} v */
const text = (v) => (v === null || v === undefined ? '' : String(v));

/**
 * MySQL's utf8mb4_unicode_ci, roughly: case and accents do not count ("Café" = "cafe").
 * @param {string} v
 */
const fold = (v) => v.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
/** `=` under that collation also ignores trailing spaces (PAD SPACE). @param {string} v */
const collate = (v) => fold(v).replace(/ +$/, '');

/** PHP's FILTER_SANITIZE_SPECIAL_CHARS. @param {string} v */
const sanitizeSpecialChars = (v) =>
	v.replace(/[&'"<>\u0000-\u001f]/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * One `where` entry of FetchCommonApiController (eq, neq, like, in, notIn, isNull, isNotNull,
 * orX, andX) as a predicate; an unknown column or expression is a 500, as on a real 5.1.
 * @param {RouteCtx} ctx @param {any} w @returns {(co: Company) => boolean}
 */
function wherePredicate(ctx, w) {
	if (!w || typeof w !== 'object') throw new ServerError();
	const expr = String(w.expr ?? '');
	if (expr === 'orX' || expr === 'andX') {
		const parts = Object.values(w.val && typeof w.val === 'object' ? w.val : {}).map((x) =>
			wherePredicate(ctx, x),
		);
		return expr === 'orX' ? (co) => parts.some((f) => f(co)) : (co) => parts.every((f) => f(co));
	}
	const col = String(w.col ?? '').replace(/^comp\./, '');
	const known = col === 'id' || ctx.store.fieldByAlias(col, 'company');
	if (!known) throw new ServerError();
	/** @param {Company} co */
	const value = (co) => (col === 'id' ? co.id : co.values[col]);
	if (typeof w.val === 'object' && w.val !== null) throw new ServerError();
	// FetchCommonApiController cleans `where` (InputHelper::cleanArray): `&'"<>` and control
	// characters become entities, so a value holding one never equals a stored value.
	const raw = sanitizeSpecialChars(text(w.val));
	const val = collate(raw);
	const list = raw.split(',').map((s) => collate(s.trim()));
	switch (expr) {
		case 'eq':
			return (co) => collate(text(value(co))) === val;
		case 'neq':
			return (co) => collate(text(value(co))) !== val;
		case 'like':
			return (co) => likeRegex(fold(raw)).test(fold(text(value(co))));
		case 'notLike':
			return (co) => !likeRegex(fold(raw)).test(fold(text(value(co))));
		case 'in':
			return (co) => list.includes(collate(text(value(co))));
		case 'notIn':
			return (co) => !list.includes(collate(text(value(co))));
		case 'gt':
		case 'gte':
		case 'lt':
		case 'lte': {
			/** @param {Company} co */
			const cmp = (co) => {
				const x = value(co);
				if (x === null || x === undefined) return NaN;
				const a = Number(x);
				const b = Number(w.val);
				return Number.isNaN(a) || Number.isNaN(b) ? String(x).localeCompare(text(w.val)) : a - b;
			};
			if (expr === 'gt') return (co) => cmp(co) > 0;
			if (expr === 'gte') return (co) => cmp(co) >= 0;
			if (expr === 'lt') return (co) => cmp(co) < 0;
			return (co) => cmp(co) <= 0;
		}
		case 'isNull':
			return (co) => value(co) === null || value(co) === undefined;
		case 'isNotNull':
			return (co) => value(co) !== null && value(co) !== undefined;
		default:
			throw new ServerError();
	}
}

class ServerError extends require('../errors').ServerException {
	constructor() {
		super(500);
	}
}

/** Free-text search over companies (CompanyRepository::addCatchAllWhereClause); `ids:` and field-alias commands besides. */
const SEARCHED = ['companyname', 'companyemail'];

/** @param {import('../router').Router} r */
module.exports = function companyRoutes(r) {
	// The list: keyed by id, `total` as a string (a real 5.1 answers the DBAL count unconverted).
	r.get('/companies', (ctx) => {
		const q = ctx.query;
		let list = [...ctx.store.companies.values()];
		const search = typeof q.search === 'string' ? q.search.trim() : '';
		for (const token of search ? search.split(/\s+/) : []) {
			const not = token.startsWith('!');
			const t = not ? token.slice(1) : token;
			const inSegment = /^company-segment:(.*)$/i.exec(t);
			if (inSegment) {
				// CompanySearchSubscriber (7.2+): members of the company segment with that alias
				const seg = [...ctx.store.companySegments.values()].find((x) => x.alias === inSegment[1]);
				const members = seg ? ctx.store.companySegmentMembers.get(seg.id) : undefined;
				list = list.filter((co) => !!members && members.has(co.id) !== not);
				continue;
			}
			const m = /^ids:(.*)$/i.exec(t);
			const command = /^([a-z0-9_]+):(.*)$/i.exec(t);
			const field =
				command && !m ? ctx.store.fieldByAlias(command[1].toLowerCase(), 'company') : null;
			/** @type {(co: Company) => boolean} */
			const test = m
				? (co) => m[1].split(',').includes(String(co.id))
				: field && command
					? (co) => likeRegex(`%${command[2]}%`).test(text(co.values[field.alias]))
					: (co) => SEARCHED.some((a) => likeRegex(`%${t}%`).test(text(co.values[a])));
			list = list.filter((co) => test(co) !== not);
		}
		const where = q.where && typeof q.where === 'object' ? Object.values(q.where) : [];
		for (const w of where) {
			const f = wherePredicate(ctx, w);
			list = list.filter(f);
		}
		const orderBy = typeof q.orderBy === 'string' ? q.orderBy.replace(/^comp\./, '').trim() : '';
		const dir = /^desc$/i.test(String(q.orderByDir ?? 'ASC')) ? -1 : 1;
		if (orderBy && orderBy !== 'id' && !ctx.store.fieldByAlias(orderBy, 'company'))
			throw new ServerError();
		const key = (/** @type {Company} */ co) =>
			!orderBy || orderBy === 'id' ? co.id : co.values[orderBy];
		list.sort((a, b) => {
			const x = key(a);
			const y = key(b);
			if (x === y || (x == null && y == null)) return a.id - b.id;
			if (x == null) return -dir;
			if (y == null) return dir;
			if (typeof x === 'number' && typeof y === 'number') return (x - y) * dir;
			return (String(x).toLowerCase() < String(y).toLowerCase() ? -1 : 1) * dir;
		});
		const total = list.length;
		const start = Math.max(0, parseInt(String(q.start ?? '0'), 10) || 0);
		const limit = q.limit === undefined ? 30 : parseInt(String(q.limit), 10) || 0;
		const page = limit > 0 ? list.slice(start, start + limit) : list.slice(start);
		const companies = new PhpArray();
		for (const co of page) companies.set(co.id, companyView(ctx, co));
		return ctx.ok({ total: String(total), companies });
	});

	// Create or merge: a company matched by a unique identifier is edited with POST semantics
	// (every field not sent is cleared) and answered 200; `force` skips the match.
	r.post('/companies/new', (ctx) => {
		const p = ctx.body && typeof ctx.body === 'object' && !Array.isArray(ctx.body) ? ctx.body : {};
		/** @type {Company|null} */
		let existing = null;
		if (!p.force) {
			const values = { ...p };
			if (values.company !== undefined && values.companyname === undefined)
				values.companyname = values.company;
			const found = ctx.store.findCompaniesByUnique(values);
			existing = found.sort((a, b) => a.id - b.id)[0] ?? null;
		}
		const res = processForm(ctx, def, p, 'POST', existing);
		if ('error' in res)
			return controllerError(res.error.code, res.error.message, res.error.details);
		return ctx.ok(
			{ company: companyView(ctx, res.entity) },
			existing ? 200 : 201,
			existing ? undefined : { Location: `/api/companies/${res.entity.id}` },
		);
	});

	/** @type {import('./standard').EntityDef} */
	const def = {
		kind: 'company',
		path: '/companies',
		one: 'company',
		multi: 'companies',
		list: 'keyed',
		publish: false,
		searchFields: SEARCHED,
		defaultOrder: { col: 'id', dir: 'ASC' },
		map: (ctx) => ctx.store.companies,
		view: (ctx, co, o) => companyView(ctx, co, o),
		blank: () => ({ id: 0, values: {}, ownerId: null, score: 0, dateAdded: new Date(0) }),
		apply: applyCompany,
		afterSave: (ctx, co, isNew) => {
			if (!isNew) return;
			co.dateAdded = new Date();
			co.createdInRequest = ctx.store.requestSeq;
		},
		onDelete: (ctx, co) => {
			const links = ctx.store.companyLeads.get(co.id);
			for (const contactId of links ? [...links.keys()] : [])
				ctx.store.unlinkCompany(co.id, contactId);
			ctx.store.companyLeads.delete(co.id);
		},
	};
	standardEntity(r, def);

	r.post('/companies/{companyId}/contact/{contactId}/add', (ctx) => {
		const co = ctx.store.companies.get(Number(ctx.params.companyId));
		if (!co) return controllerError(404, MESSAGES.notFound);
		const contactId = Number(ctx.params.contactId);
		if (!ctx.store.contacts.has(contactId)) return controllerError(404, MESSAGES.contactNotFound);
		ctx.store.linkCompany(co.id, contactId);
		return ctx.ok({ success: 1 });
	});

	r.post('/companies/{companyId}/contact/{contactId}/remove', (ctx) => {
		const co = ctx.store.companies.get(Number(ctx.params.companyId));
		if (!co) return controllerError(404, MESSAGES.notFound);
		const contactId = Number(ctx.params.contactId);
		if (!ctx.store.contacts.has(contactId)) return controllerError(404, MESSAGES.notFound);
		ctx.store.unlinkCompany(co.id, contactId);
		return ctx.ok({ success: 1 });
	});
};

/**
 * A contact saved with a `company` value is linked to the company of that name, created when
 * missing (IdentifyCompanyHelper::identifyLeadsCompany via LeadModel::saveEntity).
 * @param {import('../store').Store} store @param {import('../store').Contact} c
 */
function linkContactCompany(store, c) {
	const name = c.values.company;
	if (name === null || name === undefined || name === '') return;
	const found = store.findCompaniesByUnique({ companyname: name }).sort((a, b) => a.id - b.id);
	const co = found[0] ?? store.createCompany({ companyname: String(name) });
	store.linkCompany(co.id, c.id);
}

module.exports.companyView = companyView;
module.exports.linkContactCompany = linkContactCompany;
