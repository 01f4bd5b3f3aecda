// @ts-check
'use strict';

/**
 * Field value handling of contacts: the form conversion and validation Mautic applies to
 * submitted values, and the types values come back with (which differ between list and single reads).
 */

const { parseList } = require('./field-catalog');
const { formatSql } = require('./php-json');

/** @typedef {import('./field-catalog').FieldDef} FieldDef */
/** @typedef {import('./store').Contact} Contact */

const NOT_VALID = 'This value is not valid.';
const EMAIL_RE =
	/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const NUMERIC_RE = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/** PHP is_numeric. @param {unknown} v */
function isNumeric(v) {
	if (typeof v === 'number') return Number.isFinite(v);
	return typeof v === 'string' && NUMERIC_RE.test(v);
}

/** PHP (int) cast of a numeric value. @param {unknown} v */
function phpInt(v) {
	if (typeof v === 'number') return Math.trunc(v);
	if (typeof v === 'boolean') return v ? 1 : 0;
	const m = /^\s*[+-]?\d+/.exec(String(v ?? ''));
	return m ? parseInt(m[0], 10) : 0;
}

/**
 * strtotime-like parsing; naive date-times are UTC (Mautic's default timezone).
 * @param {unknown} v
 * @returns {Date|null}
 */
function parseDate(v) {
	if (v instanceof Date) return isNaN(v.getTime()) ? null : v;
	if (typeof v === 'number') return new Date(v * 1000);
	if (typeof v !== 'string' || !v.trim()) return null;
	const s = v.trim();
	let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
	if (m) return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s);
	if (m) return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0)));
	const t = Date.parse(s);
	if (isNaN(t)) return null;
	const d = new Date(t);
	d.setUTCMilliseconds(0);
	return d;
}

/**
 * Symfony's Form::submit turns scalars into strings (true => '1', false => null).
 * @param {unknown} raw
 * @returns {string|null|unknown[]|object}
 */
function submitted(raw) {
	if (raw === null || raw === undefined || raw === false) return null;
	if (raw === true) return '1';
	if (typeof raw === 'number') return String(raw);
	return /** @type {any} */ (raw);
}

/**
 * Converts a submitted value the way the contact form does.
 * @param {FieldDef} def
 * @param {unknown} raw
 * @returns {{ value: any } | { error: string } | { skip: true }}
 */
function convertInput(def, raw) {
	const v = submitted(raw);
	const empty = v === null || v === '';
	switch (def.type) {
		case 'number': {
			if (empty) return { value: null };
			if (typeof v !== 'string' || !isNumeric(v)) return { error: NOT_VALID };
			let n = Number(v);
			const scale = def.properties && def.properties.scale ? Number(def.properties.scale) : null;
			if (scale !== null) n = Math.round(n * 10 ** scale) / 10 ** scale;
			return { value: n };
		}
		case 'boolean': {
			if (empty) return { value: null };
			if (v === '1' || v === '0') return { value: Number(v) };
			return { error: NOT_VALID };
		}
		case 'select': {
			if (empty) return { value: null };
			if (typeof v !== 'string') return { error: NOT_VALID };
			const opts = parseList(def.properties && def.properties.list);
			if (opts.length && !opts.some((o) => o.value === v)) return { error: NOT_VALID };
			return { value: v };
		}
		case 'multiselect': {
			if (empty) return { value: null };
			const arr = Array.isArray(v)
				? v.map((x) => String(submitted(x) ?? ''))
				: typeof v === 'string'
					? v.split('|')
					: null;
			if (!arr) return { error: NOT_VALID };
			const vals = arr.filter((x) => x !== '');
			if (!vals.length) return { value: null };
			const opts = parseList(def.properties && def.properties.list);
			if (opts.length && vals.some((x) => !opts.some((o) => o.value === x)))
				return { error: NOT_VALID };
			return { value: vals.join('|') };
		}
		case 'date':
		case 'datetime':
		case 'time': {
			if (empty) return { value: null };
			if (typeof v !== 'string') return { error: NOT_VALID };
			// RequestTrait drops zero placeholders and unparseable dates instead of failing
			if (phpInt(v.replace(/[/\- ]/g, '')) === 0) return { skip: true };
			if (def.type === 'time') {
				const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(v.trim());
				if (m) return { value: `${m[1].padStart(2, '0')}:${m[2]}:${m[3] || '00'}` };
			}
			const d = parseDate(v);
			if (!d) return { skip: true };
			const sql = formatSql(d);
			if (def.type === 'date') return { value: sql.slice(0, 10) };
			if (def.type === 'time') return { value: sql.slice(11) };
			return { value: sql };
		}
		default: {
			if (empty) return { value: null };
			if (typeof v !== 'string') return { error: NOT_VALID };
			if (def.type === 'email') {
				const e = v.trim();
				if (!EMAIL_RE.test(e)) return { error: `${e} is invalid.` };
				return { value: e };
			}
			if (def.type === 'url' && !/^[a-z][a-z0-9+.-]*:/i.test(v.trim()))
				return { value: 'http://' + v.trim() };
			if (def.charLengthLimit && [...v].length > def.charLengthLimit) {
				return {
					error: `This value is too long. It should have ${def.charLengthLimit} characters or less.`,
				};
			}
			return { value: v };
		}
	}
}

/**
 * The stored value of a field for a contact (points and last_active live on the entity).
 * @param {Contact} c
 * @param {FieldDef} def
 */
function rawValue(c, def) {
	if (def.alias === 'points') return c.points;
	if (def.alias === 'last_active') return c.lastActive ? formatSql(c.lastActive) : null;
	const v = c.values[def.alias];
	return v === undefined ? null : v;
}

/**
 * Value as serialized by the API. `mode`:
 *  - 'list'    getEntities (raw DBAL strings, then fixNumbers): booleans stay "0"/"1" strings
 *  - 'single'  getEntity/save (formatFieldValues + fixNumbers): booleans as ints
 *  - 'webhook' no fixNumbers (number fields keep their float value; PHP re-encodes 5.0 as 5)
 * @param {FieldDef} def
 * @param {unknown} raw
 * @param {'list'|'single'|'webhook'} mode
 */
function outputValue(def, raw, mode) {
	if (raw === null || raw === undefined) return null;
	if (def.alias === 'points') return phpInt(raw);
	switch (def.type) {
		case 'number': {
			const n = Number(raw);
			if (mode === 'webhook') return n;
			return def.properties && def.properties.scale ? n : Math.trunc(n);
		}
		case 'boolean':
			return mode === 'list' ? String(phpInt(raw)) : phpInt(raw);
		default:
			return String(raw);
	}
}

/**
 * @param {FieldDef} def
 * @param {unknown} value serialized value
 * @param {{ listOptions?: {label: string, value: string}[] }} [cache] keeps parseList(def.properties.list)
 */
function normalizedValue(def, value, cache) {
	if (value === null || value === undefined) return null;
	if (def.type === 'boolean') {
		const p = def.properties || {};
		return phpInt(value) ? (p.yes ?? 'Yes') : (p.no ?? 'No');
	}
	if (def.type === 'select' || def.type === 'multiselect') {
		const opts = cache
			? (cache.listOptions ??= parseList(def.properties && def.properties.list))
			: parseList(def.properties && def.properties.list);
		return String(value)
			.split('|')
			.map((v) => opts.find((o) => o.value === v)?.label ?? v)
			.join('|');
	}
	return value;
}

/** Lead::isAnonymous: nothing that identifies a person. @param {Contact} c */
function isAnonymous(c) {
	return !['firstname', 'lastname', 'email', 'company'].some(
		(a) => c.values[a] !== null && c.values[a] !== undefined && c.values[a] !== '',
	);
}

module.exports = {
	convertInput,
	rawValue,
	outputValue,
	normalizedValue,
	isAnonymous,
	isNumeric,
	phpInt,
	parseDate,
	NOT_VALID,
};
