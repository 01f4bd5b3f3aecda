import type { INodeExecutionData } from 'n8n-workflow';
import { startFakeMautic } from '../fake-mautic';
import { basicCredential, registerNodeType, runNode } from '../support/maatooRun';
import { seedContacts } from '../support/seed';
import { MaatooPointGroup } from '../../nodes/MaatooPointGroup/MaatooPointGroup.node';

/*
 * Values from expressions that would reach another route, IDs a number cannot hold, Base URLs
 * that leak or misroute, and answers that lack what they promise: each is refused or explained
 * on its own item, before anything reaches Mautic where that is possible.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;
let contactId: number;

registerNodeType('maatooPointGroup', new MaatooPointGroup());

beforeAll(async () => {
	fake = await startFakeMautic({});
});
afterAll(async () => fake?.close());
beforeEach(async () => {
	fake.reset();
	fake.setConfig({ fault: undefined });
	[contactId] = await seedContacts(fake.url, 1, () => ({ email: 'safe@example.com' }));
	fake.clearRequests();
});

const apiRequests = () => fake.requests.filter((request: any) => request.path.startsWith('/api/'));
const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });
const details = (item: INodeExecutionData) =>
	(item.error as { description?: string } | undefined)?.description ?? '';

describe('values that become part of an API path', () => {
	const INJECTION = 'plus/../../../../segments/1/contact/3/add#';

	test('an expression-fed points operator cannot reach another route', async () => {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			continueOnFail: true,
			items: [{ op: INJECTION }, { op: 'plus' }],
			parameters: {
				operation: 'adjustPoints',
				contactId: byId(contactId),
				pointsOperator: '={{ $json.op }}',
				points: 2,
			},
		});
		expect(json[0].error).toBe(
			`The field "Operation on Points" must be one of plus, minus, times, divide; got "${INJECTION}" [item 0]`,
		);
		expect(json[1]).toMatchObject({ contactId, operator: 'plus', points: 2, success: true });
		expect(apiRequests().map((request: any) => request.path)).toEqual([
			`/api/contacts/${contactId}/points/plus/2`,
		]);
	});

	test('the score operator and the DNC channel are checked the same way', async () => {
		const score = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			continueOnFail: true,
			parameters: {
				operation: 'adjustGroupScore',
				contactId: byId(contactId),
				pointGroupId: byId(1),
				scoreOperator: `={{ "${INJECTION}" }}`,
				scoreValue: 1,
			},
		});
		expect(score.json[0].error).toMatch(
			/^The field "Operation on Score" must be one of plus, minus, times, divide, set; got/,
		);
		const dnc = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			continueOnFail: true,
			parameters: {
				operation: 'addDoNotContact',
				contactId: byId(contactId),
				channel: '={{ "email/../../../segments/1/contact/3/add" }}',
				reason: 3,
			},
		});
		expect(dnc.json[0].error).toMatch(/^The field "Channel" must be one of email, sms; got/);
		expect(apiRequests()).toEqual([]);
	});

	test('IDs must be positive whole numbers a JavaScript number holds exactly', async () => {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			continueOnFail: true,
			items: [
				{ id: '9007199254740993' },
				{ id: '0' },
				{ id: '12/../../segments' },
				{ id: String(contactId) },
			],
			parameters: {
				operation: 'get',
				contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
		});
		expect(json[0].error).toBe(
			'The field "Contact" needs an ID from 1 to 9007199254740991, got "9007199254740993" [item 0]',
		);
		expect(json[1].error).toBe(
			'The field "Contact" needs an ID from 1 to 9007199254740991, got "0" [item 1]',
		);
		expect(json[2].error).toBe(
			'The field "Contact" needs a numeric ID, got "12/../../segments" [item 2]',
		);
		expect(json[3].id).toBe(contactId);
		expect(apiRequests().map((request: any) => request.path)).toEqual([
			`/api/contacts/${contactId}`,
		]);
	});
});

describe('points with a sign that contradicts the operation', () => {
	test('Add with a negative number is refused and points to Subtract', async () => {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			continueOnFail: true,
			parameters: {
				operation: 'adjustPoints',
				contactId: byId(contactId),
				pointsOperator: 'plus',
				points: -5,
			},
		});
		expect(json[0].error).toBe(
			'The field "Points" cannot be negative for "Add": to take 5 away, choose "Subtract" with 5 [item 0]',
		);
		expect(apiRequests()).toEqual([]);
	});

	test('the same for a group score', async () => {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			continueOnFail: true,
			parameters: {
				operation: 'adjustGroupScore',
				contactId: byId(contactId),
				pointGroupId: byId(1),
				scoreOperator: 'minus',
				scoreValue: -3,
			},
		});
		expect(json[0].error).toBe(
			'The field "Value" cannot be negative for "Subtract": to add 3, choose "Add" with 3 [item 0]',
		);
	});
});

describe('Base URLs that would leak a password or misroute requests', () => {
	test.each([
		['http://admin:maatoo-secret@HOST', /contains a user name or password/],
		['HOST/?instance=2', /contains a query \(\?\) or fragment \(#\)/],
		['HOST#/api', /contains a query \(\?\) or fragment \(#\)/],
	])('%s is refused before any request, without repeating the URL', async (form, message) => {
		const url = form
			.replace(
				'http://admin:maatoo-secret@HOST',
				fake.url.replace('http://', 'http://admin:maatoo-secret@'),
			)
			.replace('HOST', fake.url);
		const { json, items } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(url),
			continueOnFail: true,
			parameters: { operation: 'get', contactId: byId(contactId) },
		});
		expect(json[0].error).toMatch(message);
		expect(JSON.stringify([json, details(items[0])])).not.toContain('maatoo-secret');
		expect(apiRequests()).toEqual([]);
	});
});

describe("links (URL mode) must point at the credential's own instance", () => {
	test('a link to the same number on another instance is refused; a local link works', async () => {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			continueOnFail: true,
			items: [
				{ url: `https://other.example.com/s/contacts/view/${contactId}` },
				{ url: `${fake.url}/s/contacts/view/${contactId}` },
			],
			parameters: {
				operation: 'delete',
				contactId: { __rl: true, mode: 'url', value: '={{ $json.url }}' },
				options: { useBatch: false },
			},
		});
		expect(json[0].error).toMatch(
			/^The link in "Contact" points to other\.example\.com, not to this credential's Mautic/,
		);
		expect(json[1]).toEqual({ id: contactId, deleted: true });
		expect(apiRequests().map((request: any) => request.path)).toEqual([
			`/api/contacts/${contactId}/delete`,
		]);
	});
	test("the ID is read from the link's path, where it ends a segment, not from its query", async () => {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			continueOnFail: true,
			items: [
				{ url: `${fake.url}/s/dashboard?next=/s/contacts/view/${contactId}` },
				{ url: `${fake.url}/s/contacts/view/${contactId}abc` },
			],
			parameters: {
				operation: 'get',
				contactId: { __rl: true, mode: 'url', value: '={{ $json.url }}' },
			},
		});
		expect(json.map((item) => item.error)).toEqual([
			expect.stringMatching(/^The field "Contact" needs a link to it in Mautic/),
			expect.stringMatching(/^The field "Contact" needs a link to it in Mautic/),
		]);
		expect(apiRequests()).toEqual([]);
	});
});

describe('answers that lack what they promise', () => {
	test('Do Not Contact answered 200 without the contact: said plainly, with the warning that it was likely applied', async () => {
		fake.setConfig({
			fault: (request: any) =>
				request.path.includes('/dnc/')
					? { status: 200, after: true, body: { success: 1 } }
					: undefined,
		});
		const { json, items } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			continueOnFail: true,
			parameters: {
				operation: 'addDoNotContact',
				contactId: byId(contactId),
				channel: 'email',
				reason: 3,
			},
		});
		expect(json[0].error).toBe(
			'Mautic answered HTTP 200 without the contact ("contact" is missing) [item 0]',
		);
		expect(details(items[0])).toMatch(/most likely applied/);
	});

	test('a refused OAuth2 renewal says to reconnect the credential', async () => {
		const { json, items } = await runNode({
			type: 'maatooContact',
			credential: {
				id: 'cred-oauth-expired',
				name: 'Expired refresh token',
				type: 'maatooOAuth2Api',
				data: {
					url: fake.url,
					grantType: 'authorizationCode',
					clientId: '1_abc',
					clientSecret: 'shh',
					oauthTokenData: {
						access_token: 'expired',
						refresh_token: 'expired-too',
						token_type: 'bearer',
						expires_in: 3600,
					},
				},
			},
			continueOnFail: true,
			parameters: { operation: 'get', contactId: byId(contactId) },
		});
		expect(json[0].error).toBe(
			'The OAuth2 credential could not renew its access token: reconnect it [item 0]',
		);
		expect(details(items[0])).toMatch(/Reconnect/);
		const refresh = fake.requests.filter((request: any) => request.path === '/oauth/v2/token');
		expect(refresh.map((request: any) => request.status)).toEqual([400]);
	});
});
