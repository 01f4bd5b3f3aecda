import { sleep } from 'n8n-workflow';
import { hmacBase64, startWebhookReceiver } from '../fake-mautic/receiver';
import { expectShape } from './expectShape';
import { createContact, email, uniqueName } from './fixtures';
import { createForm, submit } from './formFixtures';
import * as S from './schemas';
import { onEachBackend } from './suite';

/* eslint-disable @typescript-eslint/no-explicit-any */

onEachBackend('contract', 'Forms', ({ backend, check }) => {
	check(
		'create a form with fields, list (minimal), get, patch, drop a field, drop actions, delete; a nameless one is a 400',
		async () => {
			const name = uniqueName('Contract form');
			const form = await createForm(backend(), name);
			expect(form.fields.map((field: any) => [field.alias, field.type])).toEqual([
				['email', 'email'],
				['message', 'textarea'],
				['colors', 'checkboxgrp'],
				['submit', 'button'],
			]);
			expect(form.fields[0]).toMatchObject({ mappedObject: 'contact', mappedField: 'email' });

			const list = expectShape(
				S.arrayList('forms', S.formMinimal),
				(await backend().raw('GET', `/api/forms?minimal=1&search=${encodeURIComponent(name)}`))
					.body,
			);
			expect(list.forms.map((row) => row.id)).toEqual([form.id]);
			expectShape(
				S.arrayList('forms', S.form),
				(await backend().raw('GET', `/api/forms?limit=2`)).body,
			);
			expectShape(
				S.one('form', S.form),
				(await backend().raw('GET', `/api/forms/${form.id}`)).body,
			);

			const patched = expectShape(
				S.one('form', S.form),
				(await backend().raw('PATCH', `/api/forms/${form.id}/edit`, { description: 'patched' }))
					.body,
			).form;
			expect(patched.description).toBe('patched');
			expect(patched.fields).toHaveLength(4);

			const colors = form.fields.find((field: any) => field.alias === 'colors');
			const dropped = expectShape(
				S.one('form', S.formWithoutNulls),
				(
					await backend().raw(
						'DELETE',
						`/api/forms/${form.id}/fields/delete?fields%5B%5D=${colors.id}`,
					)
				).body,
			).form;
			expect(dropped.fields.map((field: any) => field.alias)).toEqual([
				'email',
				'message',
				'submit',
			]);
			const noFields = await backend().raw('DELETE', `/api/forms/${form.id}/fields/delete`);
			expect(noFields.status).toBe(400);
			expect(expectShape(S.controllerError, noFields.body).errors[0].message).toBe(
				'The fields attribute must be array.',
			);
			expectShape(
				S.one('form', S.formWithoutNulls),
				(await backend().raw('DELETE', `/api/forms/${form.id}/actions/delete?actions%5B%5D=1`))
					.body,
			);

			const invalid = await backend().raw('POST', '/api/forms/new', { description: 'no name' });
			expect(invalid.status).toBe(400);
			expect(expectShape(S.validationError, invalid.body).errors[0].message).toBe(
				'name: A name is required.',
			);

			const deleted = expectShape(
				S.one('form', S.form),
				(await backend().raw('DELETE', `/api/forms/${form.id}/delete`)).body,
			);
			expect(deleted.form.id).toBeNull();
			expect(deleted.form.fields.map((field) => field.id)).toEqual([null, null, null]);
			expect((await backend().raw('GET', `/api/forms/${form.id}`)).status).toBe(404);
			expect((await backend().raw('DELETE', `/api/forms/${form.id}/delete`)).status).toBe(404);
		},
	);

	check(
		'submissions: a browser post to /form/submit is saved; list, by contact, one, date range, paging; missing ones are 404',
		async () => {
			const form = await createForm(backend(), uniqueName('Contract submissions'));
			const first = email(backend(), 'form-first');
			const second = email(backend(), 'form-second');
			expect(
				await submit(backend(), form, {
					email: first,
					message: 'Hello',
					colors: ['red', 'blue'],
				}),
			).toBe(302);
			expect(await submit(backend(), form, { email: second, message: 'Again' })).toBe(302);

			const path = `/api/forms/${form.id}/submissions`;
			const list = expectShape(S.submissionList, (await backend().raw('GET', path)).body);
			expect(list.total).toBe('2');
			const rows = list.submissions as any[];
			expect(rows.map((row) => row.results)).toEqual([
				{ email: first, message: 'Hello', colors: 'red, blue' },
				{ email: second, message: 'Again', colors: '' },
			]);
			expect(rows[0].form.id).toBe(form.id);
			expect(rows[0].lead.email).toBe(first);

			const one = expectShape(
				S.one('submission', S.submission),
				(await backend().raw('GET', `${path}/${rows[0].id}`)).body,
			).submission;
			// the single read selects the whole results row: form_id comes first, as text
			expect(one.results).toEqual({
				form_id: String(form.id),
				email: first,
				message: 'Hello',
				colors: 'red, blue',
			});

			const contactId = rows[0].lead.id;
			const ofContact = expectShape(
				S.submissionList,
				(await backend().raw('GET', `${path}/contact/${contactId}`)).body,
			);
			expect((ofContact.submissions as any[]).map((row) => row.id)).toEqual([rows[0].id]);
			const nobody = await backend().raw('GET', `${path}/contact/999999999`);
			expect(nobody.text).toBe('{"total":"0","submissions":{}}');

			const where = (expr: string, val: string, extra = '') =>
				`${path}?where%5B0%5D%5Bcol%5D=s.date_submitted&where%5B0%5D%5Bexpr%5D=${expr}&where%5B0%5D%5Bval%5D=${encodeURIComponent(val)}${extra}`;
			const future = await backend().raw('GET', where('gte', '2999-01-01 00:00:00'));
			expect(future.text).toBe('{"total":"0","submissions":{}}');
			const past = expectShape(
				S.submissionList,
				(await backend().raw('GET', where('gte', '2000-01-01 00:00:00'))).body,
			);
			expect(past.total).toBe('2');
			// a request's where replaces the contact filter of the contact list (array_merge)
			const replaced = expectShape(
				S.submissionList,
				(
					await backend().raw(
						'GET',
						`${path}/contact/${contactId}?where%5B0%5D%5Bcol%5D=s.date_submitted&where%5B0%5D%5Bexpr%5D=gte&where%5B0%5D%5Bval%5D=2000-01-01`,
					)
				).body,
			);
			expect(replaced.total).toBe('2');

			const paged = expectShape(
				S.submissionList,
				(await backend().raw('GET', `${path}?start=1&limit=1`)).body,
			);
			expect(paged.total).toBe('2');
			expect((paged.submissions as any[]).map((row) => row.id)).toEqual([rows[1].id]);
			// the node orders by s.id (unique) so that submissions of one second page safely;
			// a bare `id` is a 500 on 5.1 (the repository's alias is not `s`)
			const byId = expectShape(
				S.submissionList,
				(await backend().raw('GET', `${path}?orderBy=s.id&orderByDir=DESC`)).body,
			);
			expect((byId.submissions as any[]).map((row) => row.id)).toEqual([rows[1].id, rows[0].id]);
			expect((await backend().raw('GET', `${path}?orderBy=id&orderByDir=ASC`)).status).toBe(500);
			const beyond = await backend().raw('GET', `${path}?start=5&limit=1`);
			expect(beyond.text).toBe('{"total":"2","submissions":{}}');

			for (const missing of [`/api/forms/999999999/submissions`, `${path}/999999999`]) {
				const answer = await backend().raw('GET', missing);
				expect(answer.status).toBe(404);
				expect(expectShape(S.controllerError, answer.body).errors[0].message).toBe(
					'Item was not found.',
				);
			}
			await backend().api('DELETE', `/forms/${form.id}/delete`);
		},
	);

	check(
		'mautic.form_on_submit: one signed delivery per submission with the form, the results and the contact',
		async () => {
			const receiver = await startWebhookReceiver();
			const secret = 'contract-form-secret';
			const form = await createForm(backend(), uniqueName('Contract webhook form'));
			const hook = (
				await backend().api('POST', '/hooks/new', {
					name: uniqueName('Form hook'),
					webhookUrl: receiver.url,
					secret,
					triggers: ['mautic.form_on_submit'],
					isPublished: true,
				})
			).hook;
			try {
				const address = email(backend(), 'form-hook');
				await submit(backend(), form, { email: address, message: 'Hi', colors: ['blue'] });
				await backend().flushWebhooks();
				type Received = { headers: Record<string, string>; body: string };
				const ours = () =>
					(receiver.received as Received[]).filter((request) => request.body.includes(address));
				const deadline = Date.now() + 30_000;
				while (ours().length < 1 && Date.now() < deadline) await sleep(200);
				const [request] = ours();
				expect(request.headers['webhook-signature']).toBe(hmacBase64(request.body, secret));
				const body = JSON.parse(request.body);
				expect(Object.keys(body)).toEqual(['mautic.form_on_submit']);
				expect(body['mautic.form_on_submit']).toHaveLength(1);
				const event = expectShape(S.formSubmitEvent, body['mautic.form_on_submit'][0]);
				expect(event.submission.form).toMatchObject({ id: form.id, name: form.name });
				expect(event.submission.results).toEqual({ email: address, message: 'Hi', colors: 'blue' });
				const fields = (event.submission.lead as any).fields.core;
				// a real 5.1 sends the lead events' rows (`is_fixed`, `default_value`, serialized
				// properties) or, seen once for the first contact of a fresh instance, the field
				// entity's shape; the value is in `value` either way
				expect(fields.email).toMatchObject({ alias: 'email', value: address });
			} finally {
				await backend().api('DELETE', `/hooks/${hook.id}/delete`);
				await backend().api('DELETE', `/forms/${form.id}/delete`);
				await receiver.close();
			}
		},
	);
});

onEachBackend('contract', 'Notes', ({ backend, check }) => {
	check(
		'create, list, list of a contact, search by type, get, patch, delete; a missing contact or bad type is refused',
		async () => {
			const contactId = await createContact(backend(), { email: email(backend(), 'notes') });
			const created = await backend().raw('POST', '/api/notes/new', {
				lead: contactId,
				text: 'Called <b>today</b>',
				type: 'call',
				dateTime: '2026-12-01 10:30',
			});
			expect(created.status).toBe(201);
			const note = expectShape(S.one('note', S.note), created.body).note;
			expect(note).toMatchObject({
				text: 'Called <b>today</b>',
				type: 'call',
				dateTime: '2026-12-01T10:30:00+00:00',
				lead: { id: contactId },
			});
			const plain = expectShape(
				S.one('note', S.note),
				(await backend().raw('POST', '/api/notes/new', { lead: contactId, text: 'Plain' })).body,
			).note;
			expect(plain).toMatchObject({ type: 'general', dateTime: null });

			// by default newest first by the second added: two notes of one second come in either
			// order on a real Mautic (seen), so the node orders by n.id; a bare `id` is a 500
			const byDefault = expectShape(
				S.arrayList('notes', S.note),
				(await backend().raw('GET', `/api/contacts/${contactId}/notes`)).body,
			);
			expect(byDefault.notes.map((row) => row.id).sort()).toEqual([note.id, plain.id].sort());
			const ofContact = expectShape(
				S.arrayList('notes', S.note),
				(
					await backend().raw(
						'GET',
						`/api/contacts/${contactId}/notes?orderBy=n.id&orderByDir=DESC`,
					)
				).body,
			);
			expect(ofContact.notes.map((row) => row.id)).toEqual([plain.id, note.id]);
			expect(
				(await backend().raw('GET', `/api/contacts/${contactId}/notes?orderBy=id&orderByDir=DESC`))
					.status,
			).toBe(500);
			expect(ofContact.notes[0].lead).toEqual({});
			expect(ofContact.notes[0]).not.toHaveProperty('dateTime');
			const calls = expectShape(
				S.arrayList('notes', S.note),
				(await backend().raw('GET', `/api/contacts/${contactId}/notes?search=type:call`)).body,
			);
			expect(calls.notes.map((row) => row.id)).toEqual([note.id]);
			const all = expectShape(
				S.arrayList('notes', S.note),
				(await backend().raw('GET', `/api/notes?search=${encodeURIComponent('today')}&limit=100`))
					.body,
			);
			expect(all.notes.map((row) => row.id)).toContain(note.id);
			expect(all.notes.find((row) => row.id === note.id)!.lead).toMatchObject({
				id: contactId,
				fields: [],
			});

			expectShape(
				S.one('note', S.note),
				(await backend().raw('GET', `/api/notes/${note.id}`)).body,
			);
			const patched = expectShape(
				S.one('note', S.note),
				(await backend().raw('PATCH', `/api/notes/${note.id}/edit`, { type: 'meeting' })).body,
			).note;
			expect(patched).toMatchObject({ type: 'meeting', text: 'Called <b>today</b>' });

			const noLead = await backend().raw('POST', '/api/notes/new', { text: 'nobody' });
			expect(noLead.status).toBe(400);
			expect(expectShape(S.controllerError, noLead.body).errors[0].message).toBe(
				'lead ID is mandatory',
			);
			const missing = await backend().raw('POST', '/api/notes/new', {
				lead: 999999999,
				text: 'x',
			});
			expect(missing.status).toBe(404);
			expect(expectShape(S.controllerError, missing.body).errors[0].message).toBe(
				'Contact not found.',
			);
			const badType = await backend().raw('POST', '/api/notes/new', {
				lead: contactId,
				text: 'x',
				type: 'fax',
			});
			expect(badType.status).toBe(400);
			expect(expectShape(S.validationError, badType.body).errors[0].message).toBe(
				'type: This value is not valid.',
			);

			for (const id of [note.id, plain.id]) {
				const deleted = expectShape(
					S.one('note', S.note),
					(await backend().raw('DELETE', `/api/notes/${id}/delete`)).body,
				);
				expect(deleted.note.id).toBeNull();
			}
			expect((await backend().raw('GET', `/api/notes/${note.id}`)).status).toBe(404);
			await backend().api('DELETE', `/contacts/${contactId}/delete`);
		},
	);
});
