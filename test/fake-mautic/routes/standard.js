// @ts-check
'use strict';

/**
 * The eight routes Mautic generates for a "standard entity" (CoreSubscriber::onBuildRoute) with
 * CommonApiController semantics: list, get, new, batch new, batch edit, edit (PUT creates, PATCH
 * 404s), batch delete, delete (answers with id null).
 */

const { PhpArray } = require('../php-json');
const { controllerError, validationError, MESSAGES, ServerException } = require('../errors');
const { likeRegex } = require('../contact-query');

/**
 * @typedef {import('../router').RouteCtx} RouteCtx
 * @typedef {{
 *   kind: string, path: string, one: string, multi: string, list: 'keyed'|'array', minMajor?: number, minVersion?: string,
 *   publish: boolean, searchFields: string[], searchIgnored?: boolean, defaultOrder: { col: string, dir: 'ASC'|'DESC' },
 *   map: (ctx: RouteCtx) => Map<number, any>,
 *   view: (ctx: RouteCtx, e: any, opts: { list: boolean, deleted?: boolean }) => any,
 *   blank: (ctx: RouteCtx) => any,
 *   apply: (ctx: RouteCtx, e: any, params: Record<string, any>, method: string) => { error: any } | { entity: any },
 *   afterSave?: (ctx: RouteCtx, e: any, isNew: boolean) => void,
 *   onDelete?: (ctx: RouteCtx, e: any) => void,
 * }} EntityDef
 */

/** @param {unknown} v */
function boolish(v) {
	if (typeof v === 'string') return !['', '0', 'false', 'no', 'off'].includes(v.toLowerCase());
	return !!v;
}

/** @param {string} s */
const camel = (s) => s.replace(/_([a-z])/g, (_m, c) => c.toUpperCase());

/**
 * Persists an applied entity (timestamps, id) and returns it.
 * @param {EntityDef} def
 * @param {RouteCtx} ctx
 * @param {any} e
 * @param {boolean} isNew
 */
function persist(def, ctx, e, isNew) {
	const { store, user } = ctx;
	const t = store.now();
	if (isNew) {
		e.id = store.nextId(def.kind);
		if (def.publish) {
			e.dateAdded = t;
			e.createdBy = user ? user.id : null;
			e.createdByUser = store.userName(user);
			e.dateModified = null;
			e.modifiedBy = null;
			e.modifiedByUser = null;
		}
	} else if (def.publish) {
		e.dateModified = t;
		e.modifiedBy = user ? user.id : null;
		e.modifiedByUser = store.userName(user);
	}
	def.map(ctx).set(e.id, e);
	if (def.afterSave) def.afterSave(ctx, e, isNew);
	return e;
}

/**
 * @param {RouteCtx} ctx
 * @param {EntityDef} def
 * @param {Record<string, any>} params
 * @param {string} method
 * @param {any|null} existing
 * @returns {{ error: {code: number, message: string, details: any} } | { entity: any, status: number }}
 */
function processForm(ctx, def, params, method, existing) {
	const isNew = !existing;
	const base = existing || def.blank(ctx);
	const p = { ...(params && typeof params === 'object' && !Array.isArray(params) ? params : {}) };
	delete p.id;
	const r = def.apply(
		ctx,
		base,
		p,
		isNew ? (method === 'PATCH' ? 'PATCH' : method === 'PUT' ? 'PUT' : 'POST') : method,
	);
	if ('error' in r) return { error: r.error };
	const saved = persist(def, ctx, r.entity, isNew);
	return { entity: saved, status: isNew ? 201 : 200 };
}

/**
 * @param {RouteCtx} ctx
 * @param {EntityDef} def
 */
function filterAndSort(ctx, def) {
	const q = ctx.query;
	let list = [...def.map(ctx).values()];
	// some repositories have no catch-all search (tags): Mautic then ignores `search`
	const search = typeof q.search === 'string' && !def.searchIgnored ? q.search.trim() : '';
	if (search) {
		for (const tok of search.split(/\s+/)) {
			let not = false;
			let t = tok;
			if (t.startsWith('!')) {
				not = true;
				t = t.slice(1);
			}
			const colon = t.indexOf(':');
			const cmd = colon > 0 ? t.slice(0, colon).toLowerCase() : '';
			const val = colon > 0 ? t.slice(colon + 1).toLowerCase() : t;
			const strict = val.startsWith('+');
			const re = likeRegex(strict ? val.slice(1) : `%${val}%`);
			/** @param {any} e */
			const test = (e) => {
				if (cmd === 'ids' || cmd === 'id') return val.split(',').includes(String(e.id));
				if (cmd === 'is' && val === 'published') return !!e.isPublished;
				if (cmd === 'is' && val === 'unpublished') return !e.isPublished;
				if (cmd && cmd in e) return re.test(String(e[cmd] ?? ''));
				if (cmd) return true;
				return def.searchFields.some(
					(f) => e[f] !== null && e[f] !== undefined && re.test(String(e[f])),
				);
			};
			list = list.filter((e) => test(e) !== not);
		}
	}
	if (q.published && q.published !== '0' && def.publish) list = list.filter((e) => e.isPublished);
	// `where[i][col|expr|val]` (CommonApiController): eq, neq, like and notLike on a column of the view
	for (const w of Array.isArray(q.where)
		? q.where
		: q.where && typeof q.where === 'object'
			? Object.values(q.where)
			: []) {
		if (!w || !['eq', 'neq', 'like', 'notLike'].includes(w.expr)) continue;
		const col = camel(String(w.col ?? '').replace(/^\w+\./, ''));
		// Mautic answers a column the entity does not have with a 500 (a Doctrine error)
		if (list.length && !(col in list[0])) throw new ServerException(500);
		const like = w.expr === 'like' || w.expr === 'notLike';
		// InputHelper::cleanArray (FILTER_SANITIZE_SPECIAL_CHARS): `&"'<>` arrive as `&#NN;`
		const val = String(w.val ?? '').replace(/[&"'<>\x00-\x1f]/g, (c) => `&#${c.charCodeAt(0)};`);
		const re = like ? likeRegex(val) : undefined;
		/** @param {any} e */
		const hit = (e) => (re ? re.test(String(e[col] ?? '')) : String(e[col] ?? '') === val);
		list = list.filter((e) => hit(e) === (w.expr === 'eq' || w.expr === 'like'));
	}
	/** @type {string} */
	const orderBy = typeof q.orderBy === 'string' && q.orderBy.trim() ? q.orderBy : '';
	const cols = orderBy
		? orderBy.split(',').map((c) => camel(c.trim().replace(/^\w+\./, '')))
		: [def.defaultOrder.col];
	const dir = orderBy ? String(q.orderByDir || 'ASC') : def.defaultOrder.dir;
	if (!/^(asc|desc)$/i.test(dir)) throw new ServerException(500);
	for (const c of cols) if (list.length && !(c in list[0])) throw new ServerException(500);
	const sign = /^desc$/i.test(dir) ? -1 : 1;
	list.sort((a, b) => {
		for (const c of cols) {
			const x = a[c] instanceof Date ? a[c].getTime() : a[c];
			const y = b[c] instanceof Date ? b[c].getTime() : b[c];
			if (x === y) continue;
			if (x === null || x === undefined) return -sign;
			if (y === null || y === undefined) return sign;
			const r =
				typeof x === 'number' && typeof y === 'number'
					? x - y
					: String(x).toLowerCase() < String(y).toLowerCase()
						? -1
						: 1;
			if (r) return r * sign;
		}
		return a.id - b.id;
	});
	const total = list.length;
	const start = Math.max(0, parseInt(String(q.start ?? '0'), 10) || 0);
	const limit = q.limit === undefined ? 30 : parseInt(String(q.limit), 10) || 0;
	return { total, page: limit > 0 ? list.slice(start, start + limit) : list.slice(start) };
}

/**
 * @param {import('../router').Router} r
 * @param {EntityDef} def
 */
function standardEntity(r, def) {
	const opts = { minMajor: def.minMajor, minVersion: def.minVersion };
	const location = (/** @type {number} */ id) => ({ Location: `/api${def.path}/${id}` });
	/** @param {RouteCtx} ctx @param {string} id */
	const find = (ctx, id) => def.map(ctx).get(Number(id));

	r.get(
		def.path,
		(ctx) => {
			const { total, page } = filterAndSort(ctx, def);
			let entities;
			if (def.list === 'array') entities = page.map((e) => def.view(ctx, e, { list: true }));
			else {
				// Paginator with INDEX BY id: keyed by id in server order, [] when empty
				entities = new PhpArray();
				for (const e of page) entities.set(e.id, def.view(ctx, e, { list: true }));
			}
			return ctx.ok({ total, [def.multi]: entities });
		},
		opts,
	);

	r.get(
		`${def.path}/{id}`,
		(ctx) => {
			const e = find(ctx, ctx.params.id);
			if (!e) return controllerError(404, MESSAGES.notFound);
			return ctx.ok({ [def.one]: def.view(ctx, e, { list: false }) });
		},
		opts,
	);

	r.post(
		`${def.path}/new`,
		(ctx) => {
			const res = processForm(ctx, def, ctx.body, 'POST', null);
			if ('error' in res)
				return controllerError(res.error.code, res.error.message, res.error.details);
			return ctx.ok(
				{ [def.one]: def.view(ctx, res.entity, { list: false }) },
				201,
				location(res.entity.id),
			);
		},
		opts,
	);

	r.add(
		['PUT', 'PATCH'],
		`${def.path}/{id}/edit`,
		(ctx) => {
			const e = find(ctx, ctx.params.id);
			if (!e && ctx.method === 'PATCH') return controllerError(404, MESSAGES.notFound);
			const res = processForm(ctx, def, ctx.body, ctx.method, e || null);
			if ('error' in res)
				return controllerError(res.error.code, res.error.message, res.error.details);
			return ctx.ok(
				{ [def.one]: def.view(ctx, res.entity, { list: false }) },
				res.status,
				res.status === 201 ? location(res.entity.id) : undefined,
			);
		},
		opts,
	);

	r.delete(
		`${def.path}/{id}/delete`,
		(ctx) => {
			const e = find(ctx, ctx.params.id);
			if (!e) return controllerError(404, MESSAGES.notFound);
			const body = { [def.one]: def.view(ctx, e, { list: false, deleted: true }) };
			def.map(ctx).delete(e.id);
			if (def.onDelete) def.onDelete(ctx, e);
			return ctx.ok(body);
		},
		opts,
	);

	r.post(
		`${def.path}/batch/new`,
		(ctx) => {
			const items = batchItems(ctx.body);
			if (items.length > ctx.config.batchLimit)
				return controllerError(500, MESSAGES.batchLimit(ctx.config.batchLimit));
			const entities = new PhpArray();
			const statusCodes = new PhpArray();
			const errors = new PhpArray();
			items.forEach(([key, params]) => {
				const res = processForm(ctx, def, params, 'POST', null);
				if ('error' in res) {
					errors.set(key, {
						code: res.error.code,
						message: res.error.message,
						details: res.error.details,
						type: null,
					});
					statusCodes.set(key, res.error.code);
				} else {
					entities.set(key, def.view(ctx, res.entity, { list: false }));
					statusCodes.set(key, 201);
				}
			});
			/** @type {Record<string, any>} */
			const payload = { [def.multi]: entities, statusCodes };
			if (errors.size) payload.errors = errors;
			return ctx.ok(payload, 201);
		},
		opts,
	);

	r.add(
		['PUT', 'PATCH'],
		`${def.path}/batch/edit`,
		(ctx) => {
			const items = batchItems(ctx.body);
			if (items.length > ctx.config.batchLimit)
				return controllerError(500, MESSAGES.batchLimit(ctx.config.batchLimit));
			const entities = new PhpArray();
			const statusCodes = new PhpArray();
			const errors = new PhpArray();
			// getBatchEntities: existing entities come first, keyed by request index
			for (const [key, params] of items) {
				const e = params && params.id !== undefined ? find(ctx, params.id) : undefined;
				if (e) entities.set(key, e);
			}
			for (const [key, params] of items) {
				// an entry without id is not found (PATCH) or created (PUT), as on a real 5.1
				if (!params || typeof params !== 'object') {
					errors.set(key, { message: MESSAGES.idMissing, code: 400, type: 'api' });
					statusCodes.set(key, 400);
					continue;
				}
				const e = entities.get(key) || null;
				if (!e && ctx.method === 'PATCH') {
					entities.delete(key);
					errors.set(key, { message: MESSAGES.notFound, code: 404, type: 'api' });
					statusCodes.set(key, 404);
					continue;
				}
				const res = processForm(ctx, def, params, ctx.method, e);
				if ('error' in res) {
					errors.set(key, {
						code: res.error.code,
						message: res.error.message,
						details: res.error.details,
						type: null,
					});
					statusCodes.set(key, res.error.code);
				} else {
					entities.set(key, res.entity);
					statusCodes.set(key, res.status);
				}
			}
			const out = new PhpArray();
			for (const [k, e] of entities) out.set(k, def.view(ctx, e, { list: false }));
			/** @type {Record<string, any>} */
			const payload = { [def.multi]: out, statusCodes };
			if (errors.size) payload.errors = errors;
			return ctx.ok(payload);
		},
		opts,
	);

	r.delete(
		`${def.path}/batch/delete`,
		(ctx) => {
			// validateBatchPayload counts the query parameters, not the ids (real Mautic quirk)
			if (Object.keys(ctx.query).length > ctx.config.batchLimit) {
				return controllerError(500, MESSAGES.batchLimit(ctx.config.batchLimit));
			}
			const ids = batchIds(ctx.query.ids);
			const found = new PhpArray();
			ids.forEach((id, i) => {
				const e = find(ctx, id);
				if (e) found.set(i, e);
			});
			const out = new PhpArray();
			for (const [k, e] of found) out.set(k, def.view(ctx, e, { list: true }));
			for (const e of found.values()) {
				def.map(ctx).delete(e.id);
				if (def.onDelete) def.onDelete(ctx, e);
			}
			return ctx.ok({ [def.multi]: out });
		},
		opts,
	);
}

/**
 * Request body of a batch call as [key, params] pairs (PHP keeps object keys).
 * @param {unknown} body
 * @returns {[number|string, any][]}
 */
function batchItems(body) {
	if (Array.isArray(body)) return body.map((x, i) => [i, x]);
	if (body && typeof body === 'object') {
		return Object.entries(body).map(([k, v]) => [/^\d+$/.test(k) ? Number(k) : k, v]);
	}
	return [];
}

/** `ids=1,2,3` or `ids[]=1&ids[]=2`. @param {unknown} ids @returns {string[]} */
function batchIds(ids) {
	if (Array.isArray(ids)) return ids.map(String);
	if (ids && typeof ids === 'object') return Object.values(ids).map(String);
	if (typeof ids === 'string' && (ids.includes(',') || /^\d+$/.test(ids.trim()))) {
		return ids.split(',').map((s) => s.trim().replace(/^"|"$/g, ''));
	}
	return [];
}

/** @param {string} field @param {string} message */
function violation(field, message) {
	return { error: validationError([{ field, message }]) };
}

module.exports = { standardEntity, processForm, batchItems, batchIds, boolish, violation };
