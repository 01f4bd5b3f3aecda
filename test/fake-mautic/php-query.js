// @ts-check
'use strict';

/**
 * PHP-style parsing of query strings and form bodies (`where[0][col]=email`, `ids[]=1`),
 * plus request body decoding the way Mautic sees it (FOSRest decodes JSON into the request bag).
 */

/** @param {string} s */
function decode(s) {
	try {
		return decodeURIComponent(s.replace(/\+/g, ' '));
	} catch {
		return s;
	}
}

/**
 * Converts objects whose keys are exactly 0..n-1 (in order) into arrays, recursively.
 * @param {unknown} v
 * @returns {any}
 */
function listify(v) {
	if (Array.isArray(v)) return v.map(listify);
	if (v && typeof v === 'object') {
		const obj = /** @type {Record<string, unknown>} */ (v);
		const keys = Object.keys(obj);
		const seq = keys.length > 0 && keys.every((k, i) => k === String(i));
		if (seq) return keys.map((k) => listify(obj[k]));
		/** @type {Record<string, unknown>} */
		const out = {};
		for (const k of keys) out[k] = listify(obj[k]);
		return out;
	}
	return v;
}

/**
 * @param {string} qs query string without the leading '?'
 * @returns {Record<string, any>}
 */
function parsePhpQuery(qs) {
	/** @type {Record<string, any>} */
	const root = {};
	if (!qs) return root;
	for (const part of qs.split('&')) {
		if (!part) continue;
		const eq = part.indexOf('=');
		const rawKey = decode(eq === -1 ? part : part.slice(0, eq));
		const value = eq === -1 ? '' : decode(part.slice(eq + 1));
		const open = rawKey.indexOf('[');
		if (open <= 0) {
			root[rawKey] = value;
			continue;
		}
		const base = rawKey.slice(0, open);
		/** @type {string[]} */
		const segs = [];
		const re = /\[([^\]]*)\]/g;
		let m;
		while ((m = re.exec(rawKey.slice(open)))) segs.push(m[1]);
		if (segs.length === 0) {
			root[rawKey] = value;
			continue;
		}
		/** @type {Record<string, any>} */
		let cur = root;
		let key = base;
		for (const seg of segs) {
			if (cur[key] === undefined || typeof cur[key] !== 'object') cur[key] = {};
			const next = cur[key];
			let k = seg;
			if (k === '') {
				// PHP appends with the next integer index
				const ints = Object.keys(next)
					.filter((x) => /^\d+$/.test(x))
					.map(Number);
				k = String(ints.length ? Math.max(...ints) + 1 : 0);
			}
			cur = next;
			key = k;
		}
		cur[key] = value;
	}
	return listify(root);
}

class BodyParseError extends Error {}

/**
 * @param {Buffer} buf
 * @param {string|undefined} contentType
 * @returns {any}
 */
function parseBody(buf, contentType) {
	const text = buf.toString('utf8');
	if (!text.trim()) return {};
	const ct = (contentType || '').toLowerCase();
	if (ct.includes('application/x-www-form-urlencoded')) return parsePhpQuery(text);
	if (ct.includes('json') || !ct) {
		try {
			return JSON.parse(text);
		} catch {
			if (!ct) return parsePhpQuery(text);
			throw new BodyParseError('Invalid json message received');
		}
	}
	return {};
}

module.exports = { parsePhpQuery, parseBody, BodyParseError };
