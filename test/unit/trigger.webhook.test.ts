import { timingSafeEqual } from 'crypto';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { MaatooTrigger } from '../../nodes/MaatooTrigger/MaatooTrigger.node';
import { isValidSignature, webhookSignature } from '../../nodes/MaatooTrigger/signature';
import { phpJsonEncode, signWebhookBody } from '../fake-mautic';

/*
 * Signature check and splitting, on bodies as Mautic sends them: PHP json_encode with default
 * flags (`\/` for every slash, `\uXXXX` for non-ASCII), signed over exactly those bytes.
 */

jest.mock('crypto', () => {
	const actual = jest.requireActual('crypto');
	return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

const SECRET = 'mautic-secret-1';

/** Written the way PHP writes it; the signature below was computed with openssl, not with Node. */
const PHP_BODY =
	'{"mautic.lead_post_save_update":[{"contact":{"id":7,"points":0,"fields":{"core":{"firstname":{"alias":"firstname","value":"J\\u00f6rg"},"website":{"alias":"website","value":"https:\\/\\/example.com\\/a"}}},"tags":[{"tag":"vip\\/2024"}]},"timestamp":"2024-10-24T10:00:00+00:00"}]}';
const PHP_BODY_SIGNATURE = 'nbEJtBBfdD3hyjC61Ck1hiA0NMmndPj/Lsi7KjRB1+4=';

interface Answer {
	status?: number;
	body?: unknown;
}

interface StubOptions {
	headers?: Record<string, string | string[]>;
	staticData?: IDataObject;
	options?: IDataObject;
	eventsOrder?: string;
	rawBody?: Buffer | undefined;
}

let workflowCount = 0;

/**
 * The fixtures' events happened on 2024-10-24 between 10:00 and 12:00 (UTC); the trigger refuses
 * events older than its Max Event Age, so these tests run at 10:30 that day.
 */
beforeEach(() => {
	jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2024-10-24T10:30:00Z'));
});
afterEach(() => {
	jest.restoreAllMocks();
});

/** An IWebhookFunctions over one request, recording what the node answers itself. */
function webhookContext(body: string, stub: StubOptions = {}) {
	const answer: Answer = {};
	const res = {
		status(code: number) {
			answer.status = code;
			return res;
		},
		json(value: unknown) {
			answer.body = value;
			return res;
		},
	};
	let parsed: unknown;
	try {
		parsed = JSON.parse(body);
	} catch {
		parsed = {};
	}
	const req = {
		headers: stub.headers ?? {},
		body: parsed,
		rawBody: 'rawBody' in stub ? stub.rawBody : Buffer.from(body, 'utf8'),
		readRawBody: jest.fn(async () => undefined),
	};
	const staticData = stub.staticData ?? {
		hookId: 3,
		secret: SECRET,
		webhookUrl: 'http://n8n.local/webhook/x/webhook',
	};
	const logger = { warn: jest.fn(), info: jest.fn(), debug: jest.fn(), error: jest.fn() };
	// A workflow of its own per context: the trigger remembers deliveries per workflow.
	const workflow = { id: `wf-unit-${++workflowCount}` };
	const ctx = {
		getWorkflow: () => workflow,
		getNode: () => ({ id: 'trigger-node', name: 'Maatoo Trigger' }),
		getNodeWebhookUrl: () => undefined,
		logger,
		getRequestObject: () => req,
		getResponseObject: () => res,
		getHeaderData: () => req.headers,
		getBodyData: () => req.body,
		getWorkflowStaticData: () => staticData,
		getNodeParameter: (name: string, fallback?: unknown) => {
			if (name === 'options') return stub.options ?? {};
			if (name === 'eventsOrder') return stub.eventsOrder ?? 'ASC';
			return fallback;
		},
	} as unknown as IWebhookFunctions;
	return { ctx, answer, req };
}

const trigger = new MaatooTrigger();

async function deliver(body: string, stub: StubOptions = {}) {
	const { ctx, answer, req } = webhookContext(body, stub);
	const response = await trigger.webhook.call(ctx);
	const items = (response.workflowData?.[0] ?? []).map((item) => item.json);
	return { response, answer, items, req };
}

const signed = (body: string, secret = SECRET) => ({
	'webhook-signature': signWebhookBody(body, secret) as string,
});

/** A webhook contact as Mautic serialises it (groups, no fields.all). */
function webhookContact(id: number, firstname: string, extra: IDataObject = {}) {
	return {
		isPublished: true,
		id,
		points: 3,
		fields: {
			core: {
				firstname: {
					id: '2',
					label: 'First Name',
					alias: 'firstname',
					type: 'text',
					group: 'core',
					value: firstname,
				},
				email: {
					id: '6',
					label: 'Email',
					alias: 'email',
					type: 'email',
					group: 'core',
					value: `c${id}@example.com`,
				},
				website: {
					id: '19',
					label: 'Website',
					alias: 'website',
					type: 'url',
					group: 'core',
					value: 'https://example.com/p',
				},
			},
			social: [],
			personal: [],
			professional: [],
		},
		tags: [{ id: 1, tag: 'vip/2024' }],
		owner: { id: 1, username: 'admin', firstName: 'Ada', lastName: 'Admin' },
		dateIdentified: '2024-10-24T10:00:00+00:00',
		...extra,
	};
}

/** A queued-mode body: 10 events of three types, in one POST, as PHP encodes it. */
function queuedBody(): string {
	const at = (second: number) => `2024-10-24T10:00:${String(second).padStart(2, '0')}+00:00`;
	return phpJsonEncode({
		'mautic.lead_post_save_new': [1, 2, 3, 4].map((id) => ({
			contact: webhookContact(id, `Zoë ${id}`),
			timestamp: at(id),
		})),
		'mautic.lead_post_save_update': [5, 6, 7].map((id) => ({
			contact: webhookContact(id, `Ünal ${id}`),
			timestamp: at(id),
		})),
		'mautic.lead_points_change': [8, 9, 10].map((id) => ({
			contact: webhookContact(id, 'Ida'),
			points: { old_points: 0, new_points: id },
			timestamp: at(id),
		})),
	}) as string;
}

describe('Webhook-Signature', () => {
	test('is base64 HMAC-SHA256 over the exact PHP bytes (known answer computed with openssl)', () => {
		expect(webhookSignature(PHP_BODY, SECRET)).toBe(PHP_BODY_SIGNATURE);
		expect(webhookSignature(Buffer.from(PHP_BODY, 'utf8'), SECRET)).toBe(PHP_BODY_SIGNATURE);
		expect(isValidSignature(Buffer.from(PHP_BODY), PHP_BODY_SIGNATURE, SECRET)).toBe(true);
	});

	test('matches the fake Mautic signer on a PHP-encoded body with escapes', () => {
		const body = queuedBody();
		expect(body).toContain('\\/');
		expect(body).toContain('\\u00eb');
		expect(webhookSignature(body, 'other-secret')).toBe(signWebhookBody(body, 'other-secret'));
	});

	test('a signature over the body re-encoded by JavaScript does not match', () => {
		const reEncoded = JSON.stringify(JSON.parse(PHP_BODY));
		expect(reEncoded).not.toBe(PHP_BODY);
		expect(
			isValidSignature(Buffer.from(PHP_BODY), webhookSignature(reEncoded, SECRET), SECRET),
		).toBe(false);
	});

	test('rejects wrong, truncated, missing or empty-secret signatures without throwing', () => {
		const raw = Buffer.from(PHP_BODY);
		expect(isValidSignature(raw, webhookSignature(PHP_BODY, 'wrong'), SECRET)).toBe(false);
		expect(isValidSignature(raw, PHP_BODY_SIGNATURE.slice(0, -2), SECRET)).toBe(false);
		expect(isValidSignature(raw, `${PHP_BODY_SIGNATURE}AA`, SECRET)).toBe(false);
		expect(isValidSignature(raw, undefined, SECRET)).toBe(false);
		expect(isValidSignature(raw, '', SECRET)).toBe(false);
		expect(isValidSignature(raw, webhookSignature(PHP_BODY, ''), '')).toBe(false);
		expect(isValidSignature(raw, ` ${PHP_BODY_SIGNATURE}\n`, SECRET)).toBe(true);
	});

	test('compares in constant time (crypto.timingSafeEqual)', () => {
		const compare = timingSafeEqual as jest.MockedFunction<typeof timingSafeEqual>;
		compare.mockClear();
		expect(isValidSignature(Buffer.from(PHP_BODY), PHP_BODY_SIGNATURE, SECRET)).toBe(true);
		expect(isValidSignature(Buffer.from(PHP_BODY), webhookSignature(PHP_BODY, 'x'), SECRET)).toBe(
			false,
		);
		expect(compare).toHaveBeenCalledTimes(2);
	});
});

describe('webhook(): refusing requests', () => {
	test('a missing signature gets 401 and starts no execution', async () => {
		const { response, answer } = await deliver(PHP_BODY);
		expect(answer.status).toBe(401);
		expect(response).toEqual({ noWebhookResponse: true });
	});

	test('a wrong signature, or a tampered body, gets 401', async () => {
		const wrong = await deliver(PHP_BODY, { headers: signed(PHP_BODY, 'guessed') });
		expect(wrong.answer.status).toBe(401);
		expect(wrong.response.workflowData).toBeUndefined();

		const tampered = PHP_BODY.replace('"id":7', '"id":8');
		const forged = await deliver(tampered, {
			headers: { 'webhook-signature': PHP_BODY_SIGNATURE },
		});
		expect(forged.answer.status).toBe(401);
		expect(forged.items).toHaveLength(0);
	});

	test('a request signed over a re-encoded body (not the bytes sent) gets 401', async () => {
		const signature = webhookSignature(JSON.stringify(JSON.parse(PHP_BODY)), SECRET);
		const { answer } = await deliver(PHP_BODY, { headers: { 'webhook-signature': signature } });
		expect(answer.status).toBe(401);
	});

	test('without a known secret nothing is accepted, not even a signature over an empty secret', async () => {
		const { answer } = await deliver(PHP_BODY, { headers: signed(PHP_BODY, ''), staticData: {} });
		expect(answer.status).toBe(401);
	});

	test('without the raw bytes the signature cannot be checked: 401', async () => {
		const { answer } = await deliver(PHP_BODY, {
			headers: { 'webhook-signature': PHP_BODY_SIGNATURE },
			rawBody: undefined,
		});
		expect(answer.status).toBe(401);
	});

	test('a correctly signed body that is not a JSON object gets 400 and starts nothing', async () => {
		for (const body of ['not json', '[1,2]', '"text"']) {
			const { answer, response } = await deliver(body, { headers: signed(body) });
			expect(answer.status).toBe(400);
			expect(response).toEqual({ noWebhookResponse: true });
		}
	});
});

describe('webhook(): accepted requests', () => {
	test('the PHP body verifies and gives one simplified item', async () => {
		const { items, answer } = await deliver(PHP_BODY, {
			headers: { 'webhook-signature': PHP_BODY_SIGNATURE },
		});
		expect(answer.status).toBeUndefined();
		expect(items).toEqual([
			{
				event: 'mautic.lead_post_save_update',
				timestamp: '2024-10-24T10:00:00+00:00',
				contact: {
					id: 7,
					firstname: 'Jörg',
					website: 'https://example.com/a',
					points: 0,
					tags: ['vip/2024'],
				},
			},
		]);
	});

	test('a queued POST with 10 events of three types gives 10 items, in time order', async () => {
		const body = queuedBody();
		const { items } = await deliver(body, { headers: signed(body) });
		expect(items).toHaveLength(10);
		expect(items.map((item) => (item.contact as IDataObject).id)).toEqual([
			1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
		]);
		expect(items.map((item) => item.event)).toEqual([
			...Array(4).fill('mautic.lead_post_save_new'),
			...Array(3).fill('mautic.lead_post_save_update'),
			...Array(3).fill('mautic.lead_points_change'),
		]);
		expect(items[0]).toMatchObject({
			timestamp: '2024-10-24T10:00:01+00:00',
			contact: {
				id: 1,
				firstname: 'Zoë 1',
				email: 'c1@example.com',
				website: 'https://example.com/p',
				tags: ['vip/2024'],
				owner: 'Ada Admin',
				ownerId: 1,
			},
		});
		expect(items[9]).toMatchObject({ points: { old_points: 0, new_points: 10 } });
		expect(JSON.stringify(items)).not.toContain(SECRET);
	});

	test('with Newest First the items of one request come newest first', async () => {
		const body = queuedBody();
		const { items } = await deliver(body, { headers: signed(body), eventsOrder: 'DESC' });
		expect(items.map((item) => (item.contact as IDataObject).id)).toEqual([
			10, 9, 8, 7, 6, 5, 4, 3, 2, 1,
		]);
	});

	test('Simplify off keeps the contact as Mautic sent it', async () => {
		const body = queuedBody();
		const { items } = await deliver(body, { headers: signed(body), options: { simplify: false } });
		expect(items).toHaveLength(10);
		expect((items[0].contact as IDataObject).fields).toBeDefined();
		expect(items[0].contact).toEqual(JSON.parse(body)['mautic.lead_post_save_new'][0].contact);
	});

	test('Whole Payload emits the body as one item', async () => {
		const body = queuedBody();
		const { items } = await deliver(body, {
			headers: signed(body),
			options: { outputMode: 'wholePayload' },
		});
		expect(items).toEqual([JSON.parse(body)]);
	});

	test('Mautic\'s "send test payload" (top-level timestamp, legacy `lead` key) works', async () => {
		const sample = {
			lead: webhookContact(52, 'John'),
			contact: webhookContact(52, 'John'),
			timestamp: '2017-06-19T09:33:59+00:00',
		};
		const body = phpJsonEncode({
			'mautic.lead_post_save_new': [sample],
			'mautic.form_on_submit': [{ submission: { id: 4, form: { id: 1, name: 'Newsletter' } } }],
			timestamp: '2024-10-24T12:00:00+00:00',
		}) as string;
		const { items } = await deliver(body, { headers: signed(body) });
		expect(items).toHaveLength(2);
		expect(items.map((item) => item.event).sort()).toEqual([
			'mautic.form_on_submit',
			'mautic.lead_post_save_new',
		]);
		const submission = items.find((item) => item.event === 'mautic.form_on_submit');
		expect(submission).toMatchObject({
			timestamp: '2024-10-24T12:00:00+00:00',
			submission: { id: 4 },
		});
		const contact = items.find((item) => item.event === 'mautic.lead_post_save_new');
		expect(contact).toMatchObject({
			timestamp: '2017-06-19T09:33:59+00:00',
			contact: { id: 52, firstname: 'John' },
			lead: { id: 52 },
		});
	});

	test('a signature header sent twice is read from its first value', async () => {
		const { items } = await deliver(PHP_BODY, {
			headers: { 'webhook-signature': [PHP_BODY_SIGNATURE, 'x'] },
		});
		expect(items).toHaveLength(1);
	});

	test('a signed body without events answers without starting an execution', async () => {
		const body = '{"timestamp":"2024-10-24T12:00:00+00:00"}';
		const { response } = await deliver(body, { headers: signed(body) });
		expect(response.workflowData).toBeUndefined();
		expect(response.webhookResponse).toEqual({ message: 'No events in the request' });
	});

	test('reads the raw body itself when n8n has not yet', async () => {
		const { ctx, req } = webhookContext(PHP_BODY, {
			headers: { 'webhook-signature': PHP_BODY_SIGNATURE },
			rawBody: undefined,
		});
		req.readRawBody.mockImplementation(async () => {
			(req as { rawBody?: Buffer }).rawBody = Buffer.from(PHP_BODY, 'utf8');
		});
		const response = await trigger.webhook.call(ctx);
		expect(req.readRawBody).toHaveBeenCalled();
		expect(response.workflowData?.[0]).toHaveLength(1);
	});
});

describe('webhook(): the secret and the check switch', () => {
	test('a secret given in the options verifies when the static data has none', async () => {
		const { items } = await deliver(PHP_BODY, {
			headers: { 'webhook-signature': PHP_BODY_SIGNATURE },
			staticData: {},
			options: { secret: SECRET },
		});
		expect(items).toHaveLength(1);
	});

	test('Verify Signature off accepts unsigned requests (hooks managed outside n8n)', async () => {
		const { items, answer } = await deliver(PHP_BODY, {
			staticData: {},
			options: { verifySignature: false },
		});
		expect(answer.status).toBeUndefined();
		expect(items).toHaveLength(1);
	});

	test('Verify Signature on is the default', () => {
		const options = trigger.description.properties.find((property) => property.name === 'options')
			?.options as unknown as IDataObject[];
		expect(options.find((option) => option.name === 'verifySignature')).toMatchObject({
			default: true,
		});
	});
});

describe('webhook(): replays', () => {
	test('the same signed delivery twice starts one execution; the repeat is answered as received', async () => {
		const body = queuedBody();
		const { ctx } = webhookContext(body, { headers: signed(body) });
		const first = await trigger.webhook.call(ctx);
		const again = await trigger.webhook.call(ctx);
		expect(first.workflowData?.[0]).toHaveLength(10);
		expect(again.workflowData).toBeUndefined();
		expect(again.webhookResponse).toEqual({ message: expect.stringMatching(/Already received/) });
	});

	test('a delivery whose newest event is older than Max Event Age gets 403 and starts nothing', async () => {
		(Date.now as jest.Mock).mockReturnValue(Date.parse('2024-10-25T10:00:11Z'));
		const body = queuedBody();
		const { ctx, answer } = webhookContext(body, { headers: signed(body) });
		const response = await trigger.webhook.call(ctx);
		expect(answer.status).toBe(403);
		expect(response).toEqual({ noWebhookResponse: true });
		expect((ctx.logger.warn as jest.Mock).mock.calls[0][0]).toMatch(
			/older than Max Event Age \(1440 minutes\)/,
		);
	});

	test('the window is an option; 0 turns the age check off', async () => {
		(Date.now as jest.Mock).mockReturnValue(Date.parse('2024-10-24T12:00:00Z'));
		const body = queuedBody();
		const outside = await deliver(body, { headers: signed(body), options: { maxEventAge: 60 } });
		expect(outside.answer.status).toBe(403);
		const within = await deliver(body, { headers: signed(body), options: { maxEventAge: 180 } });
		expect(within.items).toHaveLength(10);
		const off = await deliver(body, { headers: signed(body), options: { maxEventAge: 0 } });
		expect(off.items).toHaveLength(10);
	});

	test('a "__proto__" key in a signed event keeps its data, renamed, and touches no prototype', async () => {
		const body =
			'{"mautic.lead_post_save_update":[{"contact":{"id":7,"fields":{"core":{}}},"__proto__":{"polluted":"yes"},"timestamp":"2024-10-24T10:00:00+00:00"}]}';
		const { items } = await deliver(body, { headers: signed(body) });
		expect(items).toHaveLength(1);
		expect(items[0]['[__proto__]']).toEqual({ polluted: 'yes' });
		expect(Object.getPrototypeOf(items[0])).toBe(Object.prototype);
		expect(({} as IDataObject).polluted).toBeUndefined();
	});
});

test('a "__proto__" key beside an existing "[__proto__]" key keeps both values', async () => {
	const body =
		'{"mautic.lead_post_save_update":[{"contact":{"id":7,"fields":{"core":{}}},"[__proto__]":1,"__proto__":{"x":2},"timestamp":"2024-10-24T10:00:00+00:00"}]}';
	const { items } = await deliver(body, { headers: signed(body) });
	expect(items[0]['[__proto__]']).toBe(1);
	expect(items[0]['[__proto__]2']).toEqual({ x: 2 });
});
