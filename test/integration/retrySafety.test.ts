import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { startFakeMautic } from '../fake-mautic';
import type { HarnessCredential } from '../harness';
import { basicCredential, mappedFields, registerNodeType, runNode } from '../support/maatooRun';
import { mauticApi, seedContacts } from '../support/seed';
import { MaatooSegment } from '../../nodes/MaatooSegment/MaatooSegment.node';

/*
 * Retries that are safe, and only those: connection resets and 5xx answers injected by the fake
 * before and after it applied a change, through n8n's real request helpers (Basic and OAuth2).
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;

registerNodeType('maatooSegment', new MaatooSegment());

const oauthCredential = (): HarnessCredential => ({
	id: 'cred-oauth-cc',
	name: 'Fake Mautic (OAuth2, client credentials)',
	type: 'maatooOAuth2Api',
	data: { url: fake.url, grantType: 'clientCredentials', clientId: '1_abc', clientSecret: 'shh' },
});

const CREDENTIALS: Array<[string, () => HarnessCredential]> = [
	['Basic', () => basicCredential(fake.url)],
	['OAuth2', oauthCredential],
];

beforeAll(async () => {
	fake = await startFakeMautic({});
});
afterAll(async () => fake?.close());
beforeEach(() => {
	fake.reset();
	fake.setConfig({ fault: undefined, batchLimit: 200 });
	fake.clearRequests();
});

const apiRequests = (match: (request: any) => boolean = () => true) =>
	fake.requests.filter((request: any) => request.path.startsWith('/api/') && match(request));

/** The first `count` requests matching `match` get `fault`; later ones pass. */
function firstRequests(count: number, match: (request: any) => boolean, fault: IDataObject) {
	let seen = 0;
	return (request: any) => (match(request) && seen++ < count ? fault : undefined);
}

/** What n8n shows under an item's error (n8n keeps only `error` in the item's JSON). */
const details = (item: INodeExecutionData) =>
	(item.error as { description?: string } | undefined)?.description ?? '';

const contactEmails = (prefix: string) =>
	[...fake.store.contacts.values()]
		.map((contact: any) => contact.values.email)
		.filter((email: string) => email?.startsWith(prefix));

describe.each(CREDENTIALS)('lost connections are retried (%s)', (_label, credential) => {
	test('a GET whose connection is reset is asked again and succeeds', async () => {
		const [id] = await seedContacts(fake.url, 1, () => ({
			email: 'reset-get@example.com',
			firstname: 'Reset',
		}));
		fake.setConfig({
			fault: firstRequests(1, (request) => request.path === `/api/contacts/${id}`, { reset: true }),
		});
		const { json } = await runNode({
			type: 'maatooContact',
			credential: credential(),
			parameters: { operation: 'get', contactId: { __rl: true, mode: 'id', value: String(id) } },
		});
		expect(json).toEqual([expect.objectContaining({ id, email: 'reset-get@example.com' })]);
		expect(apiRequests((request) => request.path === `/api/contacts/${id}`)).toHaveLength(2);
	});

	test('an upsert by email whose connection drops after Mautic saved it is sent again: each contact once', async () => {
		fake.setConfig({
			fault: firstRequests(1, (request) => request.path === '/api/contacts/batch/new', {
				reset: true,
				after: true,
			}),
		});
		const items = [0, 1, 2].map((index) => ({
			email: `reset-after-${_label}-${index}@example.com`,
		}));
		const { json } = await runNode({
			type: 'maatooContact',
			credential: credential(),
			items,
			parameters: { operation: 'upsert', fields: mappedFields({ email: '={{ $json.email }}' }) },
		});
		expect(json.map((item) => item.email)).toEqual(items.map((item) => item.email));
		expect(apiRequests((request) => request.path === '/api/contacts/batch/new')).toHaveLength(2);
		expect(contactEmails(`reset-after-${_label}`).sort()).toEqual(
			items.map((item) => item.email).sort(),
		);
	});

	test('a request that keeps failing names the network error and the attempts', async () => {
		fake.setConfig({
			fault: (request: any) => (request.path === '/api/contacts' ? { reset: true } : undefined),
		});
		const { json, items: output } = await runNode({
			type: 'maatooContact',
			credential: credential(),
			continueOnFail: true,
			parameters: { operation: 'getAll', returnAll: false, limit: 5, options: { maxRetries: 2 } },
		});
		expect(json).toHaveLength(1);
		expect(json[0].error).toMatch(/connection was closed before Mautic answered \(ECONNRESET\)/);
		expect(details(output[0])).toMatch(/Sent 3 times/);
		expect(apiRequests((request) => request.path === '/api/contacts')).toHaveLength(3);
	});
});

describe('a 500 on a request that is safe to repeat', () => {
	test('an upsert batch with emails that Mautic saved but answered 500 is sent once more: no false errors', async () => {
		fake.setConfig({
			fault: firstRequests(1, (request) => request.path === '/api/contacts/batch/new', {
				status: 500,
				after: true,
			}),
		});
		const items = Array.from({ length: 200 }, (_, index) => ({
			email: `five-hundred-${index}@example.com`,
		}));
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			continueOnFail: true,
			items,
			parameters: { operation: 'upsert', fields: mappedFields({ email: '={{ $json.email }}' }) },
		});
		expect(json.filter((item) => item.error)).toEqual([]);
		expect(contactEmails('five-hundred-')).toHaveLength(200);
		expect(apiRequests((request) => request.path === '/api/contacts/batch/new')).toHaveLength(2);
	});

	test('a second 500 is the answer: reported, not repeated again', async () => {
		fake.setConfig({
			fault: (request: any) => (request.path === '/api/contacts' ? { status: 500 } : undefined),
		});
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			continueOnFail: true,
			parameters: { operation: 'getAll', returnAll: false, limit: 5, options: { maxRetries: 5 } },
		});
		expect(json[0].error).toMatch(/internal error \(HTTP 500\)/);
		expect(apiRequests((request) => request.path === '/api/contacts')).toHaveLength(2);
	});
});

describe('Create or Replace (PUT) is repeated only for records that exist', () => {
	test('one item, ID missing, answer lost after Mautic created it: one contact, and the error says so', async () => {
		const before = fake.store.contacts.size;
		fake.setConfig({
			fault: firstRequests(1, (request) => request.method === 'PUT', { status: 502, after: true }),
		});
		const { json, items: output } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			continueOnFail: true,
			parameters: {
				operation: 'replace',
				contactId: { __rl: true, mode: 'id', value: '987654' },
				fields: mappedFields({ email: 'put-once@example.com' }),
			},
		});
		expect(fake.store.contacts.size - before).toBe(1);
		expect(apiRequests((request) => request.method === 'PUT')).toHaveLength(1);
		expect(json[0].error).toBeDefined();
		expect(details(output[0])).toMatch(/may have applied this request/);
		expect(details(output[0])).toMatch(/could not be confirmed that this one exists/);
	});

	test('a batch of two missing IDs, answer lost: two contacts, not four', async () => {
		const before = fake.store.contacts.size;
		fake.setConfig({
			fault: firstRequests(1, (request) => request.method === 'PUT', { status: 503, after: true }),
		});
		const { json, items: output } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			continueOnFail: true,
			items: [
				{ id: 888001, email: 'put-batch-1@example.com' },
				{ id: 888002, email: 'put-batch-2@example.com' },
			],
			parameters: {
				operation: 'replace',
				contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				fields: mappedFields({ email: '={{ $json.email }}' }),
			},
		});
		expect(fake.store.contacts.size - before).toBe(2);
		expect(apiRequests((request) => request.method === 'PUT')).toHaveLength(1);
		expect(json).toHaveLength(2);
		for (const item of output) expect(details(item)).toMatch(/may have applied this request/);
	});

	test('a batch of existing IDs, answer lost: checked with one comma-separated `in` and replaced again', async () => {
		const ids = await seedContacts(fake.url, 2, (index) => ({
			email: `put-batch-existing-${index}@example.com`,
			firstname: 'Old',
		}));
		fake.setConfig({
			fault: firstRequests(1, (request) => request.method === 'PUT', { reset: true, after: true }),
		});
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			items: ids.map((id, index) => ({ id, email: `put-batch-existing-${index}@example.com` })),
			parameters: {
				operation: 'replace',
				contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				fields: mappedFields({ email: '={{ $json.email }}', firstname: 'New' }),
			},
		});
		expect(json).toEqual(ids.map((id) => expect.objectContaining({ id, firstname: 'New' })));
		expect(apiRequests((request) => request.method === 'PUT')).toHaveLength(2);
		// The existence check: one list request that a real 5.1 answers (a list value is a 500 there).
		expect(
			apiRequests((request) => request.method === 'GET' && request.path === '/api/contacts'),
		).toHaveLength(1);
	});

	test('an existing contact whose connection dropped after the replace is checked and replaced again', async () => {
		const [id] = await seedContacts(fake.url, 1, () => ({
			email: 'put-existing@example.com',
			firstname: 'Old',
		}));
		fake.setConfig({
			fault: firstRequests(1, (request) => request.method === 'PUT', { reset: true, after: true }),
		});
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			parameters: {
				operation: 'replace',
				contactId: { __rl: true, mode: 'id', value: String(id) },
				fields: mappedFields({ email: 'put-existing@example.com', firstname: 'New' }),
			},
		});
		expect(json[0]).toMatchObject({ id, firstname: 'New' });
		expect(apiRequests((request) => request.method === 'PUT')).toHaveLength(2);
		expect(
			apiRequests((request) => request.method === 'GET' && request.path === `/api/contacts/${id}`),
		).toHaveLength(1);
	});

	test('Segment Create or Replace of a missing ID, answer lost: one segment', async () => {
		const before = fake.store.segments.size;
		fake.setConfig({
			fault: firstRequests(1, (request) => request.method === 'PUT', { status: 500, after: true }),
		});
		const { items: output } = await runNode({
			type: 'maatooSegment',
			credential: basicCredential(fake.url),
			continueOnFail: true,
			parameters: {
				operation: 'replace',
				segmentId: { __rl: true, mode: 'id', value: '4242' },
				name: 'Replaced once',
			},
		});
		expect(fake.store.segments.size - before).toBe(1);
		expect(details(output[0])).toMatch(/may have applied this request/);
	});
});

describe('a delete whose answer was lost', () => {
	test('single: the repeat finds it gone and reports it deleted', async () => {
		const [id] = await seedContacts(fake.url, 1, () => ({ email: 'delete-lost@example.com' }));
		fake.setConfig({
			fault: firstRequests(1, (request) => request.method === 'DELETE', {
				reset: true,
				after: true,
			}),
		});
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			parameters: { operation: 'delete', contactId: { __rl: true, mode: 'id', value: String(id) } },
		});
		expect(json).toEqual([{ id, deleted: true }]);
		expect(apiRequests((request) => request.method === 'DELETE')).toHaveLength(2);
		expect(fake.store.contacts.has(id)).toBe(false);
	});

	test('batch: every contact of the repeated call is reported deleted', async () => {
		const ids = await seedContacts(fake.url, 3, (index) => ({
			email: `delete-batch-${index}@example.com`,
		}));
		fake.setConfig({
			fault: firstRequests(1, (request) => request.method === 'DELETE', {
				status: 502,
				after: true,
			}),
		});
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			items: ids.map((id) => ({ id })),
			parameters: {
				operation: 'delete',
				contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
		});
		expect(json).toEqual(ids.map((id) => ({ id, deleted: true })));
		expect(apiRequests((request) => request.method === 'DELETE')).toHaveLength(2);
	});
});

describe('a delete that failed before reaching Mautic (429): a 404 on the repeat means what it says', () => {
	test('single: an ID that never existed is reported as missing, not deleted', async () => {
		fake.setConfig({
			fault: firstRequests(1, (request) => request.method === 'DELETE', {
				status: 429,
				retryAfter: 0,
			}),
		});
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			continueOnFail: true,
			parameters: { operation: 'delete', contactId: { __rl: true, mode: 'id', value: '999999' } },
		});
		expect(json[0].deleted).toBeUndefined();
		expect(json[0].error).toMatch(/does not exist/);
	});

	test('batch: the missing ID is reported missing, the others deleted', async () => {
		const ids = await seedContacts(fake.url, 2, (index) => ({
			email: `delete-429-${index}@example.com`,
		}));
		fake.setConfig({
			fault: firstRequests(1, (request) => request.method === 'DELETE', {
				status: 429,
				retryAfter: 0,
			}),
		});
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			continueOnFail: true,
			items: [...ids, 999998].map((id) => ({ id })),
			parameters: {
				operation: 'delete',
				contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
		});
		expect(json.slice(0, 2)).toEqual(ids.map((id) => ({ id, deleted: true })));
		expect(json[2].error).toMatch(/does not exist/);
	});
});

describe('an instance with a lower batch limit', () => {
	test('120 contacts with Batch Size 200 against a limit of 50: split to 50 and all written', async () => {
		fake.setConfig({ batchLimit: 50 });
		const items = Array.from({ length: 120 }, (_, index) => ({
			email: `limit-${index}@example.com`,
		}));
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			items,
			parameters: { operation: 'upsert', fields: mappedFields({ email: '={{ $json.email }}' }) },
		});
		expect(json.map((item) => item.email)).toEqual(items.map((item) => item.email));
		expect(contactEmails('limit-')).toHaveLength(120);
		const sizes = apiRequests((request) => request.path === '/api/contacts/batch/new').map(
			(request: any) => request.body.length,
		);
		expect(sizes).toEqual([120, 50, 50, 20]);
	});
});

describe('5,000 upserts through resets and 5xx, before and after apply', () => {
	test('exactly 5,000 contacts, each item reported once', async () => {
		// Batch calls 2, 5, 9, 14 and 20 fail: a reset before and after apply, 500 after, 502 before, 503 after.
		const schedule: Record<number, IDataObject> = {
			2: { reset: true },
			5: { reset: true, after: true },
			9: { status: 500, after: true },
			14: { status: 502 },
			20: { status: 503, after: true },
		};
		let call = 0;
		fake.setConfig({
			fault: (request: any) =>
				request.path === '/api/contacts/batch/new' ? schedule[++call] : undefined,
		});
		const items = Array.from({ length: 5000 }, (_, index) => ({
			email: `bulk-${index}@example.com`,
		}));
		const { json, items: output } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			continueOnFail: true,
			items,
			parameters: {
				operation: 'upsert',
				fields: mappedFields({ email: '={{ $json.email }}' }),
				options: { maxRetries: 3 },
			},
		});
		expect(output.map((item) => (item.pairedItem as { item: number }).item)).toEqual(
			items.map((_, index) => index),
		);
		expect(json.filter((item) => item.error)).toEqual([]);
		const emails = contactEmails('bulk-');
		expect(emails).toHaveLength(5000);
		expect(new Set(emails).size).toBe(5000);
		expect(call).toBe(25 + 5);
	}, 240_000);
});

test('the fake applied the changes the faults say it did (sanity check of the harness)', async () => {
	fake.setConfig({
		fault: firstRequests(1, (request) => request.path === '/api/contacts/new', {
			reset: true,
			after: true,
		}),
	});
	await expect(
		mauticApi(fake.url, 'POST', '/contacts/new', { email: 'sanity@example.com' }),
	).rejects.toThrow();
	expect(contactEmails('sanity@')).toEqual(['sanity@example.com']);
});
