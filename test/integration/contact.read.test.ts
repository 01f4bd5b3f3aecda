import type { IDataObject } from 'n8n-workflow';
import { startFakeMautic } from '../fake-mautic';
import { ADMIN, basicCredential, runNode } from '../support/maatooRun';
import { seedContacts } from '../support/seed';

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;
let ids: number[];

beforeAll(async () => {
	fake = await startFakeMautic({});
	ids = await seedContacts(fake.url, 65, (index) => ({
		email: `reader${index}@example.com`,
		firstname: `Reader${index}`,
		lastname: index % 2 ? 'Odd' : 'Even',
		city: index < 10 ? 'Berlin' : 'Zurich',
		tags: index % 5 === 0 ? ['vip'] : [],
	}));
});

afterAll(async () => fake?.close());
beforeEach(() => fake.clearRequests());

const contactRequests = () =>
	fake.countRequests(
		(request: any) => request.path === '/api/contacts' && request.method === 'GET',
	);

describe('Contact: Get Many', () => {
	test('Return All reads every page and keeps the server order (id descending)', async () => {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			parameters: {
				operation: 'getAll',
				returnAll: true,
				options: { pageSize: 20, orderBy: 'id', orderByDir: 'DESC' },
			},
		});
		expect(json.map((contact) => contact.id)).toEqual([...ids].sort((a, b) => b - a));
		expect(contactRequests()).toBe(4);
	});

	test('the next page is asked for while the previous one is read, never more than one ahead', async () => {
		fake.setConfig({ latencyMs: 20 });
		try {
			const { json } = await runNode({
				type: 'maatooContact',
				credential: basicCredential(fake.url),
				parameters: {
					operation: 'getAll',
					returnAll: true,
					options: { pageSize: 10, orderBy: 'id', orderByDir: 'ASC' },
				},
			});
			expect(json.map((contact) => contact.id)).toEqual([...ids].sort((a, b) => a - b));
			const pages = fake.requests.filter(
				(request: any) => request.path === '/api/contacts' && request.method === 'GET',
			);
			// 65 contacts in pages of 10: seven pages, none asked twice, the first alone.
			expect(pages.map((request: any) => Number(request.query.start))).toEqual([
				0, 10, 20, 30, 40, 50, 60,
			]);
			// Once the total is known, page 3 is asked for together with page 2; later pages are asked
			// as soon as the one before is being read, so the overlap then depends on timing.
			expect(pages[0].othersInFlight).toBe(0);
			expect(pages[2].othersInFlight).toBe(1);
			expect(Math.max(...pages.map((request: any) => request.othersInFlight))).toBe(1);
		} finally {
			fake.setConfig({ latencyMs: 0 });
		}
	});

	test('an OAuth2 token that expires mid-export is refreshed once, though two page requests find it expired', async () => {
		const client = {
			clientId: '1_abc',
			clientSecret: 'shh',
			redirectUri: 'http://127.0.0.1:5678/rest/oauth2-credential/callback',
		};
		const code = fake.issueAuthorizationCode(client.clientId, client.redirectUri);
		const exchange = await fetch(`${fake.url}/oauth/v2/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'authorization_code',
				code,
				redirect_uri: client.redirectUri,
				client_id: client.clientId,
				client_secret: client.clientSecret,
			}).toString(),
		});
		const tokens = (await exchange.json()) as IDataObject;
		let pagesSeen = 0;
		// The token expires as the second page arrives: that page and the one asked ahead with it are both refused.
		fake.setConfig({
			latencyMs: 20,
			fault: (request: any) => {
				if (request.path === '/api/contacts' && ++pagesSeen === 2) fake.expireAccessTokens();
				return undefined;
			},
		});
		try {
			const { json } = await runNode({
				type: 'maatooContact',
				credential: {
					id: 'cred-oauth-code',
					name: 'Fake Mautic (OAuth2, authorization code)',
					type: 'maatooOAuth2Api',
					data: {
						url: fake.url,
						grantType: 'authorizationCode',
						clientId: client.clientId,
						clientSecret: client.clientSecret,
						oauthTokenData: tokens,
					},
				},
				parameters: {
					operation: 'getAll',
					returnAll: true,
					options: { pageSize: 10, orderBy: 'id', orderByDir: 'ASC' },
				},
			});
			expect(json.map((contact) => contact.id)).toEqual([...ids].sort((a, b) => a - b));
			const refused = fake.requests.filter(
				(request: any) => request.path === '/api/contacts' && request.status === 401,
			);
			expect(refused).toHaveLength(2);
			// Both refreshed with the same refresh token; Mautic accepts it once.
			const refreshes = fake.requests.filter(
				(request: any) =>
					request.path === '/oauth/v2/token' && request.body?.grant_type === 'refresh_token',
			);
			expect(refreshes.map((request: any) => request.status).sort()).toEqual([200, 400]);
		} finally {
			fake.setConfig({ latencyMs: 0, fault: undefined });
		}
	});

	test('the simplified contact is flat: fields, tag names, owner, dates', async () => {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			parameters: {
				operation: 'getAll',
				returnAll: false,
				limit: 1,
				conditions: {
					condition: [{ field: 'email', operator: 'eq', value: 'reader0@example.com' }],
				},
			},
		});
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({
			id: ids[0],
			email: 'reader0@example.com',
			firstname: 'Reader0',
			lastname: 'Even',
			city: 'Berlin',
			tags: ['vip'],
		});
		expect(json[0]).toHaveProperty('dateAdded');
		expect(json[0]).toHaveProperty('points');
		expect(json[0]).not.toHaveProperty('fields');
	});

	test("Simplify off returns Mautic's raw contact", async () => {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			parameters: { operation: 'getAll', returnAll: false, limit: 2, simplify: false },
		});
		expect(json).toHaveLength(2);
		expect((json[0].fields as IDataObject).all).toBeDefined();
	});

	test('a limit fetches only what it needs', async () => {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			parameters: { operation: 'getAll', returnAll: false, limit: 7, options: { pageSize: 5 } },
		});
		expect(json).toHaveLength(7);
		expect(contactRequests()).toBe(2);
	});

	test('conditions and search filter on the server', async () => {
		const berlin = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			parameters: {
				operation: 'getAll',
				returnAll: true,
				conditions: {
					condition: [
						{ field: 'city', operator: 'eq', value: 'Berlin' },
						{ field: 'lastname', operator: 'eq', value: 'Odd' },
					],
				},
			},
		});
		expect(berlin.json.map((contact) => contact.email).sort()).toEqual(
			[1, 3, 5, 7, 9].map((index) => `reader${index}@example.com`).sort(),
		);
		const vip = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			parameters: { operation: 'getAll', returnAll: true, options: { search: 'tag:vip' } },
		});
		expect(vip.json).toHaveLength(13);
	});

	test('an empty result is no items, after one request', async () => {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			parameters: {
				operation: 'getAll',
				returnAll: true,
				options: { search: 'nobody-has-this-name' },
			},
		});
		expect(json).toEqual([]);
		expect(contactRequests()).toBe(1);
	});

	test('a condition without a field is refused before any request', async () => {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			continueOnFail: true,
			parameters: {
				operation: 'getAll',
				returnAll: true,
				conditions: { condition: [{ field: '', operator: 'eq', value: 'x' }] },
			},
		});
		expect(json[0].error).toBe('Condition 1: the field "Field" is empty [item 0]');
		expect(contactRequests()).toBe(0);
	});
});

describe('Contact: Get', () => {
	test('by ID, by email and by link, one item per input item', async () => {
		const { json, items } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			items: [
				{ id: ids[3] },
				{ email: 'reader4@example.com' },
				{ link: `${fake.url}/s/contacts/view/${ids[5]}` },
			],
			parameters: {
				operation: 'get',
				contactId: {
					__rl: true,
					mode: '={{ $json.id ? "id" : $json.email ? "email" : "url" }}',
					value: '={{ $json.id ?? $json.email ?? $json.link }}',
				},
			},
		});
		expect(json.map((contact) => contact.id)).toEqual([ids[3], ids[4], ids[5]]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('bad and missing IDs fail their own item, named, while the others go through', async () => {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			continueOnFail: true,
			items: [
				{ id: 'abc' },
				{ id: '999999' },
				{ id: String(ids[0]) },
				{ id: 'nobody@example.com', mode: 'email' },
			],
			parameters: {
				operation: 'get',
				contactId: { __rl: true, mode: '={{ $json.mode ?? "id" }}', value: '={{ $json.id }}' },
			},
		});
		expect(json[0].error).toBe('The field "Contact" needs a numeric ID, got "abc" [item 0]');
		expect(json[1].error).toBe('The contact 999999 does not exist [item 1]');
		expect(json[2].id).toBe(ids[0]);
		expect(json[3].error).toBe('No contact has the email "nobody@example.com" [item 3]');
	});

	test('without Continue On Fail the run stops with the item named', async () => {
		const { result } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			expectError: true,
			parameters: { operation: 'get', contactId: { __rl: true, mode: 'id', value: '424242' } },
		});
		expect(result.error?.message).toBe('The contact 424242 does not exist [item 0]');
	});
});

describe('instance settings surface as actionable errors', () => {
	afterEach(() => fake.setConfig({ apiEnabled: true, basicAuthEnabled: true }));

	test('API disabled', async () => {
		fake.setConfig({ apiEnabled: false });
		const { result } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			expectError: true,
			parameters: { operation: 'getAll', returnAll: false, limit: 1 },
		});
		expect(result.error?.message).toBe('The Mautic API is disabled on this instance [item 0]');
	});

	test('Basic auth disabled', async () => {
		fake.setConfig({ basicAuthEnabled: false });
		const { result } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			expectError: true,
			parameters: { operation: 'getAll', returnAll: false, limit: 1 },
		});
		expect(result.error?.message).toBe(
			'HTTP basic auth is disabled on this Mautic instance [item 0]',
		);
	});

	test('wrong password, and the password appears nowhere in the error', async () => {
		const wrongPassword = ['Wr0ng', 'Secret', 'Value'].join('-');
		const { result } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url, { password: wrongPassword }),
			expectError: true,
			parameters: { operation: 'getAll', returnAll: false, limit: 1 },
		});
		expect(result.error?.message).toBe('Mautic rejected the credentials (401) [item 0]');
		const serialised =
			JSON.stringify(result.run.data) +
			JSON.stringify(result.error) +
			String((result.error as Error).stack);
		expect(serialised).not.toContain(wrongPassword);
		expect(serialised).not.toContain(
			Buffer.from(`${ADMIN.username}:${wrongPassword}`).toString('base64'),
		);
	});
});
