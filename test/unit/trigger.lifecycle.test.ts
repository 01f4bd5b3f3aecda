import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type IHttpRequestOptions,
	type INode,
} from 'n8n-workflow';
import { MaatooTrigger } from '../../nodes/MaatooTrigger/MaatooTrigger.node';
import { hookNaming, isInSync, sameUrl } from '../../nodes/MaatooTrigger/hookLifecycle';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

/*
 * The hook lifecycle against scripted answers: what counts as "not found", what is reported,
 * what is never retried. The full lifecycle against the fake Mautic is in
 * test/integration/trigger.test.ts.
 */

const URL_OF_TRIGGER = 'https://n8n.example.com/webhook/1111-2222/webhook';
const NODE: INode = {
	id: 'trigger',
	name: 'Maatoo Trigger',
	type: 'n8n-nodes-maatoo.maatooTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

interface Answer {
	status?: number;
	body?: unknown;
	raw?: string;
	networkCode?: string;
}

function hookContext(
	respond: (options: IHttpRequestOptions) => Answer,
	setup: { staticData?: IDataObject; parameters?: IDataObject; url?: string | undefined } = {},
) {
	const calls: IHttpRequestOptions[] = [];
	const staticData: IDataObject = setup.staticData ?? {};
	const parameters: IDataObject = {
		authentication: 'basicAuth',
		events: ['mautic.lead_post_save_new'],
		eventsOrder: 'ASC',
		options: {},
		...setup.parameters,
	};
	const ctx = {
		getNode: () => NODE,
		getWorkflow: () => ({ id: 'wf1', name: 'Lead sync', active: true }),
		getNodeParameter: (name: string, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
		getNodeWebhookUrl: () => ('url' in setup ? setup.url : URL_OF_TRIGGER),
		getWorkflowStaticData: () => staticData,
		getCredentials: async () => ({ url: 'https://demo.maatoo.io', username: 'u', password: 'p' }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				calls.push(options);
				const answer = respond(options);
				if (answer.networkCode)
					throw Object.assign(new Error('connect failed'), { code: answer.networkCode });
				const text = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
				return { statusCode: answer.status ?? 200, body: text, headers: {} };
			},
		},
	} as unknown as IHookFunctions;
	return { ctx, calls, staticData };
}

const lifecycle = new MaatooTrigger().webhookMethods.default;
const notFound = {
	status: 404,
	body: { errors: [{ code: 404, message: 'Item was not found.', details: [], type: null }] },
};
const path = (options: IHttpRequestOptions) => `${options.method} ${new URL(options.url).pathname}`;

function hook(id: number, extra: IDataObject = {}): IDataObject {
	return {
		isPublished: true,
		id,
		name: 'n8n: Lead sync',
		webhookUrl: URL_OF_TRIGGER,
		secret: 's3cret',
		eventsOrderbyDir: 'ASC',
		category: null,
		triggers: ['mautic.lead_post_save_new'],
		...extra,
	};
}

const list = (...hooks: IDataObject[]) =>
	hooks.length
		? { total: hooks.length, hooks: Object.fromEntries(hooks.map((h) => [String(h.id), h])) }
		: { total: 0, hooks: [] };

describe('checkExists', () => {
	test('true for the one in-sync hook with our URL; adopts it into the static data', async () => {
		const { ctx, staticData } = hookContext(() => ({
			body: list(hook(5), hook(6, { webhookUrl: 'https://elsewhere.example/x' })),
		}));
		expect(await lifecycle.checkExists.call(ctx)).toBe(true);
		expect(staticData).toEqual({ hookId: 5, secret: 's3cret', webhookUrl: URL_OF_TRIGGER });
	});

	test('false when none, two, or one that differs in events, order, publication or secret', async () => {
		const cases = [
			list(),
			list(hook(5), hook(6)),
			list(hook(5, { triggers: ['mautic.lead_post_save_new', 'mautic.lead_post_delete'] })),
			list(hook(5, { eventsOrderbyDir: null })),
			list(hook(5, { isPublished: false })),
			list(hook(5, { secret: '' })),
		];
		for (const body of cases) {
			const { ctx } = hookContext(() => ({ body }));
			expect(await lifecycle.checkExists.call(ctx)).toBe(false);
		}
		const { ctx } = hookContext(() => ({ body: list(hook(5)) }), {
			parameters: { options: { secret: 'mine' } },
		});
		expect(await lifecycle.checkExists.call(ctx)).toBe(false);
	});

	test('reads every page of /hooks (ordered by id) to find ours', async () => {
		const others = Array.from({ length: 100 }, (_, index) =>
			hook(index + 1, { webhookUrl: `https://other.example/${index}` }),
		);
		const { ctx, calls } = hookContext((options) => {
			const start = Number((options.qs as IDataObject).start);
			return {
				body:
					start === 0
						? { total: 101, hooks: list(...others).hooks }
						: { total: 101, hooks: list(hook(101)).hooks },
			};
		});
		expect(await lifecycle.checkExists.call(ctx)).toBe(true);
		expect(calls.map((call) => call.qs)).toEqual([
			{ orderBy: 'id', orderByDir: 'ASC', start: 0, limit: 100 },
			{ orderBy: 'id', orderByDir: 'ASC', start: 100, limit: 100 },
		]);
	});

	test('errors are reported, never taken for "no hook"', async () => {
		for (const answer of [
			{
				status: 500,
				body: { errors: [{ code: 500, message: 'Internal Server Error', type: null }] },
			},
			{
				status: 403,
				body: {
					errors: [{ code: 403, message: 'You do not have access to the requested area/action.' }],
				},
			},
			{
				status: 401,
				body: { errors: [{ code: 401, message: 'Authorization denied, invalid credentials.' }] },
			},
			{ networkCode: 'ENOTFOUND' },
		]) {
			const { ctx } = hookContext(() => answer);
			await expect(lifecycle.checkExists.call(ctx)).rejects.toBeInstanceOf(NodeApiError);
		}
	});

	test('without events or without a production URL it says so', async () => {
		const noEvents = hookContext(() => ({ body: list() }), { parameters: { events: [] } });
		await expect(lifecycle.checkExists.call(noEvents.ctx)).rejects.toThrow(
			'Choose at least one event',
		);
		const noUrl = hookContext(() => ({ body: list() }), { url: undefined });
		await expect(lifecycle.checkExists.call(noUrl.ctx)).rejects.toBeInstanceOf(NodeOperationError);
	});
});

describe('create', () => {
	test('creates a published hook with a strong random secret and stores id, secret and URL', async () => {
		const { ctx, calls, staticData } = hookContext((options) => {
			if (options.method === 'GET') return { body: list() };
			const sent = JSON.parse(options.body as string);
			return { status: 201, body: { hook: { ...hook(9), ...sent, id: 9 } } };
		});
		expect(await lifecycle.create.call(ctx)).toBe(true);
		expect(calls.map(path)).toEqual(['GET /api/hooks', 'POST /api/hooks/new']);
		const sent = JSON.parse(calls[1].body as string);
		expect(sent).toEqual({
			name: 'n8n: Lead sync',
			description: expect.stringContaining('n8n workflow "Lead sync" (ID wf1)'),
			webhookUrl: URL_OF_TRIGGER,
			secret: expect.stringMatching(/^[0-9a-f]{64}$/),
			eventsOrderbyDir: 'ASC',
			isPublished: true,
			triggers: ['mautic.lead_post_save_new'],
		});
		expect(staticData).toEqual({ hookId: 9, secret: sent.secret, webhookUrl: URL_OF_TRIGGER });
	});

	test('two activations never share a secret', async () => {
		const secrets = [];
		for (let run = 0; run < 2; run++) {
			const { ctx, calls } = hookContext((options) =>
				options.method === 'GET'
					? { body: list() }
					: { status: 201, body: { hook: { ...hook(9), ...JSON.parse(options.body as string) } } },
			);
			await lifecycle.create.call(ctx);
			secrets.push(JSON.parse(calls[1].body as string).secret);
		}
		expect(secrets[0]).not.toBe(secrets[1]);
	});

	test('POST /hooks/new is never retried (a lost answer may mean the hook exists)', async () => {
		const { ctx, calls } = hookContext((options) =>
			options.method === 'GET' ? { body: list() } : { status: 502 },
		);
		await expect(lifecycle.create.call(ctx)).rejects.toBeInstanceOf(NodeApiError);
		expect(calls.filter((call) => call.method === 'POST')).toHaveLength(1);
	});

	test('repairs the stored hook with PUT and deletes the duplicates posting to our URL', async () => {
		const { ctx, calls, staticData } = hookContext(
			(options) => {
				if (options.method === 'GET')
					return { body: list(hook(3, { isPublished: false }), hook(7), hook(8)) };
				if (options.method === 'PUT')
					return { body: { hook: { ...hook(7), ...JSON.parse(options.body as string) } } };
				return { body: { hook: { ...hook(0), id: null } } };
			},
			{ staticData: { hookId: 7, secret: 'old', webhookUrl: URL_OF_TRIGGER } },
		);
		await lifecycle.create.call(ctx);
		// hook 7 is in sync already: nothing to PUT
		expect(calls.map(path)).toEqual([
			'GET /api/hooks',
			'DELETE /api/hooks/3/delete',
			'DELETE /api/hooks/8/delete',
		]);
		expect(staticData).toEqual({ hookId: 7, secret: 's3cret', webhookUrl: URL_OF_TRIGGER });
	});

	test('an out-of-date hook is updated in place, keeping its secret', async () => {
		const { ctx, calls } = hookContext(
			(options) => {
				if (options.method === 'GET')
					return { body: list(hook(7, { triggers: ['mautic.lead_post_delete'] })) };
				return { body: { hook: { ...hook(7), ...JSON.parse(options.body as string) } } };
			},
			{ parameters: { eventsOrder: 'DESC' } },
		);
		await lifecycle.create.call(ctx);
		expect(calls.map(path)).toEqual(['GET /api/hooks', 'PUT /api/hooks/7/edit']);
		expect(JSON.parse(calls[1].body as string)).toMatchObject({
			secret: 's3cret',
			triggers: ['mautic.lead_post_save_new'],
			eventsOrderbyDir: 'DESC',
			isPublished: true,
		});
	});
});

describe('delete', () => {
	test('deletes ours and any other hook posting to our URL, then clears the static data', async () => {
		const { ctx, calls, staticData } = hookContext(
			(options) =>
				options.method === 'GET'
					? {
							body: list(
								hook(4),
								hook(9, { webhookUrl: 'https://edited-by-admin.example/x' }),
								hook(11),
							),
						}
					: { body: { hook: {} } },
			{ staticData: { hookId: 9, secret: 's', webhookUrl: URL_OF_TRIGGER } },
		);
		expect(await lifecycle.delete.call(ctx)).toBe(true);
		expect(calls.map(path)).toEqual([
			'GET /api/hooks',
			'DELETE /api/hooks/4/delete',
			'DELETE /api/hooks/9/delete',
			'DELETE /api/hooks/11/delete',
		]);
		expect(staticData).toEqual({});
	});

	test('a hook already gone (Mautic\'s 404 "Item was not found.") counts as deleted', async () => {
		const { ctx, calls, staticData } = hookContext(
			(options) => (options.method === 'GET' ? { body: list() } : notFound),
			{
				staticData: { hookId: 12, secret: 's', webhookUrl: URL_OF_TRIGGER },
			},
		);
		expect(await lifecycle.delete.call(ctx)).toBe(true);
		expect(calls.map(path)).toEqual(['GET /api/hooks', 'DELETE /api/hooks/12/delete']);
		expect(staticData).toEqual({});
	});

	test('other failures of the DELETE are reported and the static data kept', async () => {
		const answers: Answer[] = [
			{ status: 404, raw: '<html><body>Not Found</body></html>' },
			{
				status: 404,
				body: {
					errors: [{ code: 404, message: 'No route found for "DELETE /api/hooks/12/delete"' }],
				},
			},
			{
				status: 403,
				body: {
					errors: [{ code: 403, message: 'You do not have access to the requested area/action.' }],
				},
			},
			{ status: 500, body: { errors: [{ code: 500, message: 'boom' }] } },
		];
		for (const answer of answers) {
			const { ctx, staticData } = hookContext(
				(options) => (options.method === 'GET' ? { body: list() } : answer),
				{
					staticData: { hookId: 12, secret: 's', webhookUrl: URL_OF_TRIGGER },
				},
			);
			await expect(lifecycle.delete.call(ctx)).rejects.toBeInstanceOf(NodeApiError);
			expect(staticData).toEqual({ hookId: 12, secret: 's', webhookUrl: URL_OF_TRIGGER });
		}
	});
});

describe('the test URL ("listen for test event") never touches the production hook', () => {
	const TEST_URL = 'https://n8n.example.com/webhook-test/1111-2222/webhook';
	const productionStaticData = () => ({ hookId: 5, secret: 's3cret', webhookUrl: URL_OF_TRIGGER });

	test('create for the test URL makes its own hook, leaving the production one as it is', async () => {
		const { ctx, calls, staticData } = hookContext(
			(options) =>
				options.method === 'GET'
					? { body: list(hook(5)) }
					: { status: 201, body: { hook: { ...hook(6), ...JSON.parse(options.body as string) } } },
			{ url: TEST_URL, staticData: productionStaticData() },
		);
		expect(await lifecycle.checkExists.call(ctx)).toBe(false);
		await lifecycle.create.call(ctx);
		expect(calls.map(path)).toEqual(['GET /api/hooks', 'GET /api/hooks', 'POST /api/hooks/new']);
		expect(JSON.parse(calls[2].body as string).webhookUrl).toBe(TEST_URL);
		expect(staticData).toMatchObject({ hookId: 6, webhookUrl: TEST_URL });
	});

	test('delete for the test URL with the production static data deletes nothing of production', async () => {
		const { ctx, calls } = hookContext(() => ({ body: list(hook(5)) }), {
			url: TEST_URL,
			staticData: productionStaticData(),
		});
		expect(await lifecycle.delete.call(ctx)).toBe(true);
		expect(calls.map(path)).toEqual(['GET /api/hooks']);
	});
});

describe('helpers', () => {
	test('URLs match without trailing slashes or blanks, never when empty', () => {
		expect(sameUrl(' https://a/b/ ', 'https://a/b')).toBe(true);
		expect(sameUrl('https://a/b', 'https://a/c')).toBe(false);
		expect(sameUrl('', '')).toBe(false);
		expect(sameUrl(undefined, null)).toBe(false);
	});

	test('the hook name says n8n and the workflow, and stays short', () => {
		expect(hookNaming({ id: 'w1', name: 'Lead sync' }, 'Maatoo Trigger').name).toBe(
			'n8n: Lead sync',
		);
		expect(hookNaming({ id: 'w1', name: '' }, 'Maatoo Trigger').name).toBe('n8n: workflow w1');
		expect(
			hookNaming({ id: 'w1', name: 'x'.repeat(400) }, 'Maatoo Trigger').name.length,
		).toBeLessThanOrEqual(180);
	});

	test('in sync needs the same events in any order', () => {
		const wanted = {
			name: '',
			description: '',
			webhookUrl: URL_OF_TRIGGER,
			triggers: ['a', 'b'],
			eventsOrderbyDir: 'ASC' as const,
		};
		const base = {
			id: 1,
			isPublished: true,
			webhookUrl: URL_OF_TRIGGER,
			secret: 's',
			eventsOrderbyDir: 'ASC',
		};
		expect(isInSync({ ...base, triggers: ['b', 'a'] }, wanted)).toBe(true);
		expect(isInSync({ ...base, triggers: ['a'] }, wanted)).toBe(false);
		expect(isInSync({ ...base, triggers: ['a', 'b', 'c'] }, wanted)).toBe(false);
	});
});
