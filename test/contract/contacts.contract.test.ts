import { compactGroupedFields } from '../../nodes/shared/contacts/compactContactList';
import { expectShape } from './expectShape';
import { createContact, email, ensureCustomFields } from './fixtures';
import * as S from './schemas';
import { onEachBackend } from './suite';

/* eslint-disable @typescript-eslint/no-explicit-any */

onEachBackend('contract', 'Contacts', ({ backend, check }) => {
	const search = (value: string) => `/api/contacts?search=${encodeURIComponent(value)}`;

	check(
		'POST /contacts/new creates (201), then updates the same contact by email (200); tags add and -tag removes',
		async () => {
			const address = email(backend(), 'upsert');
			const created = await backend().raw('POST', '/api/contacts/new', {
				email: address,
				firstname: 'Ann',
				tags: ['x', 'y'],
			});
			expect(created.status).toBe(201);
			const first = expectShape(S.one('contact', S.contact), created.body).contact;
			expect(first.utmtags).toBeNull();
			expect(first.fields.all).toMatchObject({
				id: String(first.id),
				email: address,
				firstname: 'Ann',
			});
			const again = await backend().raw('POST', '/api/contacts/new', {
				email: address,
				lastname: 'Again',
				tags: ['-x', 'z'],
			});
			expect(again.status).toBe(200);
			const second = expectShape(S.one('contact', S.contact), again.body).contact;
			expect(second.id).toBe(first.id);
			expect(second.fields.all).toMatchObject({ firstname: 'Ann', lastname: 'Again' });
			expect(second.tags.map((tag) => tag.tag).sort()).toEqual(['y', 'z']);
		},
	);

	check(
		'GET /contacts: id-keyed, total a string; {} when empty; minimal rows; pages compact to fields.all',
		async () => {
			const address = email(backend(), 'list');
			const id = await createContact(backend(), { email: address, firstname: 'Lis', city: 'Bern' });
			const found = await backend().raw('GET', `${search(`email:${address}`)}&limit=5`);
			const list = expectShape(S.keyedList('contacts', S.contact, 'string'), found.body);
			expect(list.total).toBe('1');
			expect(Object.keys(list.contacts)).toEqual([String(id)]);
			expect(found.headers.get('mautic-version')).toBe(backend().version);

			const none = await backend().raw('GET', search('email:nobody-at-all-contract@example.com'));
			expect(none.text).toBe('{"total":"0","contacts":{}}');

			const minimal = await backend().raw('GET', `${search(`email:${address}`)}&minimal=1`);
			expectShape(S.keyedList('contacts', S.minimalContact, 'string'), minimal.body);

			// Get Many compacts list pages before parsing: every grouped field entry must be caught.
			const compacted = JSON.parse(compactGroupedFields(found.text));
			const fields = compacted.contacts[String(id)].fields;
			for (const group of ['core', 'social']) expect(fields[group]).toBe(0);
			expect(fields.all).toEqual(list.contacts[String(id)].fields.all);
		},
	);

	check(
		'GET /contacts where id in: a comma-separated value finds them; a list value is a 500 (batch PUT repeat check)',
		async () => {
			const ids = [
				await createContact(backend(), { email: email(backend(), 'in1') }),
				await createContact(backend(), { email: email(backend(), 'in2') }),
			];
			const where = (val: string) =>
				`/api/contacts?where[0][col]=id&where[0][expr]=in&${val}&limit=2&minimal=1`;
			const joined = await backend().raw('GET', where(`where[0][val]=${ids.join(',')}`));
			expect(joined.status).toBe(200);
			expect(Object.keys((joined.body as any).contacts).sort()).toEqual(ids.map(String).sort());
			const listed = await backend().raw(
				'GET',
				where(ids.map((id, index) => `where[0][val][${index}]=${id}`).join('&')),
			);
			expect(listed.status).toBe(500);
		},
	);

	check('GET /contacts/{id}: 404 for a missing one, in the controller envelope', async () => {
		const answer = await backend().raw('GET', '/api/contacts/999999999');
		expect(answer.status).toBe(404);
		expect(expectShape(S.controllerError, answer.body).errors[0]).toEqual({
			code: 404,
			message: 'Item was not found.',
			details: [],
		});
		expect(answer.headers.get('mautic-version')).toBe(backend().version);
	});

	check('an invalid email is a 400 validation error naming the field', async () => {
		const answer = await backend().raw('POST', '/api/contacts/new', { email: 'not-an-email' });
		expect(answer.status).toBe(400);
		expect(expectShape(S.validationError, answer.body).errors[0].message).toBe(
			'email: not-an-email is invalid.',
		);
	});

	check(
		'typed custom fields: number, yes/no, date, select and multiselect as Mautic stores them',
		async () => {
			await ensureCustomFields(backend());
			const address = email(backend(), 'typed');
			const body = {
				email: address,
				contract_number: 42,
				contract_optin: true,
				contract_date: '2026-05-01',
				contract_select: 'bags',
				contract_multi: ['running', 'yoga'],
			};
			const created = expectShape(
				S.one('contact', S.contact),
				(await backend().raw('POST', '/api/contacts/new', body)).body,
			).contact;
			const read = expectShape(
				S.one('contact', S.contact),
				(await backend().raw('GET', `/api/contacts/${created.id}`)).body,
			).contact;
			expect(read.fields.all).toMatchObject({
				contract_number: 42,
				contract_optin: 1,
				contract_date: '2026-05-01',
				contract_select: 'bags',
				contract_multi: 'running|yoga',
			});
			// a list answers DBAL strings
			const listed = expectShape(
				S.keyedList('contacts', S.contact, 'string'),
				(await backend().raw('GET', search(`email:${address}`))).body,
			);
			expect(listed.contacts[String(created.id)].fields.all).toMatchObject({
				contract_optin: '1',
				contract_select: 'bags',
			});
			// yes/no set to no on an existing contact, and a value outside the select's list
			// (the answer echoes the entity's PHP boolean; the database keeps 0)
			const no = await backend().raw('PATCH', `/api/contacts/${created.id}/edit`, {
				contract_optin: false,
			});
			expect(
				expectShape(S.one('contact', S.contact), no.body).contact.fields.all.contract_optin,
			).toBe(false);
			const reread = expectShape(
				S.one('contact', S.contact),
				(await backend().raw('GET', `/api/contacts/${created.id}`)).body,
			).contact;
			expect(reread.fields.all.contract_optin).toBe(0);
			const wrong = await backend().raw('PATCH', `/api/contacts/${created.id}/edit`, {
				contract_select: 'hats',
			});
			expect(wrong.status).toBe(400);
			expect(expectShape(S.validationError, wrong.body).errors[0].message).toBe(
				'contract_select: This value is not valid.',
			);
		},
	);

	check(
		"overwriteWithBlank and PUT: a field sent blank is cleared; fields not sent show the form's empty value only in that answer",
		async () => {
			const address = email(backend(), 'blank');
			const id = await createContact(backend(), {
				email: address,
				firstname: 'Bea',
				lastname: 'Keep',
				city: 'Bern',
			});
			const patched = expectShape(
				S.one('contact', S.contact),
				(
					await backend().raw('PATCH', `/api/contacts/${id}/edit`, {
						city: '',
						overwriteWithBlank: true,
					})
				).body,
			).contact.fields.all;
			expect(patched).toMatchObject({
				city: null,
				firstname: 'Bea',
				lastname: 'Keep',
				company: '',
				title: '',
			});
			const put = expectShape(
				S.one('contact', S.contact),
				(
					await backend().raw('PUT', `/api/contacts/${id}/edit`, {
						email: address,
						firstname: 'Put',
					})
				).body,
			).contact.fields.all;
			expect(put).toMatchObject({ firstname: 'Put', lastname: null, city: '', company: '' });
			const read = expectShape(
				S.one('contact', S.contact),
				(await backend().raw('GET', `/api/contacts/${id}`)).body,
			).contact.fields.all;
			expect(read).toMatchObject({ firstname: 'Put', lastname: null, city: null, company: null });
			// without overwriteWithBlank, POST and PATCH ignore blanks
			const kept = await backend().raw('PATCH', `/api/contacts/${id}/edit`, { firstname: '' });
			expect(expectShape(S.one('contact', S.contact), kept.body).contact.fields.all.firstname).toBe(
				'Put',
			);
		},
	);

	check(
		'batch new: keyed by request index, statusCodes per entry, a bad entry fails alone',
		async () => {
			const answer = await backend().raw('POST', '/api/contacts/batch/new', [
				{ email: email(backend(), 'b1'), firstname: 'B1' },
				{ email: 'broken' },
				{ email: email(backend(), 'b3'), tags: 'one,two' },
			]);
			expect(answer.status).toBe(201);
			const body = expectShape(
				S.batchAnswer('contacts', S.contact, S.batchEntryError),
				answer.body,
			);
			expect(body.statusCodes).toEqual([201, 400, 201]);
			expect(Object.keys(body.contacts)).toEqual(['0', '2']);
			expect((body.errors as any)['1']).toEqual({
				code: 400,
				message: 'email: broken is invalid.',
				details: { email: ['broken is invalid.'] },
				type: null,
			});
			const ids = Object.values(body.contacts as Record<string, any>).map((contact) => contact.id);

			const edited = await backend().raw('PATCH', '/api/contacts/batch/edit', [
				{ id: ids[0], lastname: 'E' },
				{ id: 999999999, lastname: 'x' },
				{ lastname: 'no id' },
			]);
			expect(edited.status).toBe(200);
			const editBody = expectShape(
				S.batchAnswer('contacts', S.contact, S.batchEntryError),
				edited.body,
			);
			expect(editBody.statusCodes).toEqual([200, 404, 404]);
			expect((editBody.errors as any)['1']).toEqual({
				message: 'Item was not found.',
				code: 404,
				type: 'api',
			});

			const deleted = await backend().raw(
				'DELETE',
				`/api/contacts/batch/delete?ids=${ids.join(',')},999999999`,
			);
			expect(deleted.status).toBe(200);
			const gone = expectShape(S.one('contacts', S.contact.array()), deleted.body).contacts;
			expect(gone.map((contact) => contact.id).sort()).toEqual([...ids].sort());
		},
	);

	check('a batch over the limit (201 entries) is refused whole with a 500', async () => {
		const entries = Array.from({ length: 201 }, (_, index) => ({
			email: email(backend(), `over${index}`),
		}));
		const answer = await backend().raw('POST', '/api/contacts/batch/new', entries);
		expect(answer.status).toBe(500);
		expect(expectShape(S.controllerError, answer.body).errors[0].message).toBe(
			'A max of 200 entities are supported at a time.',
		);
	});

	check(
		'DELETE /contacts/{id}/delete answers the contact with id null; again is a 404',
		async () => {
			const id = await createContact(backend(), { email: email(backend(), 'delete') });
			const answer = await backend().raw('DELETE', `/api/contacts/${id}/delete`);
			expect(answer.status).toBe(200);
			const body = expectShape(
				S.one('contact', S.contact.extend({ id: S.id.nullable() })),
				answer.body,
			);
			expect(body.contact.id).toBeNull();
			expect((await backend().raw('DELETE', `/api/contacts/${id}/delete`)).status).toBe(404);
		},
	);

	check(
		'do not contact: add with a reason, remove reports recordFound; reason 0 is refused',
		async () => {
			const id = await createContact(backend(), {
				email: email(backend(), 'dnc'),
				firstname: 'Dee',
			});
			const added = expectShape(
				S.one('contact', S.plainContact),
				(
					await backend().raw('POST', `/api/contacts/${id}/dnc/email/add`, {
						reason: 1,
						comments: 'by phone',
					})
				).body,
			);
			expect(added.contact).toMatchObject({
				firstname: 'Dee',
				doNotContact: [
					expect.objectContaining({ reason: 1, comments: 'by phone', channel: 'email' }),
				],
			});
			const read = expectShape(
				S.one('contact', S.contact),
				(await backend().raw('GET', `/api/contacts/${id}`)).body,
			).contact;
			expect(read.doNotContact).toHaveLength(1);
			const removed = (await backend().raw('POST', `/api/contacts/${id}/dnc/email/remove`))
				.body as any;
			expect(removed.recordFound).toBe(true);
			expectShape(S.plainContact, removed.contact);
			expect(
				((await backend().raw('POST', `/api/contacts/${id}/dnc/email/remove`)).body as any)
					.recordFound,
			).toBe(false);
			const zero = await backend().raw('POST', `/api/contacts/${id}/dnc/email/add`, { reason: 0 });
			expect(zero.status).toBe(400);
			expect(expectShape(S.controllerError, zero.body).errors[0].message).toBe(
				'Invalid reason code given',
			);
		},
	);

	check('UTM tags: add records one, remove deletes it, an unknown one is a 400', async () => {
		const id = await createContact(backend(), { email: email(backend(), 'utm') });
		const added = expectShape(
			S.one('contact', S.plainContact),
			(
				await backend().raw('POST', `/api/contacts/${id}/utm/add`, {
					utm_source: 'news',
					utm_campaign: 'autumn',
					url: 'https://shop.example.com/',
				})
			).body,
		);
		const [utm] = added.contact.utmtags ?? [];
		expect(utm).toMatchObject({
			utmSource: 'news',
			utmCampaign: 'autumn',
			url: 'https://shop.example.com/',
		});
		const removed = (await backend().raw('POST', `/api/contacts/${id}/utm/${utm.id}/remove`))
			.body as any;
		expect(removed.recordFound).toBe(true);
		const read = expectShape(
			S.one('contact', S.contact),
			(await backend().raw('GET', `/api/contacts/${id}`)).body,
		).contact;
		expect(read.utmtags).toEqual([]);
		const unknown = await backend().raw('POST', `/api/contacts/${id}/utm/999999999/remove`);
		expect(unknown.status).toBe(400);
		expect(expectShape(S.controllerError, unknown.body).errors[0].message).toBe(
			'This is a bad request.',
		);
	});

	check(
		'points: plus/minus answer {"success":1}; "set" is not an operator; a missing contact is a 404',
		async () => {
			const id = await createContact(backend(), { email: email(backend(), 'points') });
			expectShape(
				S.success,
				(
					await backend().raw('POST', `/api/contacts/${id}/points/plus/15`, {
						eventName: 'Webinar',
						actionName: 'n8n',
					})
				).body,
			);
			expectShape(
				S.success,
				(await backend().raw('POST', `/api/contacts/${id}/points/minus/5`)).body,
			);
			const read = expectShape(
				S.one('contact', S.contact),
				(await backend().raw('GET', `/api/contacts/${id}`)).body,
			).contact;
			expect(read.points).toBe(10);
			const set = await backend().raw('POST', `/api/contacts/${id}/points/set/5`);
			expect(set.status).toBe(400);
			expect(expectShape(S.controllerError, set.body).errors[0].message).toBe('Invalid operator');
			const missing = await backend().raw('POST', '/api/contacts/999999999/points/plus/5');
			expect(missing.status).toBe(404);
			expectShape(S.controllerError, missing.body);
		},
	);

	check(
		'activity: limit and page apply per event type; the answer names filters, types and pages',
		async () => {
			const id = await createContact(backend(), { email: email(backend(), 'activity') });
			await backend().api('POST', `/contacts/${id}/points/plus/1`);
			await backend().api('POST', `/contacts/${id}/points/plus/2`);
			const answer = (await backend().raw('GET', `/api/contacts/${id}/activity?limit=1&page=1`))
				.body as any;
			// one identified event and two point changes: with limit 1, one of each type
			expect(answer.events.map((event: any) => event.event).sort()).toEqual([
				'lead.source.identified',
				'point.gained',
			]);
			expect(answer).toMatchObject({
				total: 3,
				page: 1,
				limit: 1,
				maxPages: 2,
				order: ['timestamp', 'DESC'],
			});
			expect(Object.keys(answer.types)).toEqual(
				expect.arrayContaining([
					'lead.source.identified',
					'point.gained',
					'segment_membership',
					'page.hit',
				]),
			);
			const page2 = (await backend().raw('GET', `/api/contacts/${id}/activity?limit=1&page=2`))
				.body as any;
			expect(page2.events.map((event: any) => event.event)).toEqual(['point.gained']);
		},
	);
});
