import type { IDataObject } from 'n8n-workflow';

export const FORM_SUBMIT_EVENT = 'mautic.form_on_submit';

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The chosen form IDs (from the list, typed or from an expression), and what was given that is
 * no form ID (a form's name, `7x`): `ids` is undefined when nothing was chosen (every form).
 */
export function chosenForms(value: unknown): { ids?: Set<number>; invalid: string[] } {
	const values = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(',')
			: value === undefined || value === null
				? []
				: [value];
	const ids = new Set<number>();
	const invalid: string[] = [];
	for (const one of values) {
		const text = String(one ?? '').trim();
		if (text === '') continue;
		const id = /^\d+$/.test(text) ? Number(text) : NaN;
		if (Number.isSafeInteger(id) && id > 0) ids.add(id);
		else invalid.push(text.slice(0, 80));
	}
	return ids.size === 0 && invalid.length === 0 ? { invalid } : { ids, invalid };
}

/** Why the form filter cannot be used as given, or undefined when it can. */
export function invalidFormsMessage(invalid: string[]): string | undefined {
	if (invalid.length === 0) return undefined;
	return `The field "Form Names or IDs" needs form IDs (whole numbers from 1), got ${invalid.map((one) => `"${one}"`).join(', ')}`;
}

/** The form a form-submit event is about: `submission.form.id`. */
function formIdOf(entry: unknown): number | undefined {
	if (!isObject(entry) || !isObject(entry.submission)) return undefined;
	const form = entry.submission.form;
	const id = Number(isObject(form) ? form.id : form);
	return Number.isFinite(id) ? id : undefined;
}

/**
 * The payload without the form submissions of forms not chosen (other events stay). Queued
 * delivery can mix forms in one request; the result says whether anything is left. No set: every
 * form; an empty set (only names or other text were given): none.
 */
export function withChosenForms(
	payload: IDataObject,
	forms: Set<number> | undefined,
): { payload: IDataObject; left: boolean; dropped: number } {
	if (forms === undefined) return { payload, left: true, dropped: 0 };
	const kept: IDataObject = {};
	let left = false;
	let dropped = 0;
	for (const [key, value] of Object.entries(payload)) {
		if (key !== FORM_SUBMIT_EVENT) {
			kept[key] = value;
			// the "send test payload" button's top-level timestamp is not an event
			if (key !== 'timestamp') left = true;
			continue;
		}
		const entries = Array.isArray(value) ? value : [value];
		const chosen = entries.filter((entry) => {
			const id = formIdOf(entry);
			return id !== undefined && forms.has(id);
		});
		dropped += entries.length - chosen.length;
		if (chosen.length > 0) {
			kept[key] = Array.isArray(value) ? chosen : chosen[0];
			left = true;
		}
	}
	return { payload: kept, left, dropped };
}
