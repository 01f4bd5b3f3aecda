import { expectShape } from './expectShape';
import { createContact, email, uniqueName } from './fixtures';
import * as S from './schemas';
import { onEachBackend } from './suite';

onEachBackend('contract', 'Text messages', ({ backend, check }) => {
	check(
		'create, list (keyed), get, patch and delete a text message; a nameless one is a 400',
		async () => {
			const name = uniqueName('Contract SMS');
			const created = await backend().raw('POST', '/api/smses/new', {
				name,
				message: 'Hi {contactfield=firstname}',
			});
			expect(created.status).toBe(201);
			const sms = expectShape(S.one('sms', S.textMessage), created.body).sms;
			expect(sms).toMatchObject({
				name,
				message: 'Hi {contactfield=firstname}',
				language: 'en',
				sentCount: 0,
			});

			const list = expectShape(
				S.keyedList('smses', S.textMessage, 'int'),
				(await backend().raw('GET', `/api/smses?search=${encodeURIComponent(name)}`)).body,
			);
			expect(Object.keys(list.smses)).toEqual([String(sms.id)]);
			expectShape(
				S.one('sms', S.textMessage),
				(await backend().raw('GET', `/api/smses/${sms.id}`)).body,
			);
			const patched = expectShape(
				S.one('sms', S.textMessage),
				(await backend().raw('PATCH', `/api/smses/${sms.id}/edit`, { message: 'Changed' })).body,
			);
			expect(patched.sms).toMatchObject({ name, message: 'Changed' });

			const invalid = await backend().raw('POST', '/api/smses/new', { message: 'no name' });
			expect(invalid.status).toBe(400);
			expect(expectShape(S.validationError, invalid.body).errors[0].message).toMatch(/^name: /);

			const deleted = expectShape(
				S.one('sms', S.textMessage),
				(await backend().raw('DELETE', `/api/smses/${sms.id}/delete`)).body,
			);
			expect(deleted.sms.id).toBeNull();
			expect((await backend().raw('GET', `/api/smses/${sms.id}`)).status).toBe(404);
		},
	);

	check(
		'send is a GET (a POST is a 404); without an SMS transport Mautic answers 200 with a JSON string, before looking at the IDs',
		async () => {
			const sms = (
				await backend().api('POST', '/smses/new', {
					name: uniqueName('Send SMS'),
					message: 'Hello',
				})
			).sms;
			const contactId = await createContact(backend(), {
				email: email(backend(), 'sms'),
				mobile: '+41790000000',
			});
			try {
				const sent = await backend().raw('GET', `/api/smses/${sms.id}/contact/${contactId}/send`);
				expect(sent.status).toBe(200);
				expectShape(S.smsTransportDisabled, sent.body);
				const missing = await backend().raw('GET', `/api/smses/999999/contact/${contactId}/send`);
				expectShape(S.smsTransportDisabled, missing.body);
				const posted = await backend().raw(
					'POST',
					`/api/smses/${sms.id}/contact/${contactId}/send`,
				);
				expect([404, 405]).toContain(posted.status);
				expect((await backend().api('GET', `/smses/${sms.id}`)).sms.sentCount).toBe(0);
			} finally {
				await backend().raw('DELETE', `/api/contacts/${contactId}/delete`);
				await backend().raw('DELETE', `/api/smses/${sms.id}/delete`);
			}
		},
	);
});
