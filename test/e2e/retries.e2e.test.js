// @ts-check
/**
 * Lost connections inside a real n8n 2.8.4 (its own request helpers, its own error wrapping):
 * the fake drops the connection before or after it applied a request, with Basic and with
 * OAuth2. A GET and an upsert by email are sent again and succeed; a request that keeps failing
 * says which network error it met.
 */
const { startFakeMautic } = require('../fake-mautic');
const { N8nSession, nodeOutput } = require('./support/n8nSession');
const { manualWorkflow, maatooNode, mapperValue, generatorNode } = require('./support/workflows');
const { ADMIN, createContacts } = require('./support/mauticApi');

const OAUTH_CLIENT = { clientId: '1_retryclient', clientSecret: 'retry-client-secret' };

const CREDENTIALS = {
	basicAuth: { id: 'retryBasic000001', name: 'Fake Mautic Basic (retries)' },
	oAuth2: { id: 'retryOauthCc0001', name: 'Fake Mautic client credentials (retries)' },
};

describe('lost connections in a real n8n', () => {
	/** @type {any} */ let fake;
	/** @type {N8nSession} */ let n8n;
	/** @type {number[]} */ let ids;

	beforeAll(async () => {
		fake = await startFakeMautic({
			oauthClients: [{ ...OAUTH_CLIENT, redirectUris: [], grants: ['client_credentials'] }],
		});
		ids = await createContacts(
			fake.url,
			Array.from({ length: 12 }, (_, index) => ({ email: `retry-${index}@example.com` })),
		);
		n8n = await N8nSession.create();
		await n8n.importCredentials([
			{ ...CREDENTIALS.basicAuth, type: 'maatooApi', data: { url: fake.url, ...ADMIN } },
			{
				...CREDENTIALS.oAuth2,
				type: 'maatooOAuth2Api',
				data: {
					url: fake.url,
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

	/** The first `count` requests matching `match` get `fault`. @param {number} count @param {(r: any) => boolean} match @param {object} fault */
	function firstRequests(count, match, fault) {
		let seen = 0;
		return (/** @type {any} */ request) => (match(request) && seen++ < count ? fault : undefined);
	}

	/** @param {string} id @param {'basicAuth' | 'oAuth2'} authentication @param {object} parameters @param {object[]} [before] */
	async function run(id, authentication, parameters, before = []) {
		await n8n.importWorkflow(
			manualWorkflow({
				id,
				name: id,
				nodes: [
					...before,
					maatooNode({
						name: 'Maatoo',
						type: 'maatooContact',
						authentication,
						credential: CREDENTIALS[authentication],
						parameters,
						continueOnFail: true,
					}),
				],
			}),
		);
		return nodeOutput(await n8n.execute(id), 'Maatoo');
	}

	for (const authentication of /** @type {const} */ (['basicAuth', 'oAuth2'])) {
		const tag = authentication === 'basicAuth' ? 'Basic' : 'OAuth';

		test(`${authentication}: a Get Many whose first page request is reset is asked again and returns every contact`, async () => {
			fake.setConfig({
				fault: firstRequests(1, (r) => r.path === '/api/contacts', { reset: true }),
			});
			fake.clearRequests();
			const contacts = await run(`wfRetryGet${tag}`, authentication, {
				operation: 'getAll',
				returnAll: true,
				options: { orderBy: 'id' },
			});
			const stored = [...fake.store.contacts.keys()].sort((a, b) => a - b);
			expect(stored.slice(0, ids.length)).toEqual(ids);
			expect(contacts.map((contact) => contact.id)).toEqual(stored);
			expect(fake.countRequests((/** @type {any} */ r) => r.path === '/api/contacts')).toBe(2);
		});

		test(`${authentication}: an upsert by email whose connection drops after Mautic saved it is sent again; each contact once`, async () => {
			fake.setConfig({
				fault: firstRequests(1, (r) => r.path === '/api/contacts/batch/new', {
					reset: true,
					after: true,
				}),
			});
			fake.clearRequests();
			const output = await run(
				`wfRetryUpsert${tag}`,
				authentication,
				{ operation: 'upsert', fields: mapperValue({ email: '={{ $json.email }}' }) },
				[generatorNode('Items', 3, `{ email: \`after-${tag}-\${i}@example.com\` }`)],
			);
			expect(output.filter((item) => item.error)).toEqual([]);
			expect(output.map((item) => item.email)).toEqual(
				[0, 1, 2].map((index) => `after-${tag}-${index}@example.com`),
			);
			expect(
				fake.countRequests((/** @type {any} */ r) => r.path === '/api/contacts/batch/new'),
			).toBe(2);
			const stored = [...fake.store.contacts.values()].filter((contact) =>
				String(contact.values.email).startsWith(`after-${tag}-`),
			);
			expect(stored).toHaveLength(3);
		});

		test(`${authentication}: a request that keeps failing names the network error`, async () => {
			fake.setConfig({
				fault: (/** @type {any} */ r) => (r.path === '/api/contacts' ? { reset: true } : undefined),
			});
			const output = await run(`wfRetryFail${tag}`, authentication, {
				operation: 'getAll',
				returnAll: false,
				limit: 5,
				options: { maxRetries: 1 },
			});
			fake.setConfig({ fault: undefined });
			expect(output).toEqual([
				{
					error:
						'Could not reach Mautic: the connection was closed before Mautic answered (ECONNRESET) [item 0]',
				},
			]);
		});
	}
});
