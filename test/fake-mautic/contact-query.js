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

const CATCH_ALL = [
	'firstname',
	'lastname',
	'email',
	'company',
	'city',
	'state',
	'zipcode',
	'country',
];

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
 * A search filter as a predicate (the LIKE pattern and lookups are prepared once per query).
 * @param {Store} store
 * @param {SearchFilter} f
 * @param {number|undefined} userId
 * @returns {(c: Contact) => boolean}
 */
function compileFilter(store, f, userId) {
	const pattern = f.strict ? f.string : `%${f.string}%`;
	const re = likeRegex(pattern);
	/** @param {unknown} v */
	const like = (v) => v !== null && v !== undefined && re.test(String(v));
	switch (f.command) {
		case '':
			return (c) => CATCH_ALL.some((a) => like(c.values[a]));
		case 'is':
			if (f.string === 'anonymous') return (c) => isAnonymous(c);
			if (f.string === 'mine') return (c) => c.ownerId === userId;
			if (f.string === 'unowned') return (c) => !c.ownerId;
			return () => true;
		case 'email':
			return (c) => like(c.values.email);
		case 'name':
			return (c) => like(c.values.firstname) || like(c.values.lastname);
		case 'company':
			return (c) => like(c.values.company);
		case 'company_id':
			return (c) => !!store.companyLeads.get(Number(f.string))?.has(c.id);
		case 'owner':
			return (c) => {
				const u = store.getUser(c.ownerId);
				return !!u && (like(u.firstName) || like(u.lastName));
			};
		case 'ip':
			return (c) => c.ipAddresses.some((i) => like(i.ip));
		case 'tag':
			return (c) => c.tagIds.some((id) => like(store.tags.get(id)?.tag));
		case 'segment':
		case 'list': {
			const seg = store.segmentByAlias(f.string);
			const members = seg ? store.segmentMembers.get(seg.id) : undefined;
			return (c) => !!seg && !!members?.has(c.id);
		}
		case 'id':
		case 'ids': {
			const ids = f.string
				.split(',')
				.map((x) => x.trim())
				.filter(Boolean);
			return (c) => ids.includes(String(c.id));
		}
		case 'stage':
			return () => false;
		default: {
			const def = store.fieldByAlias(f.command);
			if (!def) return () => true; // unknown commands add no condition
			const alias = def.alias;
			return (c) => like(c.values[alias]);
		}
	}
}

/** @returns {never} */
function dbError() {
	throw new ServerException(500);
}

/**
 * Column value for where/order, as a getter resolved once per query. Unknown columns raise a DB error
 * (500) like real Mautic, when the getter is first used. `date` gives the Date behind date columns
 * (null when the column is NULL), so sorting can compare times instead of formatted strings.
 * @param {Store} store
 * @param {unknown} col
 * @returns {{ get: (c: Contact) => unknown, date?: (c: Contact) => unknown }} `date` gives a Date, null for NULL,
 *   or anything else when only `get` knows (then sorting uses `get`)
 */
function columnGetter(store, col) {
	const name = String(col).replace(/^l\./, '');
	switch (name) {
		case 'id':
			return { get: (c) => c.id };
		case 'points':
			return { get: (c) => c.points };
		case 'date_added':
		case 'dateAdded':
			return {
				get: (c) => formatSql(c.dateAdded),
				date: (c) => (c.dateAdded instanceof Date ? c.dateAdded : undefined),
			};
		case 'date_modified':
		case 'dateModified':
			return {
				get: (c) => (c.dateModified ? formatSql(c.dateModified) : null),
				date: (c) => c.dateModified || null,
			};
		case 'last_active':
		case 'lastActive':
			return {
				get: (c) => (c.lastActive ? formatSql(c.lastActive) : null),
				date: (c) => c.lastActive || null,
			};
		case 'date_identified':
		case 'dateIdentified':
			return {
				get: (c) => (c.dateIdentified ? formatSql(c.dateIdentified) : null),
				date: (c) => c.dateIdentified || null,
			};
		case 'owner_id':
		case 'owner':
			return { get: (c) => c.ownerId };
		case 'is_published':
		case 'isPublished':
			return { get: (c) => (c.isPublished ? 1 : 0) };
		case 'created_by':
		case 'createdBy':
			return { get: (c) => c.createdBy };
		case 'color':
			return { get: (c) => c.color };
		default: {
			const def = store.fieldByAlias(name);
			if (!def) return { get: dbError };
			return {
				get: (c) => {
					const v = c.values[name];
					return v === undefined ? null : v;
				},
			};
		}
	}
}

/** MySQL-ish comparison: numbers numerically, strings case-insensitively. @param {unknown} a @param {unknown} b */
function cmp(a, b) {
	const na = typeof a === 'number' ? a : Number(a);
	const nb = typeof b === 'number' ? b : Number(b);
	if (
		(typeof a === 'number' || typeof b === 'number') &&
		!isNaN(na) &&
		!isNaN(nb) &&
		a !== '' &&
		b !== ''
	)
		return na - nb;
	const sa = String(a).toLowerCase();
	const sb = String(b).toLowerCase();
	return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/**
 * cmp(a, b) for a fixed b, with b's conversions done once.
 * @param {unknown} b
 * @returns {(a: unknown) => number}
 */
function cmpTo(b) {
	const bNumber = typeof b === 'number';
	const nb = bNumber ? b : Number(b);
	const bUsable = !isNaN(nb) && b !== '';
	/** @type {string|undefined} */
	let sb;
	return (a) => {
		const aNumber = typeof a === 'number';
		if (aNumber || bNumber) {
			const na = aNumber ? a : Number(a);
			if (bUsable && !isNaN(na) && a !== '') return na - nb;
		}
		const sa = String(a).toLowerCase();
		if (sb === undefined) sb = String(b).toLowerCase();
		return sa < sb ? -1 : sa > sb ? 1 : 0;
	};
}

/** @param {unknown} val */
function csv(val) {
	if (Array.isArray(val)) return val.map(String);
	return String(val ?? '')
		.split(',')
		.map((s) => s.trim());
}

/**
 * A where[] expression as a predicate; malformed expressions throw the DB error when evaluated.
 * @param {Store} store
 * @param {any} w
 * @returns {(c: Contact) => boolean}
 */
function compileWhere(store, w) {
	if (!w || typeof w !== 'object' || !w.expr) return dbError;
	const expr = String(w.expr);
	if (expr === 'andX' || expr === 'orX') {
		/** @type {any[]} */
		const items = Array.isArray(w.val) ? w.val : Object.values(w.val || {});
		const subs = items.map((x) => compileWhere(store, x));
		return expr === 'andX' ? (c) => subs.every((f) => f(c)) : (c) => subs.some((f) => f(c));
	}
	if (w.col === undefined || w.col === '') return dbError;
	const get = columnGetter(store, w.col).get;
	const val = w.val;
	const nb = typeof val === 'number' ? val : Number(val);
	const numericVal = !isNaN(nb) && val !== '';
	/** @param {(v: unknown) => boolean} test */
	const notNull = (test) => (/** @type {Contact} */ c) => {
		const v = get(c);
		return v !== null && v !== undefined && test(v);
	};
	switch (expr) {
		case 'eq': {
			const c = cmpTo(val);
			if (numericVal) {
				// cmp() of a number with a numeric value is their difference
				return (row) => {
					const v = get(row);
					if (v === null || v === undefined) return false;
					return (typeof v === 'number' && !isNaN(v) ? v - nb : c(v)) === 0;
				};
			}
			return notNull((v) => c(v) === 0);
		}
		case 'neq': {
			const c = cmpTo(val);
			if (numericVal) {
				// cmp() of a number with a numeric value is their difference
				return (row) => {
					const v = get(row);
					if (v === null || v === undefined) return false;
					return (typeof v === 'number' && !isNaN(v) ? v - nb : c(v)) !== 0;
				};
			}
			return notNull((v) => c(v) !== 0);
		}
		case 'lt': {
			const c = cmpTo(val);
			if (numericVal) {
				// cmp() of a number with a numeric value is their difference
				return (row) => {
					const v = get(row);
					if (v === null || v === undefined) return false;
					return (typeof v === 'number' && !isNaN(v) ? v - nb : c(v)) < 0;
				};
			}
			return notNull((v) => c(v) < 0);
		}
		case 'lte': {
			const c = cmpTo(val);
			if (numericVal) {
				// cmp() of a number with a numeric value is their difference
				return (row) => {
					const v = get(row);
					if (v === null || v === undefined) return false;
					return (typeof v === 'number' && !isNaN(v) ? v - nb : c(v)) <= 0;
				};
			}
			return notNull((v) => c(v) <= 0);
		}
		case 'gt': {
			const c = cmpTo(val);
			if (numericVal) {
				// cmp() of a number with a numeric value is their difference
				return (row) => {
					const v = get(row);
					if (v === null || v === undefined) return false;
					return (typeof v === 'number' && !isNaN(v) ? v - nb : c(v)) > 0;
				};
			}
			return notNull((v) => c(v) > 0);
		}
		case 'gte': {
			const c = cmpTo(val);
			if (numericVal) {
				// cmp() of a number with a numeric value is their difference
				return (row) => {
					const v = get(row);
					if (v === null || v === undefined) return false;
					return (typeof v === 'number' && !isNaN(v) ? v - nb : c(v)) >= 0;
				};
			}
			return notNull((v) => c(v) >= 0);
		}
		case 'like': {
			const re = likeRegex(String(val ?? ''));
			return notNull((v) => re.test(String(v)));
		}
		case 'notLike': {
			const re = likeRegex(String(val ?? ''));
			return notNull((v) => !re.test(String(v)));
		}
		case 'in': {
			// A list value (where[0][val][]=…) is a 500 on a real 5.1: Doctrine gets an array where
			// it expects a string. Mautic reads comma-separated values from one string.
			if (Array.isArray(val)) return dbError;
			const list = csv(val);
			return notNull((v) => list.some((x) => cmp(v, x) === 0));
		}
		case 'notIn': {
			if (Array.isArray(val)) return dbError;
			const list = csv(val);
			return notNull((v) => !list.some((x) => cmp(v, x) === 0));
		}
		case 'between':
		case 'notBetween': {
			const [lo, hi] = Array.isArray(val) ? val : csv(val);
			return (c) => {
				const v = get(c);
				const isNull = v === null || v === undefined;
				const inside = !isNull && cmp(v, lo) >= 0 && cmp(v, hi) <= 0;
				return expr === 'between' ? inside : !isNull && !inside;
			};
		}
		case 'isNull':
			return (c) => {
				const v = get(c);
				return v === null || v === undefined;
			};
		case 'isNotNull':
			return notNull(() => true);
		case 'isEmpty':
			return (c) => {
				const v = get(c);
				return v === null || v === undefined || v === '';
			};
		case 'isNotEmpty':
			return notNull((v) => v !== '');
		default:
			return (c) => {
				get(c);
				return dbError();
			};
	}
}

/** First and last instant formatSql writes with a 4-digit year (string order = time order inside). */
const MIN_SQL_TIME = -62167219200000; // 0000-01-01 00:00:00
const MAX_SQL_TIME = 253402300799999; // 9999-12-31 23:59:59.999

/**
 * Sort keys of one order column for all rows, as numbers or lower-cased strings (null for NULL) when the
 * column holds only one kind, so rows compare without cmp(); null when it needs cmp() (mixed kinds).
 * @param {Contact[]} list
 * @param {{ get: (c: Contact) => unknown, date?: (c: Contact) => unknown }} col
 * @returns {{ keys: (number|string|null)[], numeric: boolean } | null}
 */
function fastKeys(list, col) {
	const n = list.length;
	/** @type {(number|string|null)[]} */
	const keys = new Array(n);
	if (col.date) {
		// formatSql strings compare like the time in whole seconds (years 0000-9999)
		const date = col.date;
		let ok = true;
		for (let i = 0; i < n; i++) {
			const d = date(list[i]);
			if (d === null) {
				keys[i] = null;
				continue;
			}
			const t = d instanceof Date ? d.getTime() : NaN;
			if (!(t >= MIN_SQL_TIME && t <= MAX_SQL_TIME)) {
				ok = false;
				break;
			}
			keys[i] = Math.floor(t / 1000);
		}
		if (ok) return { keys, numeric: true };
	}
	const get = col.get;
	let nums = 0;
	let strs = 0;
	for (let i = 0; i < n; i++) {
		const v = get(list[i]);
		if (v === null || v === undefined) keys[i] = null;
		else if (typeof v === 'number') {
			if (!Number.isFinite(v)) return null;
			nums++;
			keys[i] = v;
		} else if (typeof v === 'string') {
			strs++;
			keys[i] = v.toLowerCase();
		} else return null;
	}
	if (nums && strs) return null;
	return { keys, numeric: nums > 0 };
}

/**
 * Whether rows are already in the order of a single order column (then id), checked in one pass without
 * building key arrays: true, false, or null when the column needs the general comparator.
 * @param {Contact[]} list
 * @param {{ get: (c: Contact) => unknown, date?: (c: Contact) => unknown }} col
 * @param {boolean} desc
 * @returns {boolean|null}
 */
function inOrder(list, col, desc) {
	const n = list.length;
	const sign = desc ? -1 : 1;
	if (col.date) {
		const date = col.date;
		let prev = null;
		let prevId = 0;
		let sorted = true;
		let i = 0;
		for (; i < n; i++) {
			const c = list[i];
			const id = c.id;
			const d = date(c);
			let key = null;
			if (d !== null) {
				const t = d instanceof Date ? d.getTime() : NaN;
				if (!(t >= MIN_SQL_TIME && t <= MAX_SQL_TIME)) break;
				key = Math.floor(t / 1000);
			}
			if (!Number.isFinite(id)) return null;
			if (sorted && i > 0) {
				let r = prev === null ? (key === null ? 0 : -1) : key === null ? 1 : prev - key;
				r *= sign;
				if (r > 0 || (r === 0 && prevId - id > 0)) sorted = false;
			}
			prev = key;
			prevId = id;
		}
		if (i === n) return sorted;
	}
	const get = col.get;
	/** @type {number|string|null} */
	let prev = null;
	let prevId = 0;
	let nums = false;
	let strs = false;
	let sorted = true;
	for (let i = 0; i < n; i++) {
		const c = list[i];
		const id = c.id;
		if (!Number.isFinite(id)) return null;
		const v = get(c);
		/** @type {number|string|null} */
		let key;
		if (v === null || v === undefined) key = null;
		else if (typeof v === 'number') {
			if (!Number.isFinite(v) || strs) return null;
			nums = true;
			key = v;
		} else if (typeof v === 'string') {
			if (nums) return null;
			strs = true;
			key = v.toLowerCase();
		} else return null;
		if (sorted && i > 0) {
			let r =
				prev === null
					? key === null
						? 0
						: -1
					: key === null
						? 1
						: prev < key
							? -1
							: prev > key
								? 1
								: 0;
			r *= sign;
			if (r > 0 || (r === 0 && prevId - id > 0)) sorted = false;
		}
		prev = key;
		prevId = id;
	}
	return sorted;
}

/**
 * Orders rows like the comparator in queryContacts: the columns, NULLs first ascending, then id.
 * @param {Contact[]} list
 * @param {{ get: (c: Contact) => unknown, date?: (c: Contact) => unknown }[]} cols
 * @param {boolean[]} desc
 * @returns {Contact[]|null} null when a column needs the general comparator
 */
function fastSort(list, cols, desc) {
	const n = list.length;
	/** @type {(number|string|null)[][]} */
	const keys = [];
	/** @type {boolean[]} */
	const numeric = [];
	for (const col of cols) {
		const k = fastKeys(list, col);
		if (!k) return null;
		keys.push(k.keys);
		numeric.push(k.numeric);
	}
	const ids = new Array(n);
	for (let i = 0; i < n; i++) {
		const id = list[i].id;
		if (!Number.isFinite(id)) return null;
		ids[i] = id;
	}
	const m = cols.length;
	/** @type {(a: number, b: number) => number} */
	let compare;
	if (m === 1) {
		const k = keys[0];
		const num = numeric[0];
		const d = desc[0];
		compare = (a, b) => {
			const x = k[a];
			const y = k[b];
			let r;
			if (x === null) r = y === null ? 0 : -1;
			else if (y === null) r = 1;
			else if (num) r = /** @type {number} */ (x) - /** @type {number} */ (y);
			else r = x < y ? -1 : x > y ? 1 : 0;
			if (d) r = -r;
			return r !== 0 ? r : ids[a] - ids[b];
		};
	} else {
		compare = (a, b) => {
			for (let j = 0; j < m; j++) {
				const x = keys[j][a];
				const y = keys[j][b];
				let r;
				if (x === null) r = y === null ? 0 : -1;
				else if (y === null) r = 1;
				else if (numeric[j]) r = /** @type {number} */ (x) - /** @type {number} */ (y);
				else r = x < y ? -1 : x > y ? 1 : 0;
				if (desc[j]) r = -r;
				if (r !== 0) return r;
			}
			return ids[a] - ids[b];
		};
	}
	// a total order (ids are unique), so any correct sort gives the same result; often already in order
	let sorted = true;
	for (let i = 1; i < n; i++) {
		if (compare(i - 1, i) > 0) {
			sorted = false;
			break;
		}
	}
	if (sorted) return list;
	const idx = new Array(n);
	for (let i = 0; i < n; i++) idx[i] = i;
	idx.sort(compare);
	return idx.map((i) => list[i]);
}

/**
 * @param {Store} store
 * @param {Record<string, any>} q parsed query string
 * @param {number|undefined} userId
 * @returns {{ total: number, results: Contact[] }}
 */
function queryContacts(store, q, userId) {
	let list = store.contactList(); // shared: never modified below, only replaced
	const search = typeof q.search === 'string' ? q.search : '';
	if (search.trim()) {
		const filters = parseSearch(search);
		const tests = filters.map((f) => compileFilter(store, f, userId));
		list = list.filter((c) => {
			let acc = true;
			for (let i = 0; i < filters.length; i++) {
				const f = filters[i];
				const m = tests[i](c) !== f.not;
				acc = i === 0 ? m : f.type === 'or' ? acc || m : acc && m;
			}
			return acc;
		});
	}
	if (q.where && typeof q.where === 'object') {
		const items = (Array.isArray(q.where) ? q.where : Object.values(q.where)).filter(
			(w) => !(w && w.internal !== undefined),
		);
		const tests = items.map((w) => compileWhere(store, w));
		if (tests.length === 1) list = list.filter(tests[0]);
		else list = list.filter((c) => tests.every((t) => t(c)));
	}
	if (q.published && q.published !== '0') list = list.filter((c) => c.isPublished);

	/** @type {{col: string, dir: string}[]} */
	let order = [];
	if (q.order && typeof q.order === 'object') {
		const items = Array.isArray(q.order) ? q.order : Object.values(q.order);
		order = items
			.filter((o) => o && o.col)
			.map((o) => ({ col: String(o.col), dir: String(o.dir || 'ASC') }));
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
	const cols = order.map((o) => columnGetter(store, o.col));
	const desc = order.map((o) => /^desc$/i.test(o.dir));
	// the first row's values first, so a bad column fails the way it always did
	if (list.length) for (const col of cols) col.get(list[0]);
	const fast =
		cols.length === 1 && inOrder(list, cols[0], desc[0]) ? list : fastSort(list, cols, desc);
	if (fast) list = fast;
	else {
		const keyed = list.map((c) => ({ c, keys: cols.map((col) => col.get(c)) }));
		keyed.sort((a, b) => {
			for (let i = 0; i < order.length; i++) {
				const x = a.keys[i];
				const y = b.keys[i];
				const xn = x === null || x === undefined;
				const yn = y === null || y === undefined;
				// MySQL: NULLs first ascending, last descending
				let r = xn && yn ? 0 : xn ? -1 : yn ? 1 : cmp(x, y);
				if (desc[i]) r = -r;
				if (r !== 0) return r;
			}
			return a.c.id - b.c.id;
		});
		list = keyed.map((k) => k.c);
	}
	const total = list.length;
	const start = Math.max(0, parseInt(String(q.start ?? '0'), 10) || 0);
	const limitRaw = q.limit === undefined ? 30 : parseInt(String(q.limit), 10) || 0;
	const page = limitRaw > 0 ? list.slice(start, start + limitRaw) : list.slice(start);
	return { total, results: page };
}

module.exports = { queryContacts, parseSearch, likeRegex };
