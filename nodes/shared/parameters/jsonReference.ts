import * as n8nWorkflow from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

/**
 * Keys n8n's expression sandbox refuses or treats specially (n8n-workflow's list of unsafe object
 * properties, kept here for versions that do not export it); such references are left to n8n.
 */
const GUARDED_KEYS = new Set([
	'__proto__',
	'prototype',
	'constructor',
	'getPrototypeOf',
	'mainModule',
	'binding',
	'_load',
	'prepareStackTrace',
	'__lookupGetter__',
	'__lookupSetter__',
	'__defineGetter__',
	'__defineSetter__',
]);
const isSafeInN8n = (n8nWorkflow as { isSafeObjectProperty?: (key: string) => boolean })
	.isSafeObjectProperty;

// Identifiers without `$`, quoted keys without escapes, line breaks or braces, indexes without leading zeros.
const STEP_SOURCE = String.raw`\.([A-Za-z_][\w]*)|\[\s*(?:"([^"\\\r\n{}]*)"|'([^'\\\r\n{}]*)'|(0|[1-9]\d*))\s*\]`;
const WHOLE = new RegExp(String.raw`^=\{\{\s*\$json((?:\s*(?:${STEP_SOURCE}))+)\s*\}\}$`);
const STEP = new RegExp(STEP_SOURCE, 'g');

/**
 * The path of a parameter value that is nothing but a reference into the input item:
 * `={{ $json.email }}`, `={{ $json["first name"] }}`, `={{ $json.address.city }}`,
 * `={{ $json.tags[0] }}` (what n8n writes when a field is dragged onto a parameter).
 * Anything else, including text around the braces, gives undefined.
 */
export function jsonReferencePath(value: unknown): string[] | undefined {
	if (typeof value !== 'string') return undefined;
	const whole = WHOLE.exec(value);
	if (!whole) return undefined;
	const path: string[] = [];
	for (const step of whole[1].matchAll(STEP)) {
		const key = step[1] ?? step[2] ?? step[3] ?? step[4];
		if (GUARDED_KEYS.has(key) || (isSafeInN8n && !isSafeInN8n(key))) return undefined;
		path.push(key);
	}
	return path;
}

/** What a reference read gives: the value, or `unsure` when only n8n can say. */
export type ReferenceRead = { value: unknown } | 'unsure';

function isPlainContainer(value: unknown): value is IDataObject | unknown[] {
	if (Array.isArray(value)) return true;
	if (!value || typeof value !== 'object') return false;
	const prototype = Object.getPrototypeOf(value);
	return prototype === Object.prototype || prototype === null;
}

/**
 * Reads a reference the way n8n's `$json.a.b` does, for the cases that are plain data: every
 * step on a plain object or array, each key either the container's own or absent from it and
 * its prototype (then undefined, as in n8n), and a primitive at the end. Anything else, such as
 * a step into a missing object, a key the prototype has (`length`, `toString`) or an object at
 * the end (n8n post-processes those), is `unsure`.
 */
export function readJsonReference(json: IDataObject, path: string[]): ReferenceRead {
	let current: unknown = json;
	for (let step = 0; step < path.length; step++) {
		if (!isPlainContainer(current)) return 'unsure';
		const key = path[step];
		if (Object.prototype.hasOwnProperty.call(current, key)) {
			current = (current as IDataObject)[key];
			continue;
		}
		if (key in current || step < path.length - 1) return 'unsure';
		return { value: undefined };
	}
	if (current !== null && (typeof current === 'object' || typeof current === 'function'))
		return 'unsure';
	return { value: current };
}
