// @ts-check
'use strict';

/**
 * GET /contacts filtering: Mautic search strings (SearchStringHelper + LeadRepository commands),
 * `where[]` expressions (CommonRepository::buildWhereClauseFromArray), ordering and paging.
 */

const { ServerException } = require('./errors');
const { formatSql } = require('./php-json');
const { isAnonymous } = require('./contact-values');

/** @typedef {import('./store').Store} Store */
/** @typedef {import('./store').Contact} Contact */

const CATCH_ALL = ['firstname', 'lastname', 'email', 'company', 'city', 'state', 'zipcode', 'country'];

/** SQL LIKE (case-insensitive collation); `*` is Mautic's wildcard too. @param {string} pattern */
function likeRegex(pattern) {
	let re = '';
	for (const ch of pattern) {
		if (ch === '%' || ch === '*') re += '[\\s\\S]*';
		else if (ch === '_') re += '[\\s\\S]';
		else re += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	}
	return new RegExp('^' + re + '$', 'i');
}

/**
 * @typedef {{ command: string, string: string, not: boolean, strict: boolean, type: 'and'|'or' }} SearchFilter
 */

/** @param {string} input @returns {SearchFilter[]} */
function parseSearch(input) {
	/** @type {string[]} */
	const tokens = [];
	let cur = '';
	let inQuote = false;
	for (const ch of input.trim()) {
		if (ch === '"') {
			inQuote = !inQuote;
			continue;
		}
		if (ch === ' ' && !inQuote) {
			if (cur) tokens.push(cur);
			cur = '';
			continue;
		}
		cur += ch;
	}
	if (cur) tokens.push(cur);
	/** @type {SearchFilter[]} */
	const filters = [];
	/** @type {'and'|'or'} */
	let nextType = 'and';
	for (const tok of tokens) {
		if (tok === 'OR' || tok === 'AND') {
			nextType = tok === 'OR' ? 'or' : 'and';
			continue;
		}
		let command = '';
		let str = tok;
		let not = false;
		let strict = false;
		const colon = tok.indexOf(':');
		if (colon > 0) {
			command = tok.slice(0, colon).trim();
			str = tok.slice(colon + 1);
			if (command.startsWith('!')) {
				not = true;
				command = command.slice(1);
			}
			str = str.toLowerCase();
		}
		if (str.startsWith('+!') || str.startsWith('!+')) {
			strict = true;
			not = true;
			str = str.slice(2);
		} else if (str.startsWith('+')) {
			strict = true;
			str = str.slice(1);
		} else if (str.startsWith('!')) {
			not = true;
			str = str.slice(1);
		}
		if (!str && !command) continue;
		filters.push({ command: command.toLowerCase(), string: str, not, strict, type: nextType });
		nextType = 'and';
	}
	return filters;
}

/**
 * @param {Store} store
 * @param {Contact} c
 * @param {SearchFilter} f
 * @param {number|undefined} userId
 * @returns {boolean}
 */
function matchFilter(store, c, f, userId) {
	const pattern = f.strict ? f.string : `%${f.string}%`;
	const re = likeRegex(pattern);
	/** @param {unknown} v */
	const like = (v) => v !== null && v !== undefined && re.test(String(v));
	const val = (/** @type {string} */ a) => c.values[a];
	switch (f.command) {
		case '':
			return CATCH_ALL.some((a) => like(val(a)));
		case 'is':
			if (f.string === 'anonymous') return isAnonymous(c);
			if (f.string === 'mine') return c.ownerId === userId;
			if (f.string === 'unowned') return !c.ownerId;
			return true;
		case 'email':
			return like(val('email'));
		case 'name':
			return like(val('firstname')) || like(val('lastname'));
		case 'company':
			return like(val('company'));
		case 'owner': {
			const u = store.getUser(c.ownerId);
			return !!u && (like(u.firstName) || like(u.lastName));
		}
		case 'ip':
			return c.ipAddresses.some((i) => like(i.ip));
		case 'tag':
			return c.tagIds.some((id) => like(store.tags.get(id)?.tag));
		case 'segment':
		case 'list': {
			const seg = store.segmentByAlias(f.string);
			return !!seg && !!store.segmentMembers.get(seg.id)?.has(c.id);
		}
		case 'id':
		case 'ids':
			return f.string
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean)
				.includes(String(c.id));
		case 'stage':
			return false;
		default: {
			const def = store.fieldByAlias(f.command);
			if (!def) return true; // unknown commands add no condition
			return like(val(def.alias));
		}
	}
}

/**
 * Column value for where/order. Unknown columns raise a DB error (500) like real Mautic.
 * @param {Store} store
 * @param {Contact} c
 * @param {string} col
 */
function columnValue(store, c, col) {
	const name = String(col).replace(/^l\./, '');
	switch (name) {
		case 'id':
			return c.id;
		case 'points':
			return c.points;
		case 'date_added':
		case 'dateAdded':
			return formatSql(c.dateAdded);
		case 'date_modified':
		case 'dateModified':
			return c.dateModified ? formatSql(c.dateModified) : null;
		case 'last_active':
		case 'lastActive':
			return c.lastActive ? formatSql(c.lastActive) : null;
		case 'date_identified':
		case 'dateIdentified':
			return c.dateIdentified ? formatSql(c.dateIdentified) : null;
		case 'owner_id':
		case 'owner':
			return c.ownerId;
		case 'is_published':
		case 'isPublished':
			return c.isPublished ? 1 : 0;
		case 'created_by':
		case 'createdBy':
			return c.createdBy;
		case 'color':
			return c.color;
		default: {
			const def = store.fieldByAlias(name);
			if (!def) throw new ServerException(500);
			const v = c.values[name];
			return v === undefined ? null : v;
		}
	}
}

/** MySQL-ish comparison: numbers numerically, strings case-insensitively. @param {unknown} a @param {unknown} b */
function cmp(a, b) {
	const na = typeof a === 'number' ? a : Number(a);
	const nb = typeof b === 'number' ? b : Number(b);
	if ((typeof a === 'number' || typeof b === 'number') && !isNaN(na) && !isNaN(nb) && a !== '' && b !== '') return na - nb;
	const sa = String(a).toLowerCase();
	const sb = String(b).toLowerCase();
	return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** @param {unknown} val */
function csv(val) {
	if (Array.isArray(val)) return val.map(String);
	return String(val ?? '')
		.split(',')
		.map((s) => s.trim());
}

/**
 * @param {Store} store
 * @param {Contact} c
 * @param {any} w
 * @returns {boolean}
 */
function matchWhere(store, c, w) {
	if (!w || typeof w !== 'object' || !w.expr) throw new ServerException(500);
	const expr = String(w.expr);
	if (expr === 'andX' || expr === 'orX') {
		/** @type {any[]} */
		const items = Array.isArray(w.val) ? w.val : Object.values(w.val || {});
		return expr === 'andX' ? items.every((x) => matchWhere(store, c, x)) : items.some((x) => matchWhere(store, c, x));
	}
	if (w.col === undefined || w.col === '') throw new ServerException(500);
	const v = columnValue(store, c, w.col);
	const isNull = v === null || v === undefined;
	switch (expr) {
		case 'eq':
			return !isNull && cmp(v, w.val) === 0;
		case 'neq':
			return !isNull && cmp(v, w.val) !== 0;
		case 'lt':
			return !isNull && cmp(v, w.val) < 0;
		case 'lte':
			return !isNull && cmp(v, w.val) <= 0;
		case 'gt':
			return !isNull && cmp(v, w.val) > 0;
		case 'gte':
			return !isNull && cmp(v, w.val) >= 0;
		case 'like':
			return !isNull && likeRegex(String(w.val ?? '')).test(String(v));
		case 'notLike':
			return !isNull && !likeRegex(String(w.val ?? '')).test(String(v));
		case 'in':
			return !isNull && csv(w.val).some((x) => cmp(v, x) === 0);
		case 'notIn':
			return !isNull && !csv(w.val).some((x) => cmp(v, x) === 0);
		case 'between':
		case 'notBetween': {
			const [lo, hi] = Array.isArray(w.val) ? w.val : csv(w.val);
			const inside = !isNull && cmp(v, lo) >= 0 && cmp(v, hi) <= 0;
			return expr === 'between' ? inside : !isNull && !inside;
		}
		case 'isNull':
			return isNull;
		case 'isNotNull':
			return !isNull;
		case 'isEmpty':
			return isNull || v === '';
		case 'isNotEmpty':
			return !isNull && v !== '';
		default:
			throw new ServerException(500);
	}
}

/**
 * @param {Store} store
 * @param {Record<string, any>} q parsed query string
 * @param {number|undefined} userId
 * @returns {{ total: number, results: Contact[] }}
 */
function queryContacts(store, q, userId) {
	let list = [...store.contacts.values()];
	const search = typeof q.search === 'string' ? q.search : '';
	if (search.trim()) {
		const filters = parseSearch(search);
		list = list.filter((c) => {
			let acc = true;
			filters.forEach((f, i) => {
				const m = matchFilter(store, c, f, userId) !== f.not;
				acc = i === 0 ? m : f.type === 'or' ? acc || m : acc && m;
			});
			return acc;
		});
	}
	if (q.where && typeof q.where === 'object') {
		const items = (Array.isArray(q.where) ? q.where : Object.values(q.where)).filter((w) => !(w && w.internal !== undefined));
		list = list.filter((c) => items.every((w) => matchWhere(store, c, w)));
	}
	if (q.published && q.published !== '0') list = list.filter((c) => c.isPublished);

	/** @type {{col: string, dir: string}[]} */
	let order = [];
	if (q.order && typeof q.order === 'object') {
		const items = Array.isArray(q.order) ? q.order : Object.values(q.order);
		order = items.filter((o) => o && o.col).map((o) => ({ col: String(o.col), dir: String(o.dir || 'ASC') }));
	}
	if (!order.length && typeof q.orderBy === 'string' && q.orderBy.trim()) {
		const dir = typeof q.orderByDir === 'string' && q.orderByDir ? q.orderByDir : 'ASC';
		order = q.orderBy
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean)
			.map((col) => ({ col, dir }));
	}
	if (!order.length) order = [{ col: 'last_active', dir: 'DESC' }];
	for (const o of order) if (!/^(asc|desc)$/i.test(o.dir)) throw new ServerException(500);
	const keyed = list.map((c) => ({ c, keys: order.map((o) => columnValue(store, c, o.col)) }));
	keyed.sort((a, b) => {
		for (let i = 0; i < order.length; i++) {
			const desc = /^desc$/i.test(order[i].dir);
			const x = a.keys[i];
			const y = b.keys[i];
			const xn = x === null || x === undefined;
			const yn = y === null || y === undefined;
			// MySQL: NULLs first ascending, last descending
			let r = xn && yn ? 0 : xn ? -1 : yn ? 1 : cmp(x, y);
			if (desc) r = -r;
			if (r !== 0) return r;
		}
		return a.c.id - b.c.id;
	});
	list = keyed.map((k) => k.c);
	const total = list.length;
	const start = Math.max(0, parseInt(String(q.start ?? '0'), 10) || 0);
	const limitRaw = q.limit === undefined ? 30 : parseInt(String(q.limit), 10) || 0;
	const page = limitRaw > 0 ? list.slice(start, start + limitRaw) : list.slice(start);
	return { total, results: page };
}

module.exports = { queryContacts, parseSearch, likeRegex };
