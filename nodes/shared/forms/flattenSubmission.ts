import type { IDataObject } from 'n8n-workflow';

/** Keys the flat submission sets itself; a form field with one of these aliases becomes `field_<alias>`. */
export const SUBMISSION_KEYS = [
	'submissionId',
	'formId',
	'contactId',
	'dateSubmitted',
	'page',
	'referer',
] as const;

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idOf(value: unknown): number | null {
	if (isObject(value)) return idOf(value.id);
	const id = Number(value);
	return value !== null && value !== undefined && value !== '' && Number.isFinite(id) ? id : null;
}

/**
 * A submission as a workflow uses it: `{submissionId, formId, contactId, dateSubmitted, page,
 * referer, <field alias>: value, …}`. Mautic keeps every value as text (a checkbox group as
 * "red, blue"); the single read's extra `form_id` column is left out. A field whose alias is one
 * of those keys, or of `reserved` (keys the caller adds), comes out as `field_<alias>` (prefixed
 * again while another field has that alias), so no field value is lost or overwrites a fixed key.
 */
export function flattenSubmission(raw: IDataObject, reserved: readonly string[] = []): IDataObject {
	const flat: IDataObject = {
		submissionId: idOf(raw.id),
		formId: idOf(raw.form),
		contactId: idOf(raw.lead),
		dateSubmitted: raw.dateSubmitted ?? null,
		page: idOf(raw.page),
		referer: raw.referer ?? null,
	};
	const results = isObject(raw.results) ? raw.results : {};
	const taken = new Set<string>([...SUBMISSION_KEYS, ...reserved]);
	const aliases = new Set(Object.keys(results));
	for (const [alias, value] of Object.entries(results)) {
		if (alias === 'form_id' || alias === 'submission_id') continue;
		let key = alias;
		if (taken.has(alias)) {
			key = `field_${alias}`;
			while (aliases.has(key) || taken.has(key)) key = `field_${key}`;
			taken.add(key);
		}
		// defined, not assigned: an alias such as `__proto__` stays an ordinary key
		Object.defineProperty(flat, key, {
			value,
			enumerable: true,
			writable: true,
			configurable: true,
		});
	}
	return flat;
}
