import type { IDataObject } from 'n8n-workflow';
import { MaatooTextMessage } from '../../nodes/MaatooTextMessage/MaatooTextMessage.node';
import { searchTextMessages } from '../../nodes/MaatooTextMessage/textMessageEntity';
import { startFakeMautic } from '../fake-mautic';
import { basicCredential, registerNodeType, runNode } from '../support/maatooRun';
import { loadOptionsContext } from '../support/loadOptions';

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;

registerNodeType('maatooTextMessage', new MaatooTextMessage());

beforeAll(async () => {
	fake = await startFakeMautic({ version: '5.1.0' });
});
afterAll(async () => fake?.close());
beforeEach(() => {
	fake.clearRequests();
	fake.store.smsTransport = 'enabled';
});

const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });
const requestsTo = (method: string, path: string) =>
	fake.requests.filter((r: any) => r.method === method && r.path === `/api${path}`);

async function run(
	parameters: IDataObject,
	options: { items?: IDataObject[]; continueOnFail?: boolean; expectError?: boolean } = {},
) {
	return await runNode({
		type: 'maatooTextMessage',
		credential: basicCredential(fake.url),
		parameters,
		...options,
	});
}

const newSms = (name: string, message = 'Hi {contactfield=firstname}') =>
	fake.store.createSms({ name, message });
const newContact = (values: IDataObject) => fake.store.createContact(values);

describe('Text Message: send to contact', () => {
	test("sends with the contact's tokens replaced and reports what Mautic answers", async () => {
		const sms = newSms('Shipping');
		const c = newContact({ email: 'sms-1@example.com', firstname: 'Ada', mobile: '+41790000001' });
		const { json } = await run({
			operation: 'sendToContact',
			textMessageId: byId(sms.id),
			contactId: byId(c.id),
		});
		expect(json[0]).toMatchObject({
			textMessageId: sms.id,
			contactId: c.id,
			sent: true,
			status: 'Delivered',
			result: { content: 'Hi Ada', sent: true },
		});
		expect(requestsTo('GET', `/smses/${sms.id}/contact/${c.id}/send`)).toHaveLength(1);
		expect(fake.store.smses.get(sms.id).sentCount).toBe(1);
	});

	test("no SMS transport: Mautic's JSON-string refusal is reported, nothing retried", async () => {
		fake.store.smsTransport = 'disabled';
		const sms = newSms('No transport');
		const c = newContact({ email: 'sms-2@example.com', mobile: '+41790000002' });
		const { json, items } = await run(
			{
				operation: 'sendToContact',
				textMessageId: byId(sms.id),
				contactId: byId(c.id),
				options: { maxRetries: 5 },
			},
			{ continueOnFail: true },
		);
		expect(json[0].error).toBe(
			`Mautic did not send text message ${sms.id} to contact ${c.id}: SMS transport is disabled. (code 417) [item 0]`,
		);
		expect(String(items[0].error?.description)).toMatch(/SMS transport/);
		expect(requestsTo('GET', `/smses/${sms.id}/contact/${c.id}/send`)).toHaveLength(1);
	});

	test('refusals per contact: no number, DNC on SMS, unpublished message; the other items go through', async () => {
		const sms = newSms('Refusals');
		const hidden = newSms('Hidden');
		fake.store.smses.get(hidden.id).isPublished = false;
		const noNumber = newContact({ email: 'sms-3@example.com' });
		const dnc = newContact({ email: 'sms-4@example.com', mobile: '+41790000004' });
		dnc.doNotContact.push({
			id: 1,
			reason: 3,
			comments: '',
			channel: 'sms',
			channelId: null,
			dateAdded: new Date(),
		});
		const fine = newContact({ email: 'sms-5@example.com', phone: '+41440000005' });
		const { json, items } = await run(
			{
				operation: 'sendToContact',
				textMessageId: '={{ $json.sms }}',
				contactId: '={{ $json.contact }}',
			},
			{
				items: [
					{ sms: byId(sms.id), contact: byId(noNumber.id) },
					{ sms: byId(sms.id), contact: byId(dnc.id) },
					{ sms: byId(hidden.id), contact: byId(fine.id) },
					{ sms: byId(sms.id), contact: byId(fine.id) },
				],
				continueOnFail: true,
			},
		);
		expect(json[0].error).toBe(
			`Mautic did not send text message ${sms.id} to contact ${noNumber.id}: Missing phone number for contact. [item 0]`,
		);
		expect(json[1].error).toBe(
			`Mautic did not send text message ${sms.id} to contact ${dnc.id}: Contact is not contactable on the SMS channel. [item 1]`,
		);
		expect(json[2].error).toBe(
			`Mautic did not send text message ${hidden.id} to contact ${fine.id}: The specified SMS was unpublished. [item 2]`,
		);
		expect(items[2].error?.description).toBe(
			'The text message is unpublished. Publish it and run again.',
		);
		expect(json[3]).toMatchObject({ sent: true, contactId: fine.id });
	});

	test('a transport failure is an item error; a missing message, a missing contact and a bad ID are named', async () => {
		const sms = newSms('Broken transport');
		const c = newContact({ email: 'sms-6@example.com', mobile: '+41790000006' });
		fake.store.smsTransport = 'Invalid credentials';
		const { json, items } = await run(
			{
				operation: 'sendToContact',
				textMessageId: '={{ $json.sms }}',
				contactId: '={{ $json.contact }}',
			},
			{
				items: [
					{ sms: byId(sms.id), contact: byId(c.id) },
					{ sms: byId(9999), contact: byId(c.id) },
					{ sms: byId(sms.id), contact: byId(8888) },
					{ sms: byId('abc'), contact: byId(c.id) },
				],
				continueOnFail: true,
			},
		);
		expect(json[0].error).toBe(
			`Mautic did not send text message ${sms.id} to contact ${c.id}: Invalid credentials [item 0]`,
		);
		expect(json[1].error).toBe('The text message 9999 does not exist [item 1]');
		expect(String(json[2].error)).toMatch(/403/);
		expect(String(items[2].error?.description)).toMatch(/contact 8888 does not exist/);
		expect(json[3].error).toBe('The field "Text Message" needs a numeric ID, got "abc" [item 3]');
	});

	test('a lost answer is not repeated, and the error says the message may have gone out', async () => {
		const sms = newSms('Lost answer');
		const c = newContact({ email: 'sms-7@example.com', mobile: '+41790000007' });
		fake.setConfig({
			fault: (request: any) =>
				request.path.endsWith('/send') ? { status: 502, after: true } : undefined,
		});
		try {
			const { json, items } = await run(
				{ operation: 'sendToContact', textMessageId: byId(sms.id), contactId: byId(c.id) },
				{ continueOnFail: true },
			);
			expect(String(json[0].error)).toMatch(/502/);
			expect(String(items[0].error?.description)).toMatch(/send the text message twice/);
			expect(requestsTo('GET', `/smses/${sms.id}/contact/${c.id}/send`)).toHaveLength(1);
			expect(fake.store.smses.get(sms.id).sentCount).toBe(1);
		} finally {
			fake.setConfig({ fault: undefined });
		}
	});
});

const oauthCredential = () => ({
	id: 'cred-oauth-sms',
	name: 'Fake Mautic (OAuth2, client credentials)',
	type: 'maatooOAuth2Api',
	data: { url: fake.url, grantType: 'clientCredentials', clientId: '1_abc', clientSecret: 'shh' },
});

describe.each([
	['Basic', () => basicCredential(fake.url)],
	['OAuth2', oauthCredential],
])('Text Message: a send is never repeated (%s)', (_label, credential) => {
	test.each([
		['a 500 after sending', { status: 500, after: true }],
		['a reset connection after sending', { reset: true, after: true }],
		['a 503 after sending', { status: 503, after: true }],
	])('%s, even with Max Retries', async (what, fault) => {
		const sms = newSms(`Never twice ${_label} ${what}`);
		const c = newContact({ email: `sms-twice-${Date.now()}@example.com`, mobile: '+41790000099' });
		fake.setConfig({
			fault: (request: any) => (request.path.endsWith('/send') ? fault : undefined),
		});
		try {
			const { json, items } = await runNode({
				type: 'maatooTextMessage',
				credential: credential() as any,
				parameters: {
					operation: 'sendToContact',
					textMessageId: byId(sms.id),
					contactId: byId(c.id),
					options: { maxRetries: 5 },
				},
				continueOnFail: true,
			});
			expect(json[0].error).toBeDefined();
			expect(String(items[0].error?.description)).toMatch(/send the text message twice/);
			expect(requestsTo('GET', `/smses/${sms.id}/contact/${c.id}/send`)).toHaveLength(1);
			expect(fake.store.smses.get(sms.id).sentCount).toBe(1);
		} finally {
			fake.setConfig({ fault: undefined });
		}
	});

	test('an access token that expired is renewed and the send made once', async () => {
		const sms = newSms(`Token renewed ${_label}`);
		const c = newContact({ email: `sms-token-${Date.now()}@example.com`, mobile: '+41790000098' });
		fake.expireAccessTokens();
		const { json } = await runNode({
			type: 'maatooTextMessage',
			credential: credential() as any,
			parameters: {
				operation: 'sendToContact',
				textMessageId: byId(sms.id),
				contactId: byId(c.id),
			},
		});
		expect(json[0]).toMatchObject({ sent: true });
		expect(fake.store.smses.get(sms.id).sentCount).toBe(1);
	});
});

describe('Text Message: create, update, get, get many, delete', () => {
	test('create with message and additional fields; a missing message is named', async () => {
		const { json } = await run(
			{
				operation: 'create',
				name: '={{ $json.name }}',
				message: '={{ $json.message }}',
				additionalFields: { language: 'de', isPublished: false },
			},
			{
				items: [
					{ name: 'Reminder', message: 'See you {contactfield=firstname}' },
					{ name: 'Empty', message: '' },
				],
				continueOnFail: true,
			},
		);
		expect(json[0]).toMatchObject({
			name: 'Reminder',
			message: 'See you {contactfield=firstname}',
			language: 'de',
			isPublished: false,
		});
		expect(json[1].error).toBe(
			'Mautic rejected the data: message: A message is required. [item 1]',
		);
		expect(requestsTo('POST', '/smses/new')[0].body).toEqual({
			name: 'Reminder',
			message: 'See you {contactfield=firstname}',
			language: 'de',
			isPublished: false,
		});
	});

	test('create: a category ID that is not one fails before sending', async () => {
		const { json } = await run(
			{
				operation: 'create',
				name: 'X',
				message: 'Y',
				additionalFields: { category: '={{ "two" }}' },
			},
			{ continueOnFail: true },
		);
		expect(json[0].error).toBe(
			'The field "Additional Fields → Category ID" needs a positive whole number, got "two" [item 0]',
		);
		expect(requestsTo('POST', '/smses/new')).toHaveLength(0);
	});

	test('update (PATCH), get by ID and link, get many, delete', async () => {
		const sms = newSms('Editable');
		const updated = await run({
			operation: 'update',
			textMessageId: byId(sms.id),
			updateFields: { message: 'New text' },
		});
		expect(updated.json[0]).toMatchObject({ id: sms.id, name: 'Editable', message: 'New text' });
		expect(requestsTo('PATCH', `/smses/${sms.id}/edit`)[0].body).toEqual({ message: 'New text' });

		const got = await run({
			operation: 'get',
			textMessageId: { __rl: true, mode: 'url', value: `${fake.url}/s/sms/view/${sms.id}` },
		});
		expect(got.json[0]).toMatchObject({ id: sms.id, message: 'New text' });

		const all = await run({ operation: 'getAll', returnAll: true });
		expect(all.json.map((m) => m.id)).toEqual([...fake.store.smses.keys()]);
		const searched = await run({
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			options: { search: 'Editable' },
		});
		expect(searched.json.map((m) => m.name)).toEqual(['Editable']);

		const deleted = await run({ operation: 'delete', textMessageId: byId(sms.id) });
		expect(deleted.json).toEqual([{ id: sms.id, deleted: true }]);
		const missing = await run(
			{ operation: 'get', textMessageId: byId(sms.id) },
			{ continueOnFail: true },
		);
		expect(missing.json[0].error).toBe(`The text message ${sms.id} does not exist [item 0]`);
	});

	test('list search links to the message in Mautic', async () => {
		const sms = newSms('Findable SMS');
		const found = await searchTextMessages.call(
			loadOptionsContext(fake.url, 'maatooTextMessage'),
			'findable',
		);
		expect(found.results).toEqual([
			{
				name: `Findable SMS (#${sms.id})`,
				value: String(sms.id),
				url: `${fake.url}/s/sms/view/${sms.id}`,
			},
		]);
	});
});
