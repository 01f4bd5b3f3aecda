import type { Backend } from './backends';
import { createSegment } from './campaignFixture';
import { expectShape } from './expectShape';
import { createContact, email, uniqueName } from './fixtures';
import * as S from './schemas';
import { acquireSmtpSink, smtpSinkProblem } from './smtpSink';
import { onEachBackend } from './suite';

/**
 * Sends on a real Mautic: a fresh 5.1 mails through `smtp://localhost:25` (its default
 * mailer_dsn, which the test Mautic keeps), so this file listens there with a small SMTP sink and
 * reads what arrived. Without it (not root, or MAUTIC_SMTP_SINK=off) the send checks run on the
 * fake only.
 */
const sinkProblem = smtpSinkProblem();
const sends = sinkProblem ? { only: { backend: 'fake' as const, reason: sinkProblem } } : {};

async function createEmail(backend: Backend, fields: Record<string, unknown> = {}) {
	const body = await backend.api('POST', '/emails/new', {
		name: uniqueName('Contract email'),
		subject: 'Order {order_number}',
		customHtml: '<p>Order {order_number} for {contactfield=firstname}</p>',
		emailType: 'template',
		isPublished: true,
		...fields,
	});
	return body.email as { id: number; name: string };
}

const sentCountOf = async (backend: Backend, emailId: number) =>
	Number((await backend.api('GET', `/emails/${emailId}`)).email.sentCount);

onEachBackend('contract', 'Emails', ({ backend, check, name }) => {
	let sink: Awaited<ReturnType<typeof acquireSmtpSink>> | undefined;
	beforeAll(async () => {
		if (name === 'real' && !sinkProblem) sink = await acquireSmtpSink();
	}, 180_000);
	afterAll(async () => sink?.close());
	const delivered = (to: string) =>
		(sink?.messages ?? []).filter((message) => message.to.includes(`<${to}>`));

	check(
		'create, list by type, search, get, patch, put, delete; no name and a segment email without segments are 400s',
		async () => {
			const segmentId = await createSegment(backend(), 'Email list');
			const created = await backend().raw('POST', '/api/emails/new', {
				name: uniqueName('Contract email'),
				subject: 'Hello',
				customHtml: '<p>Hi</p>',
				fromAddress: 'shop@example.com',
				fromName: 'Shop',
				language: 'de',
				emailType: 'template',
				isPublished: 0,
			});
			expect(created.status).toBe(201);
			const template = expectShape(S.one('email', S.email), created.body).email;
			expect(template).toMatchObject({
				subject: 'Hello',
				fromAddress: 'shop@example.com',
				language: 'de',
				isPublished: false,
				emailType: 'template',
			});
			const tag = template.name.split(' ').slice(-2).join(' ');
			const segmentEmail = expectShape(
				S.one('email', S.email),
				(
					await backend().raw('POST', '/api/emails/new', {
						name: `Contract list ${tag}`,
						subject: 'News',
						emailType: 'list',
						lists: [segmentId],
					})
				).body,
			).email;
			expect(segmentEmail.lists.map((list) => list.id)).toEqual([segmentId]);

			const where = (type: string) =>
				`/api/emails?search=${encodeURIComponent(tag)}&where%5B0%5D%5Bcol%5D=emailType&where%5B0%5D%5Bexpr%5D=eq&where%5B0%5D%5Bval%5D=${type}`;
			const lists = expectShape(
				S.keyedList('emails', S.email, 'int'),
				(await backend().raw('GET', where('list'))).body,
			);
			expect(Object.keys(lists.emails)).toEqual([String(segmentEmail.id)]);
			const templates = expectShape(
				S.keyedList('emails', S.email, 'int'),
				(await backend().raw('GET', where('template'))).body,
			);
			expect(Object.keys(templates.emails)).toEqual([String(template.id)]);
			const published = expectShape(
				S.keyedList('emails', S.email, 'int'),
				(await backend().raw('GET', `/api/emails?search=${encodeURIComponent(tag)}&published=1`))
					.body,
			);
			expect(Object.keys(published.emails)).toEqual([String(segmentEmail.id)]);

			const patched = expectShape(
				S.one('email', S.email),
				(await backend().raw('PATCH', `/api/emails/${template.id}/edit`, { subject: 'Patched' }))
					.body,
			).email;
			expect(patched).toMatchObject({ subject: 'Patched', fromName: 'Shop' });
			const replaced = expectShape(
				S.one('email', S.email),
				(
					await backend().raw('PUT', `/api/emails/${template.id}/edit`, {
						name: template.name,
						subject: 'Replaced',
						emailType: 'template',
						language: 'en',
					})
				).body,
			).email;
			expect(replaced).toMatchObject({ subject: 'Replaced', fromName: null });
			// Without a language a PUT fails in Mautic 5.1 (its lang column cannot be null).
			const noLanguage = await backend().raw('PUT', `/api/emails/${template.id}/edit`, {
				name: template.name,
				subject: 'x',
			});
			expect(noLanguage.status).toBe(500);

			const nameless = await backend().raw('POST', '/api/emails/new', { subject: 'x' });
			expect(nameless.status).toBe(400);
			expect(expectShape(S.validationError, nameless.body).errors[0].message).toBe(
				'name: A name is required.',
			);
			const noLists = await backend().raw('POST', '/api/emails/new', {
				name: 'x',
				subject: 'x',
				emailType: 'list',
			});
			expect(noLists.status).toBe(400);
			expect(expectShape(S.validationError, noLists.body).errors[0].message).toBe(
				'lists: Either no list was selected or you do not have access to one of the lists that was selected.',
			);

			for (const id of [template.id, segmentEmail.id]) {
				const deleted = expectShape(
					S.one('email', S.email),
					(await backend().raw('DELETE', `/api/emails/${id}/delete`)).body,
				);
				expect(deleted.email.id).toBeNull();
			}
			expect((await backend().raw('GET', `/api/emails/${template.id}`)).status).toBe(404);
		},
	);

	check(
		'send to a contact with tokens: {"success":true}, counted, tokens replaced; unpublished emails and unsubscribed contacts too',
		async () => {
			const template = await createEmail(backend());
			const address = email(backend(), 'send');
			const contactId = await createContact(backend(), { email: address, firstname: 'Ada' });
			const sent = await backend().raw(
				'POST',
				`/api/emails/${template.id}/contact/${contactId}/send`,
				{ tokens: { order_number: 'A-1001' }, assetAttachments: [] },
			);
			expect(sent.status).toBe(200);
			expect(expectShape(S.sendToContact, sent.body)).toEqual({ success: true });
			expect(await sentCountOf(backend(), template.id)).toBe(1);
			if (sink) {
				const [message] = delivered(address);
				expect(message.data).toContain('Subject: Order A-1001');
				expect(message.data).toContain('Order A-1001 for Ada');
			}

			// Transactional: Mautic ignores the contact's Do Not Contact and the email's state.
			const draft = await createEmail(backend(), { isPublished: false });
			const unsubscribed = email(backend(), 'dnc');
			const dncId = await createContact(backend(), { email: unsubscribed });
			await backend().api('POST', `/contacts/${dncId}/dnc/email/add`, {});
			const again = await backend().raw('POST', `/api/emails/${draft.id}/contact/${dncId}/send`, {
				tokens: { '{order_number}': 'B-2' },
			});
			expect(expectShape(S.sendToContact, again.body)).toEqual({ success: true });
			expect(await sentCountOf(backend(), draft.id)).toBe(1);
			if (sink) expect(delivered(unsubscribed)).toHaveLength(1);
		},
		sends,
	);

	check(
		'send to segment: counts; only members with an address and no Do Not Contact; a second send reaches nobody new',
		async () => {
			const segmentId = await createSegment(backend(), 'Email send');
			const reachable = email(backend(), 'seg-ok');
			const members = [
				await createContact(backend(), { email: reachable }),
				await createContact(backend(), { email: email(backend(), 'seg-dnc') }),
				await createContact(backend(), { firstname: 'No address' }),
			];
			await backend().api('POST', `/contacts/${members[1]}/dnc/email/add`, {});
			for (const id of members)
				await backend().api('POST', `/segments/${segmentId}/contact/${id}/add`);
			const news = await createEmail(backend(), { emailType: 'list', lists: [segmentId] });
			const first = await backend().raw('POST', `/api/emails/${news.id}/send`, {});
			expect(first.status).toBe(200);
			expect(expectShape(S.sendToSegment, first.body)).toEqual({
				success: 1,
				sentCount: 1,
				failedRecipients: 0,
			});
			const second = await backend().raw('POST', `/api/emails/${news.id}/send`, {});
			expect(expectShape(S.sendToSegment, second.body)).toMatchObject({ sentCount: 0 });
			expect(await sentCountOf(backend(), news.id)).toBe(1);
			if (sink) expect(delivered(reachable)).toHaveLength(1);
		},
		sends,
	);

	check(
		'send to segment: `lists` in the body is a 500 and sends nothing (5.1 hands the IDs to a model that expects segments); `limit` 0 sends none; a template email sends none',
		async () => {
			const segmentId = await createSegment(backend(), 'Only lists');
			const member = await createContact(backend(), { email: email(backend(), 'only-lists') });
			await backend().api('POST', `/segments/${segmentId}/contact/${member}/add`);
			const news = await createEmail(backend(), { emailType: 'list', lists: [segmentId] });
			const crashed = await backend().raw('POST', `/api/emails/${news.id}/send`, {
				lists: [segmentId],
			});
			expect(crashed.status).toBe(500);
			expectShape(S.subscriberError, crashed.body);
			expect(await sentCountOf(backend(), news.id)).toBe(0);
			const limited = await backend().raw('POST', `/api/emails/${news.id}/send`, { limit: 0 });
			expect(limited.status).toBe(200);
			expect(expectShape(S.sendToSegment, limited.body)).toMatchObject({ sentCount: 0 });
			expect(await sentCountOf(backend(), news.id)).toBe(0);
			// A template email (here one that was a segment email) is answered 200 with nothing sent.
			await backend().api('PATCH', `/emails/${news.id}/edit`, { emailType: 'template' });
			const template = await backend().raw('POST', `/api/emails/${news.id}/send`, {});
			expect(template.status).toBe(200);
			expect(expectShape(S.sendToSegment, template.body)).toEqual({
				success: 1,
				sentCount: 0,
				failedRecipients: 0,
			});
			expect(await sentCountOf(backend(), news.id)).toBe(0);
		},
	);

	check(
		'send errors: 404 for a missing email or contact and an unpublished segment email; a contact without address is a 500',
		async () => {
			const template = await createEmail(backend());
			const contactId = await createContact(backend(), { email: email(backend(), 'err') });
			const segmentId = await createSegment(backend(), 'Draft send');
			const draft = await createEmail(backend(), {
				emailType: 'list',
				lists: [segmentId],
				isPublished: false,
			});
			const cases: Array<[string, string]> = [
				[`/api/emails/999999/contact/${contactId}/send`, 'Item was not found.'],
				[`/api/emails/${template.id}/contact/999999/send`, 'Contact not found.'],
				['/api/emails/999999/send', 'Item was not found.'],
				[`/api/emails/${draft.id}/send`, 'Item was not found.'],
			];
			for (const [path, message] of cases) {
				const answer = await backend().raw('POST', path, {});
				expect([path, answer.status]).toEqual([path, 404]);
				expect(expectShape(S.controllerError, answer.body).errors[0].message).toBe(message);
			}
			const withoutAddress = await createContact(backend(), { firstname: 'Nobody' });
			const crashed = await backend().raw(
				'POST',
				`/api/emails/${template.id}/contact/${withoutAddress}/send`,
				{},
			);
			expect(crashed.status).toBe(500);
			expectShape(S.subscriberError, crashed.body);
			expect(await sentCountOf(backend(), template.id)).toBe(0);
		},
	);
});
