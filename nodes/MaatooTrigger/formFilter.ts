import type { IDataObject } from 'n8n-workflow';

export const FORM_SUBMIT_EVENT = 'mautic.form_on_submit';

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The chosen form IDs (from the list, typed or from an expression); empty means every form. */
export function chosenFormIds(value: unknown): Set<number> {
	const values = Array.isArray(value)
		? value
		: typeof value === 'string' && value.trim() !== ''
			? value.split(',')
			: typeof value === 'number'
				? [value]
				: [];
	const ids = new Set<number>();
	for (const one of values) {
		const id = Number(String(one).trim());
		if (Number.isSafeInteger(id) && id > 0) ids.add(id);
	}
	return ids;
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
 * delivery can mix forms in one request; the result says whether anything is left.
 */
export function withChosenForms(
	payload: IDataObject,
	forms: Set<number>,
): { payload: IDataObject; left: boolean; dropped: number } {
	if (forms.size === 0) return { payload, left: true, dropped: 0 };
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
