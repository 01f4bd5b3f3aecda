import type { IConnections, INode, INodeExecutionData } from 'n8n-workflow';
import { MaatooApi } from '../credentials/MaatooApi.credentials';
import { MaatooOAuth2Api } from '../credentials/MaatooOAuth2Api.credentials';
import type { HarnessCredential } from './harness';
import { harnessTriggerNode, resolveCredentialData, runWorkflow } from './harness';
import { CredentialEchoNode } from './harness/fixtures/credential-echo-node';
import { FixtureBasicApi, FixtureOAuth2Api } from './harness/fixtures/credentials';
import { FIXTURE_HTTP_NODE_TYPE, FixtureHttpNode } from './harness/fixtures/http-node';
import type { LoopbackServer, RecordedRequest } from './harness/fixtures/loopback-server';
import { startLoopbackServer } from './harness/fixtures/loopback-server';

const TRIGGER = 'Manual Trigger';
const NODE = 'Fixture HTTP';

const nodeTypes = { [FIXTURE_HTTP_NODE_TYPE]: new FixtureHttpNode() };
const credentialTypes = [new FixtureBasicApi(), new FixtureOAuth2Api()];

const basicAuthHeader = (user: string, pass: string) =>
	`Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

let server: LoopbackServer;

/** Serves /echo*, /fail, /batch and an OAuth2 token endpoint at /oauth/v2/token. */
function route(request: RecordedRequest) {
	const authorization = request.headers.authorization as string | undefined;
	const [fullPath, query = ''] = request.path.split('?');
	const path = fullPath.replace(/^\/api(?=\/)/, ''); // OAuth2 credentials use <server>/api/ as Base URL

	if (path === '/oauth/v2/token') {
		const form = request.body as Record<string, string>;
		if (form.client_id !== 'client-1' || form.client_secret !== 'secret-1') {
			return { status: 401, body: { error: 'invalid_client' } };
		}
		if (form.grant_type === 'refresh_token' && form.refresh_token === 'refresh-1') {
			return {
				body: {
					access_token: 'fresh-token',
					refresh_token: 'refresh-2',
					token_type: 'bearer',
					expires_in: 3600,
				},
			};
		}
		if (form.grant_type === 'client_credentials') {
			return { body: { access_token: 'cc-token', token_type: 'bearer', expires_in: 3600 } };
		}
		return { status: 400, body: { error: 'invalid_grant' } };
	}

	const validBearer = ['Bearer fresh-token', 'Bearer cc-token'];
	if (authorization?.startsWith('Bearer ') && !validBearer.includes(authorization)) {
		return { status: 401, body: { error: 'expired' } };
	}
	if (path === '/fail') return { status: 500, body: { message: 'boom' } };
	if (path === '/batch') {
		return { body: { received: (request.body as { ids: unknown[] }).ids.length } };
	}
	if (path.startsWith('/echo')) {
		return { body: { path, query, authorization } };
	}
	return { status: 404, body: { message: 'not found' } };
}

beforeAll(async () => {
	server = await startLoopbackServer(route);
});

afterAll(async () => {
	await server.close();
});

beforeEach(() => server.reset());

function workflow(node: Partial<INode> & Pick<INode, 'parameters'>): {
	nodes: INode[];
	connections: IConnections;
} {
	return {
		nodes: [
			harnessTriggerNode(TRIGGER),
			{
				id: 'fixture-http',
				name: NODE,
				type: FIXTURE_HTTP_NODE_TYPE,
				typeVersion: 1,
				position: [200, 0],
				...node,
			},
		],
		connections: { [TRIGGER]: { main: [[{ node: NODE, type: 'main', index: 0 }]] } },
	};
}

const basicCredential: HarnessCredential = {
	id: 'cred-basic',
	name: 'Basic',
	type: 'fixtureBasicApi',
	data: { url: '', username: 'api-user', password: 'p@ss:word' },
};

function oauthCredential(data: HarnessCredential['data']): HarnessCredential {
	return {
		id: 'cred-oauth',
		name: 'OAuth2',
		type: 'fixtureOAuth2Api',
		// the token URL is derived from `url` by the type's hidden expression default
		data: { url: `${server.url}/api/`, clientId: 'client-1', clientSecret: 'secret-1', ...data },
	};
}

describe('test harness: real n8n workflows in-process', () => {
	it('applies generic Basic auth, resolves expressions and resource locators, pairs items', async () => {
		const credential = { ...basicCredential, data: { ...basicCredential.data, url: server.url } };
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials: [credential],
			...workflow({
				parameters: {
					path: '={{ "/echo/" + $json.name }}',
					contact: {
						__rl: true,
						mode: 'url',
						value: 'https://example.maatoo.io/s/contacts/42/edit',
					},
				},
				credentials: { fixtureBasicApi: { id: 'cred-basic', name: 'Basic' } },
			}),
			inputItems: [{ json: { name: 'alice' } }, { json: { name: 'bob' } }],
		});

		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.output(NODE)).toEqual([
			{
				json: {
					path: '/echo/alice',
					query: 'contact=42',
					authorization: basicAuthHeader('api-user', 'p@ss:word'),
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					path: '/echo/bob',
					query: 'contact=42',
					authorization: basicAuthHeader('api-user', 'p@ss:word'),
				},
				pairedItem: { item: 1 },
			},
		]);
		expect(result.executionOrder).toEqual([TRIGGER, NODE]);
		expect(result.logs.filter((entry) => entry.level === 'error')).toEqual([]);
	});

	it('refreshes a rejected OAuth2 access token (refresh_token grant, client in body) and saves it', async () => {
		const credential = oauthCredential({
			grantType: 'authorizationCode',
			oauthTokenData: {
				access_token: 'stale-token',
				refresh_token: 'refresh-1',
				token_type: 'Bearer',
			},
		});
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials: [credential],
			...workflow({
				parameters: { authentication: 'oAuth2' },
				credentials: { fixtureOAuth2Api: { id: 'cred-oauth', name: 'OAuth2' } },
			}),
			inputItems: [{ json: {} }, { json: {} }],
		});

		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.output(NODE).map((item) => item.json.authorization)).toEqual([
			'Bearer fresh-token',
			'Bearer fresh-token',
		]);

		const tokenRequests = server.requests.filter((r) => r.path === '/oauth/v2/token');
		expect(tokenRequests).toHaveLength(1); // the 2nd item reads the saved token
		expect(tokenRequests[0].method).toBe('POST');
		expect(tokenRequests[0].body).toMatchObject({
			grant_type: 'refresh_token',
			refresh_token: 'refresh-1',
			client_id: 'client-1',
			client_secret: 'secret-1',
		});
		expect(server.requests.map((r) => `${r.path} ${r.headers.authorization ?? ''}`)).toEqual([
			'/api/echo Bearer stale-token',
			'/oauth/v2/token ',
			'/api/echo Bearer fresh-token',
			'/api/echo Bearer fresh-token',
		]);

		const saved = result.credentialsStore.get('cred-oauth')!.data.oauthTokenData;
		expect(saved).toMatchObject({ access_token: 'fresh-token', refresh_token: 'refresh-2' });
		// the caller's credential is not mutated; only the returned store changes
		expect(credential.data.oauthTokenData).toMatchObject({ access_token: 'stale-token' });
	});

	it('fetches a client-credentials token when none is stored', async () => {
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials: [oauthCredential({ grantType: 'clientCredentials' })],
			...workflow({
				parameters: { authentication: 'oAuth2' },
				credentials: { fixtureOAuth2Api: { id: 'cred-oauth', name: 'OAuth2' } },
			}),
		});

		expect(result.status).toBe('success');
		expect(result.output(NODE)[0].json.authorization).toBe('Bearer cc-token');
		const tokenRequest = server.requests.find((r) => r.path === '/oauth/v2/token');
		expect(tokenRequest?.body).toMatchObject({
			grant_type: 'client_credentials',
			client_id: 'client-1',
			client_secret: 'secret-1',
		});
		expect(result.credentialsStore.get('cred-oauth')!.data.oauthTokenData).toMatchObject({
			access_token: 'cc-token',
		});
	});

	it('turns failures into error items with pairedItem under continueOnFail, and fails the run without it', async () => {
		const failing = {
			parameters: { path: '={{ $json.ok ? "/echo" : "/fail" }}' },
			credentials: { fixtureBasicApi: { id: 'cred-basic', name: 'Basic' } },
		};
		const inputItems: INodeExecutionData[] = [
			{ json: { ok: true } },
			{ json: { ok: false } },
			{ json: { ok: true } },
		];
		const credentials = [
			{ ...basicCredential, data: { ...basicCredential.data, url: server.url } },
		];

		const continued = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials,
			...workflow({ ...failing, onError: 'continueRegularOutput' }),
			inputItems,
		});
		expect(continued.status).toBe('success');
		const items = continued.output(NODE);
		expect(items).toHaveLength(3);
		expect(items[0]).toMatchObject({ json: { path: '/echo' }, pairedItem: { item: 0 } });
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(items[1].json.error).toEqual(expect.stringMatching(/not able to process your request/));
		expect(items[2]).toMatchObject({ json: { path: '/echo' }, pairedItem: { item: 2 } });

		const failed = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials,
			...workflow(failing),
			inputItems,
		});
		expect(failed.status).toBe('error');
		// n8n stores the execution error as a plain copy of the NodeApiError
		expect(failed.error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '500',
			node: { name: NODE },
		});
		expect(() => failed.output(NODE)).toThrow(/failed/);
	});

	it('delivers 1,000 input items to one node and keeps workflow static data', async () => {
		const inputItems = Array.from({ length: 1000 }, (_, id) => ({ json: { id } }));
		const result = await runWorkflow({
			nodeTypes,
			credentialTypes,
			credentials: [{ ...basicCredential, data: { ...basicCredential.data, url: server.url } }],
			...workflow({
				parameters: { operation: 'batch' },
				credentials: { fixtureBasicApi: { id: 'cred-basic', name: 'Basic' } },
			}),
			inputItems,
			staticData: { [`node:${NODE}`]: { executions: 5 } },
		});

		expect(result.status).toBe('success');
		expect(result.output(TRIGGER)).toHaveLength(1000);
		const output = result.output(NODE);
		expect(output).toHaveLength(1000);
		expect(output[999]).toEqual({
			json: { id: 999, batchReceived: 1000 },
			pairedItem: { item: 999 },
		});
		expect(server.requests).toHaveLength(1);
		expect(result.staticData).toEqual({ [`node:${NODE}`]: { executions: 6 } });
	});

	it('resolves the product OAuth2 credential token URL from its Base URL', async () => {
		const productTypes = [new MaatooApi(), new MaatooOAuth2Api()];
		const data = { url: 'https://x.maatoo.io/api/', clientId: 'id', clientSecret: 'secret' };
		const expected = 'https://x.maatoo.io/oauth/v2/token';

		expect(resolveCredentialData(productTypes, 'maatooOAuth2Api', data).accessTokenUrl).toBe(
			expected,
		);

		// and the same through a node in a running workflow
		const echoType = 'n8n-nodes-harness.credentialEcho';
		const result = await runWorkflow({
			nodeTypes: { [echoType]: new CredentialEchoNode('maatooOAuth2Api') },
			credentialTypes: productTypes,
			credentials: [{ id: 'm', name: 'maatoo', type: 'maatooOAuth2Api', data }],
			nodes: [
				harnessTriggerNode(TRIGGER),
				{
					id: 'echo',
					name: 'Echo',
					type: echoType,
					typeVersion: 1,
					position: [200, 0],
					parameters: {},
					credentials: { maatooOAuth2Api: { id: 'm', name: 'maatoo' } },
				},
			],
			connections: { [TRIGGER]: { main: [[{ node: 'Echo', type: 'main', index: 0 }]] } },
		});
		expect(result.status).toBe('success');
		expect(result.output('Echo')[0].json).toMatchObject({
			accessTokenUrl: expected,
			authUrl: 'https://x.maatoo.io/oauth/v2/authorize',
			authentication: 'body',
			grantType: 'authorizationCode',
		});
	});
});
