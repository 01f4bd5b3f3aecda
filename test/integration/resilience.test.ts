import type { IDataObject } from 'n8n-workflow';
import { startFakeMautic } from '../fake-mautic';
import { basicCredential, mappedFields, runNode } from '../support/maatooRun';
import { seededRandom } from '../support/random';
import { seedContacts } from '../support/seed';

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;

beforeAll(async () => {
	fake = await startFakeMautic({});
});
afterAll(async () => fake?.close());
beforeEach(() => {
	fake.setConfig({ fault: undefined });
	fake.clearRequests();
});

const FAULT_STATUSES = [429, 502, 503, 504];

/**
 * Answers a share of matching requests with a retryable failure; half of those only after the
 * change was applied (the answer is lost, the write is not), and some by dropping the connection.
 */
function faults(
	random: () => number,
	rate: number,
	matches: (request: any) => boolean,
	log: Array<{ after: boolean }>,
) {
	return (request: any) => {
		if (!matches(request) || random() >= rate) return undefined;
		const after = random() < 0.5;
		log.push({ after });
		if (random() < 0.15) return { reset: true, after };
		const status = FAULT_STATUSES[Math.floor(random() * FAULT_STATUSES.length)];
		return { status, after, ...(status === 429 ? { retryAfter: 0 } : {}) };
	};
}

describe('retries under faults: nothing lost, nothing applied twice', () => {
	test('an upsert of 5,000 contacts with 10% of requests failing ends with exactly 5,000 contacts', async () => {
		const injected: Array<{ after: boolean }> = [];
		fake.setConfig({
			fault: faults(seededRandom(7), 0.1, (request) => request.path.startsWith('/api/'), injected),
		});
		const before = fake.store.contacts.size;
		const items = Array.from({ length: 5000 }, (_, index) => ({
			email: `fault${index}@example.com`,
			name: `Fault${index}`,
		}));
		const { json, items: output } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			continueOnFail: true,
			items,
			parameters: {
				operation: 'upsert',
				fields: mappedFields({ email: '={{ $json.email }}', firstname: '={{ $json.name }}' }),
				options: { maxRetries: 5 },
			},
		});
		expect(injected.length).toBeGreaterThan(0);
		expect(injected.some((fault) => fault.after)).toBe(true);
		// Every input item is reported exactly once, in order.
		expect(output.map((item) => (item.pairedItem as { item: number }).item)).toEqual(
			items.map((_, index) => index),
		);
		expect(json.filter((item) => item.error)).toEqual([]);
		// The server holds each contact once: retried batches merged on email.
		const emails = [...fake.store.contacts.values()]
			.map((contact: any) => contact.values.email)
			.filter((email: string) => email?.startsWith('fault'));
		expect(emails).toHaveLength(5000);
		expect(new Set(emails).size).toBe(5000);
		expect(fake.store.contacts.size - before).toBe(5000);
	}, 240_000);

	test('point adjustments are never sent twice: a lost answer is an error on that item', async () => {
		const [contactId] = await seedContacts(fake.url, 1, () => ({
			email: 'points-under-fault@example.com',
		}));
		const injected: Array<{ after: boolean }> = [];
		fake.setConfig({
			fault: faults(
				seededRandom(11),
				0.25,
				(request) => request.path.includes('/points/plus/'),
				injected,
			),
		});
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			continueOnFail: true,
			items: Array.from({ length: 40 }, () => ({})),
			parameters: {
				operation: 'adjustPoints',
				contactId: { __rl: true, mode: 'id', value: String(contactId) },
				pointsOperator: 'plus',
				points: 1,
				options: { maxRetries: 5 },
			},
		});
		fake.setConfig({ fault: undefined });
		const pointRequests = fake.requests.filter((request: any) =>
			request.path.includes('/points/plus/'),
		);
		expect(injected.length).toBeGreaterThan(2);
		expect(pointRequests).toHaveLength(40);
		expect(json).toHaveLength(40);
		const failed = json.filter((item) => item.error).length;
		expect(failed).toBe(injected.length);
		const appliedButReportedFailed = injected.filter((fault) => fault.after).length;
		expect(fake.store.contacts.get(contactId).points).toBe(40 - failed + appliedButReportedFailed);
	}, 120_000);
});

describe('consistent export while contacts are added and deleted', () => {
	async function exportWhileChanging(pagination: string) {
		fake.store.contacts.clear();
		const ids = await seedContacts(fake.url, 300, (index) => ({
			email: `export-${pagination}-${index}@example.com`,
		}));
		const deleted = new Set<number>();
		let created = 0;
		fake.setConfig({
			fault: (request: any) => {
				if (request.method !== 'GET' || request.path !== '/api/contacts') return undefined;
				// Between pages: an early contact disappears and a new one arrives.
				const victim = ids.find((id) => !deleted.has(id));
				if (victim !== undefined) {
					fake.store.contacts.delete(victim);
					deleted.add(victim);
				}
				fake.store.createContact({ email: `export-new-${pagination}-${created++}@example.com` });
				return undefined;
			},
		});
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			parameters: {
				operation: 'getAll',
				returnAll: true,
				options: { pageSize: 50, pagination, orderBy: 'id', orderByDir: 'ASC' },
			},
		});
		fake.setConfig({ fault: undefined });
		const exported = json.map((contact: IDataObject) => Number(contact.id));
		const throughout = ids.filter((id) => !deleted.has(id));
		return { exported, throughout };
	}

	test('by ID: every contact that existed throughout comes exactly once, and nothing twice', async () => {
		const { exported, throughout } = await exportWhileChanging('idCursor');
		expect(new Set(exported).size).toBe(exported.length);
		for (const id of throughout)
			expect(exported.filter((candidate) => candidate === id)).toHaveLength(1);
	});

	test('by offset (the usual paging) the same changes skip contacts: why the ID mode exists', async () => {
		const { exported, throughout } = await exportWhileChanging('offset');
		const missing = throughout.filter((id) => !exported.includes(id));
		expect(missing.length).toBeGreaterThan(0);
	});
});
