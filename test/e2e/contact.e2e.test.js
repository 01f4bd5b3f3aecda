// @ts-check
/**
 * The Contact node inside a real n8n 2.8.4, installed from the packed tarball, against the fake
 * Mautic over HTTP: Get Many with Basic auth and with OAuth2 (an expired token is refreshed;
 * client credentials fetch their own token).
 */
const { startFakeMautic } = require('../fake-mautic');
const { N8nSession, nodeOutput } = require('./support/n8nSession');
const { generatorNode, manualWorkflow, maatooNode, mapperValue } = require('./support/workflows');
const { ADMIN, authorizationCodeTokens, createContacts } = require('./support/mauticApi');

const OAUTH_CLIENT = {
	clientId: '1_e2eclient',
	clientSecret: 'e2e-client-secret',
	redirectUri: 'http://127.0.0.1:5678/rest/oauth2-credential/callback',
};

describe('Contact node in a real n8n', () => {
	/** @type {any} */ let fake;
	/** @type {N8nSession} */ let n8n;
	/** @type {number[]} */ let ids;

	beforeAll(async () => {
		fake = await startFakeMautic({
			oauthClients: [
				{
					clientId: OAUTH_CLIENT.clientId,
					clientSecret: OAUTH_CLIENT.clientSecret,
					redirectUris: [OAUTH_CLIENT.redirectUri],
					grants: ['authorization_code', 'refresh_token', 'client_credentials'],
				},
			],
		});
		const contacts = Array.from({ length: 75 }, (_, index) => ({
			email: `e2e-${index}@example.com`,
			firstname: `First${index}`,
			lastname: `Last${index}`,
			tags: index % 2 ? ['odd'] : ['even'],
		}));
		ids = await createContacts(fake.url, contacts);
		const tokens = await authorizationCodeTokens(fake, OAUTH_CLIENT);

		n8n = await N8nSession.create();
		await n8n.importCredentials([
			{
				id: 'maatooBasic0001',
				name: 'Fake Mautic Basic',
				type: 'maatooApi',
				data: { url: `${fake.url}/api/`, ...ADMIN },
			},
			{
				id: 'maatooOauth0001',
				name: 'Fake Mautic OAuth2',
				type: 'maatooOAuth2Api',
				data: {
					url: fake.url,
					grantType: 'authorizationCode',
					clientId: OAUTH_CLIENT.clientId,
					clientSecret: OAUTH_CLIENT.clientSecret,
					oauthTokenData: tokens,
				},
			},
			{
				id: 'maatooOauthCc01',
				name: 'Fake Mautic client credentials',
				type: 'maatooOAuth2Api',
				data: {
					url: `${fake.url}/`,
					grantType: 'clientCredentials',
					clientId: OAUTH_CLIENT.clientId,
					clientSecret: OAUTH_CLIENT.clientSecret,
				},
			},
		]);
	}, 900_000);

	afterAll(async () => {
		await n8n?.dispose();
		await fake?.close();
	});

	/** @param {string} id @param {'basicAuth' | 'oAuth2'} authentication @param {{id: string, name: string}} credential */
	async function runGetMany(id, authentication, credential) {
		await n8n.importWorkflow(
			manualWorkflow({
				id,
				name: `Get many contacts (${id})`,
				nodes: [
					maatooNode({
						name: 'Get Many',
						type: 'maatooContact',
						authentication,
						credential,
						parameters: {
							operation: 'getAll',
							returnAll: true,
							options: { pageSize: 30, orderBy: 'id', orderByDir: 'DESC' },
						},
					}),
				],
			}),
		);
		return nodeOutput(await n8n.execute(id), 'Get Many');
	}

	test('Get Many returns every contact, simplified, in the server order, with Basic auth', async () => {
		fake.clearRequests();
		const contacts = await runGetMany('wfContactBasic01', 'basicAuth', {
			id: 'maatooBasic0001',
			name: 'Fake Mautic Basic',
		});
		expect(contacts.map((contact) => contact.id)).toEqual([...ids].sort((a, b) => b - a));
		const first = contacts[contacts.length - 1];
		expect(first).toMatchObject({
			id: ids[0],
			email: 'e2e-0@example.com',
			firstname: 'First0',
			lastname: 'Last0',
			tags: ['even'],
		});
		const pages = fake.countRequests((r) => r.path === '/api/contacts' && r.method === 'GET');
		expect(pages).toBe(3);
		expect(fake.countRequests((r) => r.authType === 'basic')).toBe(fake.requests.length);
	});

	test('Get Many with OAuth2 refreshes an expired access token and saves the new one', async () => {
		fake.expireAccessTokens();
		fake.clearRequests();
		const contacts = await runGetMany('wfContactOauth01', 'oAuth2', {
			id: 'maatooOauth0001',
			name: 'Fake Mautic OAuth2',
		});
		expect(contacts).toHaveLength(ids.length);
		const tokenCalls = fake.requests.filter((r) => r.path === '/oauth/v2/token');
		expect(tokenCalls).toHaveLength(1);
		expect(fake.countRequests((r) => r.path === '/api/contacts' && r.status === 200)).toBe(3);

		// The refreshed token was stored: a second run needs no new token.
		fake.clearRequests();
		const again = await runGetMany('wfContactOauth02', 'oAuth2', {
			id: 'maatooOauth0001',
			name: 'Fake Mautic OAuth2',
		});
		expect(again).toHaveLength(ids.length);
		expect(fake.countRequests((r) => r.path === '/oauth/v2/token')).toBe(0);
	});

	test('Get Many with OAuth2 client credentials fetches its own token', async () => {
		fake.clearRequests();
		const contacts = await runGetMany('wfContactCc00001', 'oAuth2', {
			id: 'maatooOauthCc01',
			name: 'Fake Mautic client credentials',
		});
		expect(contacts).toHaveLength(ids.length);
		expect(fake.countRequests((r) => r.path === '/oauth/v2/token')).toBe(1);
		expect(fake.countRequests((r) => r.path === '/api/contacts' && r.authType === 'bearer')).toBe(
			3,
		);
	});

	test('Create or Update of 1,000 contacts in one execution: 5 requests, 1,000 contacts with their values and tags', async () => {
		fake.store.addField({ alias: 'shop_customer_id', label: 'Shop customer ID', type: 'number' });
		fake.store.addField({
			alias: 'favourite_category',
			label: 'Favourite category',
			type: 'select',
			properties: {
				list: [
					{ label: 'Shoes', value: 'shoes' },
					{ label: 'Bags', value: 'bags' },
				],
			},
		});
		await n8n.importWorkflow(
			manualWorkflow({
				id: 'wfContactUpsert1',
				name: 'Sync 1,000 shop customers',
				nodes: [
					generatorNode(
						'Shop customers',
						1000,
						'{ email: `shop${i}@example.com`, first: `Shopper${i}`, customerId: 9000 + i, category: i % 2 ? "shoes" : "bags", vip: i % 10 === 0 }',
					),
					maatooNode({
						name: 'Upsert',
						type: 'maatooContact',
						authentication: 'basicAuth',
						credential: { id: 'maatooBasic0001', name: 'Fake Mautic Basic' },
						parameters: {
							operation: 'upsert',
							fields: mapperValue(
								{
									email: '={{ $json.email }}',
									firstname: '={{ $json.first }}',
									shop_customer_id: '={{ $json.customerId }}',
									favourite_category: '={{ $json.category }}',
								},
								{ shop_customer_id: 'number', favourite_category: 'options' },
							),
							tagsToAdd: '={{ $json.vip ? "shop, vip" : "shop" }}',
						},
					}),
				],
			}),
		);
		const before = fake.store.contacts.size;
		fake.clearRequests();
		const upserted = nodeOutput(await n8n.execute('wfContactUpsert1'), 'Upsert');
		expect(upserted).toHaveLength(1000);
		expect(upserted.filter((item) => item.error)).toEqual([]);
		expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(
			Array(5).fill('POST /api/contacts/batch/new'),
		);
		expect(fake.store.contacts.size - before).toBe(1000);

		const shoppers = [...fake.store.contacts.values()].filter((contact) =>
			/^shop\d+@example\.com$/.test(String(contact.values.email)),
		);
		expect(shoppers).toHaveLength(1000);

		const all = await runGetMany('wfContactUpsert2', 'basicAuth', {
			id: 'maatooBasic0001',
			name: 'Fake Mautic Basic',
		});
		const byEmail = new Map(all.map((contact) => [contact.email, contact]));
		expect(all).toHaveLength(ids.length + 1000);
		expect(byEmail.get('shop10@example.com')).toMatchObject({
			firstname: 'Shopper10',
			shop_customer_id: 9010,
			favourite_category: 'bags',
			tags: ['shop', 'vip'],
		});
		expect(byEmail.get('shop7@example.com')).toMatchObject({
			firstname: 'Shopper7',
			shop_customer_id: 9007,
			favourite_category: 'shoes',
			tags: ['shop'],
		});
	});
});
