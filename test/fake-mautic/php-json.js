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
 * Strings made only of these characters encode as themselves between quotes (printable ASCII and DEL,
 * without `"`, `\\` and `/`; with JSON_HEX_* also without `<`, `>`, `&` and `'`).
 */
const PLAIN = /^[\x20\x21\x23-\x2e\x30-\x5b\x5d-\x7f]*$/;
const PLAIN_HEX = /^[\x20\x21\x23-\x25\x28-\x2e\x30-\x3b\x3d\x3f-\x5b\x5d-\x7f]*$/;

/**
 * @param {string} s
 * @param {boolean} hex JSON_HEX_TAG|APOS|AMP|QUOT, used by Symfony JsonResponse
 */
function encodeString(s, hex) {
	if ((hex ? PLAIN_HEX : PLAIN).test(s)) return '"' + s + '"';
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
 * A value encoded ahead of time (encode of a big response keeps only the text of each part alive, not
 * the objects it was built from). Encoding it with the other escaping mode is a programming error.
 */
class RawJson {
	/** @param {string} text @param {boolean} hex */
	constructor(text, hex) {
		this.text = text;
		this.hex = hex;
	}
}

/** @param {unknown} value @param {{ hex?: boolean }} [opts] */
function preEncode(value, opts = {}) {
	return new RawJson(encode(value, opts), !!opts.hex);
}

/**
 * Objects can carry a pre-encoded start: `obj[ENCODED_PREFIX]` (a non-enumerable accessor) returning a
 * record made by prefixRecord(). When the object's first own keys and their values are still exactly the
 * recorded ones, the cached encoding of those pairs is used; the rest is encoded as usual.
 */
const ENCODED_PREFIX = Symbol('php-json encoded prefix');

/**
 * @typedef {{ keys: string[], plain: string|null, hex: string|null }} TailText the rest of such an object when all its values are null
 * @typedef {{ keys: string[], values: (string|number|boolean|null)[], plain: string|null, hex: string|null, nullTail: TailText|null }} PrefixRecord
 */

/**
 * @param {string[]} keys
 * @param {unknown[]} values primitives other than undefined; otherwise no record (null)
 * @returns {PrefixRecord|null}
 */
function prefixRecord(keys, values) {
	if (!keys.length || keys.length !== values.length) return null;
	for (const v of values) {
		if (
			v === undefined ||
			(v !== null && typeof v === 'object') ||
			typeof v === 'function' ||
			typeof v === 'symbol'
		)
			return null;
		if (typeof v === 'number' && Number.isNaN(v)) return null;
	}
	return {
		keys: [...keys],
		values: /** @type {any[]} */ ([...values]),
		plain: null,
		hex: null,
		nullTail: null,
	};
}

/** @param {PrefixRecord} rec @param {boolean} hex */
function prefixText(rec, hex) {
	/** @type {string[]} */
	const out = ['{'];
	for (let i = 0; i < rec.keys.length; i++) {
		if (i > 0) out.push(',');
		emitKey(rec.keys[i], hex, out);
		emit(rec.values[i], hex, out);
	}
	return out.join('');
}

/**
 * Encoded object keys, by key (bounded): `"k":`, `,"k":`, `"k":null` and `,"k":null`, so that a key with
 * its separator (and the frequent null value) is one piece of output.
 * @typedef {{ key: string, next: string, keyNull: string, nextNull: string }} KeyText
 */
/** @type {[Map<string, KeyText>, Map<string, KeyText>]} */
const KEY_CACHE = [new Map(), new Map()];
const KEY_CACHE_MAX = 10000;

/** @param {string} k @param {boolean} hex @returns {KeyText} */
function keyText(k, hex) {
	const cache = KEY_CACHE[hex ? 1 : 0];
	let t = cache.get(k);
	if (t === undefined) {
		const key = encodeString(k, hex) + ':';
		t = { key, next: ',' + key, keyNull: key + 'null', nextNull: ',' + key + 'null' };
		if (cache.size < KEY_CACHE_MAX) cache.set(k, t);
	}
	return t;
}

/**
 * A key and its value, after `first` pairs or not.
 * @param {string} k @param {unknown} x @param {boolean} first @param {boolean} hex @param {string[]} out
 */
function emitPair(k, x, first, hex, out) {
	const t = keyText(k, hex);
	if (x === null || x === undefined) out.push(first ? t.keyNull : t.nextNull);
	else if (typeof x === 'string' && (hex ? PLAIN_HEX : PLAIN).test(x))
		out.push(first ? t.key : t.next, '"' + x + '"');
	else {
		out.push(first ? t.key : t.next);
		emit(x, hex, out);
	}
}

/** @param {string} k @param {boolean} hex @param {string[]} out */
function emitKey(k, hex, out) {
	out.push(keyText(k, hex).key);
}

/** @param {string} prefix @param {string[]} keys @param {boolean} hex */
function nullTailText(prefix, keys, hex) {
	let s = prefix;
	for (const k of keys) s += keyText(k, hex).nextNull;
	return s + '}';
}

/**
 * Appends the encoding of a value to `out` (joined once at the end: building one long string by
 * concatenation is slower and keeps the GC busy).
 * @param {unknown} v
 * @param {boolean} hex
 * @param {string[]} out
 */
function emit(v, hex, out) {
	if (v === null || v === undefined) {
		out.push('null');
		return;
	}
	switch (typeof v) {
		case 'string':
			out.push(encodeString(v, hex));
			return;
		case 'number':
			out.push(encodeNumber(v));
			return;
		case 'boolean':
			out.push(v ? 'true' : 'false');
			return;
		case 'bigint':
			out.push(v.toString());
			return;
		case 'object':
			break;
		default:
			out.push('null');
			return;
	}
	if (v instanceof Date) {
		out.push(encodeString(formatC(v), hex));
		return;
	}
	if (v instanceof RawJson) {
		if (v.hex !== hex) throw new Error('php-json: RawJson encoded with the other escaping mode');
		out.push(v.text);
		return;
	}
	if (Array.isArray(v)) {
		// holes stay empty, like Array.prototype.map + join did
		out.push('[');
		for (let i = 0; i < v.length; i++) {
			if (i > 0) out.push(',');
			if (!(i in v)) continue;
			const x = v[i];
			if (x === undefined) out.push('null');
			else emit(x, hex, out);
		}
		out.push(']');
		return;
	}
	if (v instanceof Map) {
		if (v instanceof PhpArray) {
			let i = 0;
			let isList = true;
			for (const k of v.keys()) {
				if (k !== i && String(k) !== String(i)) {
					isList = false;
					break;
				}
				i++;
			}
			if (isList) {
				out.push('[');
				let first = true;
				for (const x of v.values()) {
					if (first) first = false;
					else out.push(',');
					emit(x, hex, out);
				}
				out.push(']');
				return;
			}
		}
		out.push('{');
		let first = true;
		for (const [k, x] of v) {
			emitPair(typeof k === 'string' ? k : String(k), x, first, hex, out);
			first = false;
		}
		out.push('}');
		return;
	}
	const obj = /** @type {Record<string, unknown>} */ (v);
	const keys = Object.keys(obj);
	let first = true;
	let i = 0;
	const rec = /** @type {PrefixRecord|undefined} */ (/** @type {any} */ (obj)[ENCODED_PREFIX]);
	if (rec && keys.length >= rec.keys.length) {
		const n = rec.keys.length;
		let same = true;
		for (let j = 0; j < n; j++) {
			if (keys[j] !== rec.keys[j] || obj[keys[j]] !== rec.values[j]) {
				same = false;
				break;
			}
		}
		if (same) {
			const prefix = hex
				? (rec.hex ??= prefixText(rec, true))
				: (rec.plain ??= prefixText(rec, false));
			let allNull = keys.length > n;
			for (let j = n; allNull && j < keys.length; j++) if (obj[keys[j]] !== null) allNull = false;
			if (allNull) {
				let tail = rec.nullTail;
				let sameTail = !!tail && tail.keys.length === keys.length - n;
				for (let j = n; sameTail && j < keys.length; j++)
					if (keys[j] !== /** @type {TailText} */ (tail).keys[j - n]) sameTail = false;
				if (!tail || !sameTail)
					tail = rec.nullTail = { keys: keys.slice(n), plain: null, hex: null };
				const t = /** @type {TailText} */ (tail);
				out.push(
					hex
						? (t.hex ??= nullTailText(prefix, t.keys, true))
						: (t.plain ??= nullTailText(prefix, t.keys, false)),
				);
				return;
			}
			out.push(prefix);
			first = false;
			i = n;
		}
	}
	if (first) out.push('{');
	for (; i < keys.length; i++) {
		const x = obj[keys[i]];
		if (x === undefined) continue;
		emitPair(keys[i], x, first, hex, out);
		first = false;
	}
	out.push('}');
}

/**
 * @param {unknown} value
 * @param {{ hex?: boolean }} [opts]
 * @returns {string}
 */
function encode(value, opts = {}) {
	/** @type {string[]} */
	const out = [];
	emit(value, !!opts.hex, out);
	return out.length === 1 ? out[0] : out.join('');
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
		for (const [k, x] of Object.entries(v))
			if (x !== null && x !== undefined) out[k] = stripNulls(x);
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
			const key =
				typeof k === 'number' || /^(0|[1-9]\d*)$/.test(String(k))
					? `i:${k};`
					: phpSerialize(String(k));
			return key + phpSerialize(x);
		})
		.join('');
	return `a:${entries.length}:{${body}}`;
}

module.exports = {
	PhpArray,
	encode,
	stripNulls,
	phpSerialize,
	formatC,
	formatSql,
	ENCODED_PREFIX,
	prefixRecord,
	RawJson,
	preEncode,
};
