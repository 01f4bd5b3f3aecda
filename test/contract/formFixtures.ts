/** Forms with fields and their submissions, made the way a marketer and a browser make them. */
import { expectShape } from './expectShape';
import type { Backend } from './backends';
import * as S from './schemas';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** A published form with an email field mapped to the contact, a message, a checkbox group and a button. */
export async function createForm(
	backend: Backend,
	name: string,
	extraFields: Array<Record<string, unknown>> = [],
): Promise<any> {
	const created = await backend.raw('POST', '/api/forms/new', {
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
			...extraFields,
			{ label: 'Submit', alias: 'submit', type: 'button' },
		],
	});
	expect(created.status).toBe(201);
	return expectShape(S.one('form', S.form), created.body).form;
}

/** POST /form/submit?formId= as the form's HTML posts it (PublicController::submitAction). */
export async function submit(
	backend: Backend,
	form: any,
	values: Record<string, string | string[]>,
) {
	const body = new URLSearchParams();
	for (const [alias, value] of Object.entries(values)) {
		if (Array.isArray(value)) for (const one of value) body.append(`mauticform[${alias}][]`, one);
		else body.append(`mauticform[${alias}]`, value);
	}
	body.append('mauticform[formId]', String(form.id));
	body.append('mauticform[return]', '');
	body.append('mauticform[formName]', String(form.alias).replace(/_/g, ''));
	const response = await fetch(`${backend.url}/form/submit?formId=${form.id}`, {
		method: 'POST',
		body,
		redirect: 'manual',
	});
	await response.text();
	return response.status;
}
