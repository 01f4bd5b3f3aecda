import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { MaatooEmail } from '../../nodes/MaatooEmail/MaatooEmail.node';
import { startFakeMautic } from '../fake-mautic';
import { startWebhookReceiver } from '../fake-mautic/receiver';
import { ADMIN, basicCredential, registerNodeType, runNode } from '../support/maatooRun';
import { TriggerHost } from '../support/triggerHost';

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;

registerNodeType('maatooEmail', new MaatooEmail());

beforeAll(async () => {
	fake = await startFakeMautic({ version: '5.1.1' });
});

afterAll(async () => fake?.close());
beforeEach(() => {
	fake.clearRequests();
	fake.setConfig({ fault: undefined });
	fake.store.mailerError = null;
});

const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });
const details = (item: INodeExecutionData) =>
	(item.error as { description?: string } | undefined)?.description ?? '';

async function run(
	parameters: IDataObject,
	options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
) {
	return await runNode({
		type: 'maatooEmail',
		credential: basicCredential(fake.url),
		parameters,
		...options,
	});
}

const requestsTo = (method: string, path: RegExp) =>
	fake.requests.filter(
		(request: any) => request.method === method && path.test(String(request.path)),
	);

const unique = () => Math.random().toString(36).slice(2, 8);
const email = (fields: IDataObject = {}) =>
	fake.store.createEmail({
		name: `Order ${unique()}`,
		subject: 'Order {order_number}',
		customHtml: '<p>{order_number}</p>',
		...fields,
	});
const contact = (values: IDataObject = { email: `${unique()}@example.com` }) =>
	fake.store.createContact(values);
const statsOf = (emailId: number) =>
	fake.store.emailStats.filter((stat: any) => stat.emailId === emailId);

describe('Email: send to contact', () => {
	test('sends with tokens (braces optional) and attachments; Mautic records the send', async () => {
		const template = email();
		const person = contact();
		const { json } = await run({
			operation: 'sendToContact',
			emailId: byId(template.id),
			contactId: byId(person.id),
			tokens: {
				token: [
					{ key: 'order_number', value: 'A-1001' },
					{ key: '{total}', value: '12.50' },
				],
			},
			options: { assetAttachments: '4, 9' },
		});
		expect(json).toEqual([{ emailId: template.id, contactId: person.id, sent: true }]);
		const [request] = requestsTo('POST', /\/emails\/\d+\/contact\/\d+\/send$/);
		expect(request.body).toEqual({
			tokens: { '{order_number}': 'A-1001', '{total}': '12.50' },
			assetAttachments: [4, 9],
		});
		const [stat] = statsOf(template.id);
		expect(stat).toMatchObject({ contactId: person.id, subject: 'Order A-1001', source: 'api' });
		expect(fake.store.emails.get(template.id).sentCount).toBe(1);
	});

	test('a contact who unsubscribed still gets it (Mautic sends API emails as transactional)', async () => {
		const template = email();
		const person = contact();
		person.doNotContact.push({
			id: 1,
			dateAdded: new Date(),
			reason: 1,
			comments: '',
			channel: 'email',
			channelId: null,
		});
		const { json } = await run({
			operation: 'sendToContact',
			emailId: byId(template.id),
			contactId: byId(person.id),
		});
		expect(json[0]).toMatchObject({ sent: true });
		expect(requestsTo('POST', /\/send$/)[0].body).toEqual({});
	});

	test("a failed send reports Mautic's reason; missing email and contact are told apart", async () => {
		const template = email();
		const person = contact();
		const withoutAddress = contact({ firstname: 'NoMail' });
		fake.store.mailerError = 'Connection could not be established with host "localhost:25"';
		const failed = await run(
			{
				operation: 'sendToContact',
				emailId: byId('={{ $json.email }}'),
				contactId: byId('={{ $json.contact }}'),
			},
			{
				items: [
					{ email: template.id, contact: person.id },
					{ email: 99999, contact: person.id },
					{ email: template.id, contact: 99999 },
				],
				continueOnFail: true,
			},
		);
		expect(failed.json[0].error).toBe(
			`Mautic did not send email ${template.id} to contact ${person.id}: Connection could not be established with host "localhost:25" [item 0]`,
		);
		expect(failed.json[1].error).toBe('The email 99999 does not exist [item 1]');
		expect(failed.json[2].error).toBe('The contact 99999 does not exist [item 2]');
		fake.store.mailerError = null;
		const noAddress = await run(
			{
				operation: 'sendToContact',
				emailId: byId(template.id),
				contactId: byId(withoutAddress.id),
			},
			{ continueOnFail: true },
		);
		expect(noAddress.json[0].error).toBe('Mautic had an internal error (HTTP 500) [item 0]');
		expect(details(noAddress.items[0])).toContain('no email address');
	});

	test('bad tokens and attachment IDs fail that item before any request', async () => {
		const template = email();
		const person = contact();
		const attempt = async (tokens: IDataObject[], assets = '') =>
			(
				await run(
					{
						operation: 'sendToContact',
						emailId: byId(template.id),
						contactId: byId(person.id),
						tokens: { token: tokens },
						options: { assetAttachments: assets },
					},
					{ continueOnFail: true },
				)
			).json[0].error;
		expect(await attempt([{ key: 'order number', value: '1' }])).toBe(
			'Token 1: the field "Token" must be a name such as order_number or {order_number}, got "order number" [item 0]',
		);
		expect(await attempt([{ key: '', value: '1' }])).toContain(
			'Token 1: the field "Token" must be a name',
		);
		expect(
			await attempt([
				{ key: 'a', value: '1' },
				{ key: '{a}', value: '2' },
			]),
		).toBe('Token 2: "{a}" is given twice [item 0]');
		expect(await attempt([], '3, x')).toBe(
			'The field "Asset Attachment IDs" needs positive whole IDs, got "x" [item 0]',
		);
		expect(requestsTo('POST', /\/send$/)).toHaveLength(0);
	});

	test('is never repeated: a lost answer fails the item with a note to check', async () => {
		const template = email();
		const person = contact();
		fake.setConfig({ fault: () => ({ status: 502, after: true }) });
		const { items } = await run(
			{ operation: 'sendToContact', emailId: byId(template.id), contactId: byId(person.id) },
			{ continueOnFail: true },
		);
		expect(requestsTo('POST', /\/send$/)).toHaveLength(1);
		expect(details(items[0])).toContain('It was not sent again: a lost answer may mean');
		// It did go out: that is why it was not repeated.
		expect(statsOf(template.id)).toHaveLength(1);
	});
});

describe('Email: send to segment', () => {
	async function segmentWith(count: number) {
		const segment = fake.store.createSegment({ name: `Buyers ${unique()}` });
		const people = Array.from({ length: count }, () => contact());
		for (const person of people) fake.store.addToSegment(segment.id, person.id);
		return { segment, people };
	}

	test("reports Mautic's count; a second send reaches only new members", async () => {
		const { segment, people } = await segmentWith(3);
		const news = email({ emailType: 'list', lists: [segment.id] });
		const first = await run({ operation: 'sendToSegment', emailId: byId(news.id) });
		expect(first.json).toEqual([{ emailId: news.id, sentCount: 3, failedRecipients: 0 }]);
		fake.store.addToSegment(segment.id, contact().id);
		const second = await run({ operation: 'sendToSegment', emailId: byId(news.id) });
		expect(second.json[0]).toMatchObject({ sentCount: 1 });
		expect(statsOf(news.id).map((stat: any) => stat.contactId)).toEqual(
			expect.arrayContaining(people.map((person) => person.id)),
		);
	});

	test('Max Recipients goes to Mautic; segment IDs never do (Mautic fails any with a 500)', async () => {
		const a = await segmentWith(2);
		const b = await segmentWith(2);
		const news = email({ emailType: 'list', lists: [a.segment.id, b.segment.id] });
		// A workflow saved with the option the node once had must not send `lists` either.
		const { json } = await run({
			operation: 'sendToSegment',
			emailId: byId(news.id),
			options: { segmentIds: String(b.segment.id), maxRecipients: 1 },
		});
		expect(requestsTo('POST', /\/send$/)[0].body).toEqual({ limit: 1 });
		expect(json[0]).toMatchObject({ sentCount: 1 });
		const optionNames = (
			new MaatooEmail().description.properties.find(
				(property) =>
					property.name === 'options' &&
					property.displayOptions?.show?.operation?.includes('sendToSegment'),
			)?.options ?? []
		).map((option) => option.name);
		expect(optionNames).toContain('maxRecipients');
		expect(optionNames).not.toContain('segmentIds');
	});

	test('a template email fails the item: Mautic answers 200 and sends it to nobody', async () => {
		const { segment } = await segmentWith(2);
		const template = email({ emailType: 'template', lists: [segment.id] });
		const news = email({ emailType: 'list', lists: [segment.id] });
		const { json } = await run(
			{ operation: 'sendToSegment', emailId: byId('={{ $json.id }}') },
			{ items: [{ id: template.id }, { id: news.id }], continueOnFail: true },
		);
		expect(json[0].error).toBe(
			`The email ${template.id} is a template email: Send to Segment sends only segment emails, so Mautic sent it to nobody [item 0]`,
		);
		expect(json[1]).toEqual({ emailId: news.id, sentCount: 2, failedRecipients: 0 });
		expect(statsOf(template.id)).toHaveLength(0);
	});

	test('an unpublished email is named as such, a missing one as missing', async () => {
		const { segment } = await segmentWith(1);
		const draft = email({ emailType: 'list', lists: [segment.id], isPublished: false });
		const { json } = await run(
			{ operation: 'sendToSegment', emailId: byId('={{ $json.id }}') },
			{ items: [{ id: draft.id }, { id: 99999 }], continueOnFail: true },
		);
		expect(json[0].error).toBe(
			`The email ${draft.id} is unpublished: Mautic sends only published emails to segments [item 0]`,
		);
		expect(json[1].error).toBe('The email 99999 does not exist [item 1]');
	});
});

describe('Email: create, update, replace, get, get many, delete', () => {
	test('create a template email with every field', async () => {
		const segment = fake.store.createSegment({ name: `S ${unique()}` });
		const { json } = await run({
			operation: 'create',
			name: 'Order confirmation',
			subject: 'Your order {order_number}',
			emailType: 'template',
			additionalFields: {
				fromAddress: 'shop@example.com',
				fromName: 'Shop',
				replyToAddress: 'help@example.com',
				customHtml: '<p>Thanks</p>',
				plainText: 'Thanks',
				language: 'de',
				isPublished: false,
				template: 'blank',
			},
		});
		expect(json[0]).toMatchObject({
			name: 'Order confirmation',
			subject: 'Your order {order_number}',
			emailType: 'template',
			fromAddress: 'shop@example.com',
			language: 'de',
			isPublished: false,
		});
		const segmentEmail = await run({
			operation: 'create',
			name: 'News',
			subject: 'News',
			emailType: 'list',
			additionalFields: { segmentIds: `${segment.id}` },
		});
		expect((segmentEmail.json[0].lists as IDataObject[]).map((list) => list.id)).toEqual([
			segment.id,
		]);
	});

	test('bad input: segment email without segments, bad address, bad IDs, empty update', async () => {
		const existing = email();
		const created = await run(
			{
				operation: 'create',
				name: 'X',
				subject: 'X',
				emailType: '={{ $json.type }}',
				additionalFields: { segmentIds: '={{ $json.segments }}', fromAddress: '={{ $json.from }}' },
			},
			{
				items: [
					{ type: 'list', segments: '', from: '' },
					{ type: 'template', segments: '', from: 'not-an-address' },
					{ type: 'template', segments: '1, -2', from: '' },
					{ type: 'newsletter', segments: '', from: '' },
				],
				continueOnFail: true,
			},
		);
		expect(created.json[0].error).toBe(
			'A segment email needs at least one segment: fill in "Segment IDs" [item 0]',
		);
		expect(created.json[1].error).toBe(
			'The field "From Address" needs email addresses or contact field tokens such as {contactfield=email}, got "not-an-address" [item 1]',
		);
		expect(created.json[2].error).toBe(
			'The field "Segment IDs" needs positive whole IDs, got "-2" [item 2]',
		);
		expect(created.json[3].error).toBe(
			'The field "Type" must be "template" or "list", got "newsletter" [item 3]',
		);
		const updated = await run(
			{ operation: 'update', emailId: byId(existing.id), updateFields: {} },
			{ continueOnFail: true },
		);
		expect(updated.json[0].error).toBe(
			'The field "Update Fields" is empty: add at least one field to change [item 0]',
		);
		expect(requestsTo('POST', /\/emails\/new$/)).toHaveLength(0);
	});

	test('addresses are trimmed; From Address takes what Mautic takes (a list, contact field tokens); Reply-To one address', async () => {
		const { json } = await run(
			{
				operation: 'create',
				name: 'X',
				subject: 'X',
				emailType: 'template',
				additionalFields: {
					fromAddress: '={{ $json.from }}',
					replyToAddress: '={{ $json.reply }}',
				},
			},
			{
				items: [
					{ from: ' shop@example.com\n', reply: ' help@example.com ' },
					{ from: '', reply: 'not-an-address' },
					{ from: '{contactfield=email}', reply: '' },
					{ from: 'shop@example.com, {contactfield=owner_email|shop@example.com}', reply: '' },
					{ from: 'shop@example.com, {firstname}', reply: '' },
				],
				continueOnFail: true,
			},
		);
		expect(json[2]).toMatchObject({ fromAddress: '{contactfield=email}' });
		expect(json[3]).toMatchObject({
			fromAddress: 'shop@example.com, {contactfield=owner_email|shop@example.com}',
		});
		expect(json[4].error).toBe(
			'The field "From Address" needs email addresses or contact field tokens such as {contactfield=email}, got "shop@example.com, {firstname}" [item 4]',
		);
		expect(requestsTo('POST', /\/emails\/new$/)[0].body).toMatchObject({
			fromAddress: 'shop@example.com',
			replyToAddress: 'help@example.com',
		});
		expect(json[0]).toMatchObject({ fromAddress: 'shop@example.com' });
		expect(json[1].error).toBe(
			'The field "Reply-To Address" needs an email address, got "not-an-address" [item 1]',
		);
		expect(requestsTo('POST', /\/emails\/new$/)).toHaveLength(3);
	});

	test('update changes only what is given; a missing email is named', async () => {
		const existing = email({ fromName: 'Keep me' });
		const { json } = await run(
			{
				operation: 'update',
				emailId: byId('={{ $json.id }}'),
				updateFields: { subject: 'New subject', isPublished: false },
			},
			{ items: [{ id: existing.id }, { id: 99999 }], continueOnFail: true },
		);
		expect(json[0]).toMatchObject({
			subject: 'New subject',
			isPublished: false,
			fromName: 'Keep me',
		});
		expect(requestsTo('PATCH', /\/edit$/)[0].body).toEqual({
			subject: 'New subject',
			isPublished: 0,
		});
		expect(json[1].error).toBe('The email 99999 does not exist [item 1]');
	});

	test('create or replace resets what is not given', async () => {
		const existing = email({ fromName: 'Gone' });
		const { json } = await run({
			operation: 'replace',
			emailId: byId(existing.id),
			name: 'Replaced',
			subject: 'Replaced',
			emailType: 'template',
		});
		expect(json[0]).toMatchObject({ id: existing.id, name: 'Replaced', fromName: null });
		// Mautic 5.1 fails a PUT without a language: the node always sends one.
		expect(requestsTo('PUT', /\/edit$/)[0].body.language).toBe('en');
	});

	test('get by link, get many by type, search and published only, delete', async () => {
		const tag = unique();
		const segment = fake.store.createSegment({ name: `S ${tag}` });
		const template = email({ name: `T ${tag}` });
		const list = email({ name: `L ${tag}`, emailType: 'list', lists: [segment.id] });
		email({ name: `U ${tag}`, isPublished: false });
		const got = await run({
			operation: 'get',
			emailId: { __rl: true, mode: 'url', value: `${fake.url}/s/emails/view/${template.id}` },
		});
		expect(got.json[0]).toMatchObject({ id: template.id, name: `T ${tag}` });
		const byType = async (emailType: string, publishedOnly = false) =>
			(
				await run({
					operation: 'getAll',
					returnAll: true,
					options: { search: tag, emailType, publishedOnly },
				})
			).json.map((row) => row.id);
		expect(await byType('list')).toEqual([list.id]);
		expect((await byType('template')).sort()).toHaveLength(2);
		expect((await byType('', true)).sort()).toEqual([template.id, list.id].sort());
		const deleted = await run({ operation: 'delete', emailId: byId(template.id) });
		expect(deleted.json[0]).toEqual({ id: template.id, deleted: true });
		expect(fake.store.emails.has(template.id)).toBe(false);
	});
});

describe('Email events in the Maatoo Trigger', () => {
	test('a send and an open reach the trigger as "email sent" and "email opened" items', async () => {
		const receiver = await startWebhookReceiver();
		try {
			const host = new TriggerHost({
				origin: new URL(receiver.url).origin,
				credential: {
					id: 'cred-basic',
					name: 'Fake Mautic (Basic)',
					type: 'maatooApi',
					data: { url: fake.url, ...ADMIN },
				},
				parameters: { events: ['mautic.email_on_send', 'mautic.email_on_open'] },
				nodeName: 'Email events',
			});
			await host.activate();
			const template = email();
			const person = contact();
			await run({
				operation: 'sendToContact',
				emailId: byId(template.id),
				contactId: byId(person.id),
				tokens: { token: [{ key: 'order_number', value: 'A-7' }] },
			});
			const deliveries = () => fake.deliveries.filter((delivery: any) => delivery.url === host.url);
			const sent = await host.receiveDelivery(deliveries()[0]);
			expect(sent.items).toHaveLength(1);
			expect(sent.items[0]).toMatchObject({
				event: 'mautic.email_on_send',
				subject: 'Order A-7',
				email: { id: template.id },
				contact: { id: person.id, email: person.values.email },
			});
			const [stat] = statsOf(template.id);
			const pixel = await fetch(`${fake.url}/email/${stat.trackingHash}.gif`);
			expect(pixel.status).toBe(200);
			const opened = await host.receiveDelivery(deliveries()[1]);
			expect(opened.items[0]).toMatchObject({
				event: 'mautic.email_on_open',
				stat: { emailAddress: person.values.email, email: { id: template.id } },
			});
			expect(fake.store.emails.get(template.id).readCount).toBe(1);
			await host.delete();
		} finally {
			await receiver.close();
		}
	});
});
