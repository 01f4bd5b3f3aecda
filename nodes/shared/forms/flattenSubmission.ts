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
 * "red, blue"); the single read's extra `form_id` column is left out.
 */
export function flattenSubmission(raw: IDataObject): IDataObject {
	const flat: IDataObject = {
		submissionId: idOf(raw.id),
		formId: idOf(raw.form),
		contactId: idOf(raw.lead),
		dateSubmitted: raw.dateSubmitted ?? null,
		page: idOf(raw.page),
		referer: raw.referer ?? null,
	};
	const results = isObject(raw.results) ? raw.results : {};
	for (const [alias, value] of Object.entries(results)) {
		if (alias === 'form_id' || alias === 'submission_id') continue;
		const key = (SUBMISSION_KEYS as readonly string[]).includes(alias) ? `field_${alias}` : alias;
		flat[key] = value;
	}
	return flat;
}
