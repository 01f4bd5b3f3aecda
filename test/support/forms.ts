import type { IDataObject } from 'n8n-workflow';
import { mauticApi } from './seed';

/** A published form with an email field mapped to the contact's email, a message and a button. */
export async function createForm(url: string, name: string): Promise<IDataObject> {
	const answer = await mauticApi(url, 'POST', '/forms/new', {
		name,
		formType: 'standalone',
		isPublished: true,
		postAction: 'message',
		postActionProperty: 'Thanks',
		fields: [
			{
				label: 'Email',
				alias: 'email',
				type: 'email',
				mappedObject: 'contact',
				mappedField: 'email',
				leadField: 'email',
			},
			{ label: 'Message', alias: 'message', type: 'textarea' },
			{
				label: 'Colors',
				alias: 'colors',
				type: 'checkboxgrp',
				properties: {
					optionlist: {
						list: [
							{ label: 'Red', value: 'red' },
							{ label: 'Blue', value: 'blue' },
						],
					},
				},
			},
			{ label: 'Submit', alias: 'submit', type: 'button' },
		],
	});
	return answer.form as IDataObject;
}

/**
 * Submits a form as a browser does: `POST /form/submit?formId=` with `mauticform[<alias>]`
 * (arrays as `[]` entries) and the hidden `formId`, `return` and `formName` inputs.
 */
export async function submitForm(
	url: string,
	form: IDataObject,
	values: Record<string, string | string[]>,
): Promise<number> {
	const body = new URLSearchParams();
	for (const [alias, value] of Object.entries(values)) {
		if (Array.isArray(value)) for (const one of value) body.append(`mauticform[${alias}][]`, one);
		else body.append(`mauticform[${alias}]`, value);
	}
	body.append('mauticform[formId]', String(form.id));
	body.append('mauticform[return]', '');
	body.append('mauticform[formName]', String(form.alias).replace(/_/g, ''));
	const response = await fetch(`${url.replace(/\/+$/, '')}/form/submit?formId=${form.id}`, {
		method: 'POST',
		body,
		redirect: 'manual',
	});
	await response.text();
	return response.status;
}
