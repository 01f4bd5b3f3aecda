// @ts-check
'use strict';

/**
 * PHP json_encode-compatible encoder. Mautic answers through PHP, so clients see
 * `\/` for every slash and `\uXXXX` for every non-ASCII UTF-16 unit; signatures of
 * webhook bodies are computed over exactly those bytes.
 *
 * Container semantics mirror PHP:
 *  - JS array            -> JSON array
 *  - PhpArray (a Map)    -> JSON array when its keys are exactly 0..n-1 in order, else object; empty -> []
 *  - Map                 -> always a JSON object (PHP ArrayObject); empty -> {}
 *  - plain object        -> JSON object (JS key order; use a Map when integer-like keys must keep server order)
 *  - Date                -> string in PHP 'c' format (UTC)
 */

/** A PHP array: list when sequential from 0, otherwise an ordered hash. */
class PhpArray extends Map {}

/** @param {Date} d */
function formatC(d) {
	const iso = d.toISOString(); // 2024-05-01T10:00:00.000Z
	return iso.slice(0, 19) + '+00:00';
}

/** @param {Date} d */
function formatSql(d) {
	const iso = d.toISOString();
	return iso.slice(0, 10) + ' ' + iso.slice(11, 19);
}

/**
 * @param {string} s
 * @param {boolean} hex JSON_HEX_TAG|APOS|AMP|QUOT, used by Symfony JsonResponse
 */
function encodeString(s, hex) {
	let out = '"';
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		const ch = s[i];
		if (hex && (ch === '<' || ch === '>' || ch === '&' || ch === "'" || ch === '"')) {
			out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
		} else if (ch === '"') out += '\\"';
		else if (ch === '\\') out += '\\\\';
		else if (ch === '/') out += '\\/';
		else if (ch === '\b') out += '\\b';
		else if (ch === '\f') out += '\\f';
		else if (ch === '\n') out += '\\n';
		else if (ch === '\r') out += '\\r';
		else if (ch === '\t') out += '\\t';
		else if (c < 0x20 || c > 0x7e) {
			// PHP keeps DEL (0x7f) as is; everything above ASCII becomes lower-case \uXXXX per UTF-16 unit
			if (c === 0x7f) out += ch;
			else out += '\\u' + c.toString(16).padStart(4, '0');
		} else out += ch;
	}
	return out + '"';
}

/** @param {number} n */
function encodeNumber(n) {
	if (!Number.isFinite(n)) return '0';
	return String(n);
}

/**
 * @param {unknown} value
 * @param {{ hex?: boolean }} [opts]
 * @returns {string}
 */
function encode(value, opts = {}) {
	const hex = !!opts.hex;
	/** @param {unknown} v @returns {string} */
	const enc = (v) => {
		if (v === null || v === undefined) return 'null';
		if (typeof v === 'string') return encodeString(v, hex);
		if (typeof v === 'number') return encodeNumber(v);
		if (typeof v === 'boolean') return v ? 'true' : 'false';
		if (typeof v === 'bigint') return v.toString();
		if (v instanceof Date) return encodeString(formatC(v), hex);
		if (Array.isArray(v)) return '[' + v.map((x) => (x === undefined ? 'null' : enc(x))).join(',') + ']';
		if (v instanceof PhpArray) {
			let i = 0;
			let isList = true;
			for (const k of v.keys()) {
				if (String(k) !== String(i)) {
					isList = false;
					break;
				}
				i++;
			}
			if (isList) return '[' + [...v.values()].map(enc).join(',') + ']';
			return '{' + [...v.entries()].map(([k, x]) => encodeString(String(k), hex) + ':' + enc(x)).join(',') + '}';
		}
		if (v instanceof Map) {
			return '{' + [...v.entries()].map(([k, x]) => encodeString(String(k), hex) + ':' + enc(x)).join(',') + '}';
		}
		if (typeof v === 'object') {
			const parts = [];
			for (const [k, x] of Object.entries(/** @type {Record<string, unknown>} */ (v))) {
				if (x === undefined) continue;
				parts.push(encodeString(k, hex) + ':' + enc(x));
			}
			return '{' + parts.join(',') + '}';
		}
		return 'null';
	};
	return enc(value);
}

/**
 * Drops null values recursively, like JMS with serializeNull=false (responses built without a context).
 * @param {unknown} v
 * @returns {unknown}
 */
function stripNulls(v) {
	if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined).map(stripNulls);
	if (v instanceof Map) {
		const out = v instanceof PhpArray ? new PhpArray() : new Map();
		for (const [k, x] of v) if (x !== null && x !== undefined) out.set(k, stripNulls(x));
		return out;
	}
	if (v && typeof v === 'object' && !(v instanceof Date)) {
		/** @type {Record<string, unknown>} */
		const out = {};
		for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) out[k] = stripNulls(x);
		return out;
	}
	return v;
}

/**
 * PHP serialize(), used for the raw `properties` column Mautic returns inside contact fields.
 * @param {unknown} v
 * @returns {string}
 */
function phpSerialize(v) {
	if (v === null || v === undefined) return 'N;';
	if (typeof v === 'boolean') return `b:${v ? 1 : 0};`;
	if (typeof v === 'number') return Number.isInteger(v) ? `i:${v};` : `d:${v};`;
	if (typeof v === 'string') return `s:${Buffer.byteLength(v, 'utf8')}:"${v}";`;
	/** @type {[string|number, unknown][]} */
	let entries;
	if (Array.isArray(v)) entries = v.map((x, i) => [i, x]);
	else if (v instanceof Map) entries = [...v.entries()];
	else entries = Object.entries(/** @type {object} */ (v));
	const body = entries
		.map(([k, x]) => {
			const key = typeof k === 'number' || /^(0|[1-9]\d*)$/.test(String(k)) ? `i:${k};` : phpSerialize(String(k));
			return key + phpSerialize(x);
		})
		.join('');
	return `a:${entries.length}:{${body}}`;
}

module.exports = { PhpArray, encode, stripNulls, phpSerialize, formatC, formatSql };
