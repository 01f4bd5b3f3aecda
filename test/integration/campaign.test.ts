import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { MaatooCampaign } from '../../nodes/MaatooCampaign/MaatooCampaign.node';
import { MEMBERSHIP_CONCURRENCY } from '../../nodes/MaatooCampaign/membership';
import { campaignOperations } from '../../nodes/MaatooCampaign/operations';
import { startFakeMautic } from '../fake-mautic';
import { basicCredential, registerNodeType, runNode } from '../support/maatooRun';
import { note } from '../support/note';
import { mauticApi } from '../support/seed';

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;

registerNodeType('maatooCampaign', new MaatooCampaign());

beforeAll(async () => {
	fake = await startFakeMautic({ version: '5.1.1' });
});

afterAll(async () => fake?.close());
beforeEach(() => {
	fake.clearRequests();
	fake.setConfig({ latencyMs: 0, fault: undefined });
});

const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });

async function run(
	parameters: IDataObject,
	options: { items?: IDataObject[]; continueOnFail?: boolean; expectError?: boolean } = {},
) {
	return await runNode({
		type: 'maatooCampaign',
		credential: basicCredential(fake.url),
		parameters,
		...options,
	});
}

const requestsTo = (method: string, path: RegExp) =>
	fake.requests.filter(
		(request: any) => request.method === method && path.test(String(request.path)),
	);

function campaign(fields: IDataObject = {}) {
	return fake.store.createCampaign({ name: `Welcome ${Math.random()}`, ...fields });
}

function contacts(count: number): number[] {
	return Array.from(
		{ length: count },
		(_, index) => fake.store.createContact({ email: `c${index}-${Math.random()}@example.com` }).id,
	);
}

const details = (item: INodeExecutionData) =>
	(item.error as { description?: string } | undefined)?.description ?? '';

const members = (campaignId: number) =>
	fake.store.campaignMembers.get(campaignId) as Map<number, any>;

describe('Campaign: add contact', () => {
	test('500 contacts in one run all succeed, never more than the stated requests at once', async () => {
		const target = campaign();
		const ids = contacts(500);
		// A little latency per request makes overlapping requests visible to the fake.
		fake.setConfig({ latencyMs: 5 });
		const started = Date.now();
		const { json, items } = await run(
			{ operation: 'addContact', campaignId: byId(target.id), contactId: byId('={{ $json.id }}') },
			{ items: ids.map((id) => ({ id })) },
		);
		const elapsed = Date.now() - started;
		expect(json).toHaveLength(500);
		expect(json.every((row, index) => row.added === true && row.contactId === ids[index])).toBe(
			true,
		);
		expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual(
			ids.map((_, index) => index),
		);
		expect(members(target.id).size).toBe(500);
		const adds = requestsTo('POST', /^\/api\/campaigns\/\d+\/contact\/\d+\/add$/);
		expect(adds).toHaveLength(500);
		const maxInFlight = Math.max(...adds.map((request: any) => request.othersInFlight + 1));
		expect(MEMBERSHIP_CONCURRENCY).toBe(4);
		expect(maxInFlight).toBe(MEMBERSHIP_CONCURRENCY);
		// Reported by the run: `npx jest test/integration/campaign -t 500` prints it.
		note(
			`500 adds: ${elapsed} ms, max in flight ${maxInFlight}, ${adds.length} requests, 5 ms latency each`,
		);
	});

	test('adding a member again changes nothing unless the campaign allows restarts', async () => {
		const fixed = campaign();
		const restartable = campaign({ allowRestart: true });
		const [id] = contacts(1);
		for (const target of [fixed, restartable]) {
			for (let round = 0; round < 2; round++) {
				await run({ operation: 'addContact', campaignId: byId(target.id), contactId: byId(id) });
			}
		}
		expect(members(fixed.id).get(id).rotation).toBe(1);
		expect(members(restartable.id).get(id).rotation).toBe(2);
		// The editor says so next to the parameters.
		const add = campaignOperations.find((operation) => operation.value === 'addContact')!;
		const notices = add.properties.filter((property) => property.type === 'notice');
		expect(notices.map((notice) => notice.displayName).join(' ')).toMatch(
			/allows restarts \(Allow Restart\).*not repeated/,
		);
	});

	test('a missing contact and a missing campaign are told apart; other items go through', async () => {
		const target = campaign();
		const [id] = contacts(1);
		const { json } = await run(
			{
				operation: 'addContact',
				campaignId: byId('={{ $json.campaign }}'),
				contactId: byId('={{ $json.contact }}'),
			},
			{
				items: [
					{ campaign: target.id, contact: 99999 },
					{ campaign: 99999, contact: id },
					{ campaign: target.id, contact: 'abc' },
					{ campaign: target.id, contact: id },
				],
				continueOnFail: true,
			},
		);
		expect(json[0].error).toBe('The contact 99999 does not exist [item 0]');
		expect(json[1].error).toBe('The campaign 99999 does not exist [item 1]');
		expect(json[2].error).toBe('The field "Contact" needs a numeric ID, got "abc" [item 2]');
		expect(json[3]).toEqual({ campaignId: target.id, contactId: id, added: true });
	});

	test('without Continue On Fail the first failed item stops the run', async () => {
		const target = campaign();
		const ids = contacts(3);
		const { result } = await run(
			{ operation: 'addContact', campaignId: byId(target.id), contactId: byId('={{ $json.id }}') },
			{ items: [{ id: ids[0] }, { id: 99999 }, { id: ids[1] }], expectError: true },
		);
		expect(result.status).toBe('error');
		expect(String(result.error?.message)).toBe('The contact 99999 does not exist [item 1]');
	});

	test('a run stopped by one item names the later items that were already sent alongside it', async () => {
		const restartable = campaign({ allowRestart: true });
		const ids = contacts(3);
		const { result } = await run(
			{
				operation: 'addContact',
				campaignId: byId(restartable.id),
				contactId: byId('={{ $json.id }}'),
			},
			{ items: [{ id: 'abc' }, ...ids.map((id) => ({ id }))], expectError: true },
		);
		expect(result.status).toBe('error');
		const error = result.error as { message?: string; description?: string };
		expect(String(error.message)).toBe(
			'The field "Contact" needs a numeric ID, got "abc" [item 0]',
		);
		// Items 1 to 3 were in flight when item 0 failed: they went through, and running the
		// workflow again would restart those contacts in the campaign. The error must say so.
		const added = ids.filter((id) => members(restartable.id).has(id));
		expect(added).toEqual(ids);
		expect(String(error.description)).toContain('items 1, 2 and 3');
	});

	test('a lost answer is repeated only for a campaign that does not allow restarts', async () => {
		const fixed = campaign();
		const restartable = campaign({ allowRestart: true });
		const [id] = contacts(1);
		let lost = 0;
		fake.setConfig({
			fault: (request: any) =>
				/\/contact\/\d+\/add$/.test(request.path) && lost++ % 2 === 0
					? { status: 502, after: true }
					: undefined,
		});
		const ok = await run({
			operation: 'addContact',
			campaignId: byId(fixed.id),
			contactId: byId(id),
		});
		expect(ok.json[0]).toMatchObject({ added: true });
		expect(requestsTo('POST', /\/add$/)).toHaveLength(2);

		fake.clearRequests();
		lost = 0;
		const refused = await run(
			{ operation: 'addContact', campaignId: byId(restartable.id), contactId: byId(id) },
			{ continueOnFail: true },
		);
		expect(requestsTo('POST', /\/add$/)).toHaveLength(1);
		expect(details(refused.items[0])).toContain('Allow Restart');
		// The lost attempt was applied: the contact is a member.
		expect(members(restartable.id).has(id)).toBe(true);
	});
});

describe('Campaign: remove contact', () => {
	test('removes a member, succeeds for a non-member, names a missing contact', async () => {
		const target = campaign();
		const [member, other] = contacts(2);
		await run({ operation: 'addContact', campaignId: byId(target.id), contactId: byId(member) });
		const { json } = await run(
			{
				operation: 'removeContact',
				campaignId: byId(target.id),
				contactId: byId('={{ $json.id }}'),
			},
			{ items: [{ id: member }, { id: other }, { id: 99999 }], continueOnFail: true },
		);
		expect(json[0]).toEqual({ campaignId: target.id, contactId: member, removed: true });
		expect(json[1]).toEqual({ campaignId: target.id, contactId: other, removed: true });
		expect(json[2].error).toBe('The contact 99999 does not exist [item 2]');
		// As Mautic's Remover for a removal by hand: not an exit, no longer "added by hand".
		expect(members(target.id).get(member)).toMatchObject({
			manuallyRemoved: true,
			manuallyAdded: false,
			dateLastExited: null,
		});
	});

	test('is repeated after a lost answer (a second remove changes nothing)', async () => {
		const target = campaign();
		const [id] = contacts(1);
		let calls = 0;
		fake.setConfig({
			fault: (request: any) =>
				/\/remove$/.test(request.path) && calls++ === 0 ? { status: 503, after: true } : undefined,
		});
		await run({ operation: 'addContact', campaignId: byId(target.id), contactId: byId(id) });
		const { json } = await run({
			operation: 'removeContact',
			campaignId: byId(target.id),
			contactId: byId(id),
		});
		expect(json[0]).toMatchObject({ removed: true });
		expect(requestsTo('POST', /\/remove$/)).toHaveLength(2);
	});
});

describe('Campaign: get contacts', () => {
	test('pages through the members in contact order; Limit stops early', async () => {
		const target = campaign();
		const ids = contacts(7);
		for (const id of [...ids].reverse())
			fake.store.campaignMembers.get(target.id).set(id, {
				dateAdded: new Date(),
				manuallyAdded: false,
				manuallyRemoved: false,
				rotation: 1,
				dateLastExited: null,
			});
		const all = await run({
			operation: 'getContacts',
			campaignId: byId(target.id),
			returnAll: true,
			options: { pageSize: 3 },
		});
		expect(all.json.map((row) => row.contactId)).toEqual(ids);
		expect(all.json[0]).toMatchObject({
			campaignId: target.id,
			manuallyAdded: false,
			rotation: 1,
			dateLastExited: null,
		});
		expect(requestsTo('GET', /\/contacts$/).length).toBe(3);
		const some = await run({
			operation: 'getContacts',
			campaignId: byId(target.id),
			returnAll: false,
			limit: 2,
		});
		expect(some.json.map((row) => row.contactId)).toEqual(ids.slice(0, 2));
	});

	test('a missing campaign is named', async () => {
		const { json } = await run(
			{ operation: 'getContacts', campaignId: byId(99999), returnAll: true },
			{ continueOnFail: true },
		);
		expect(json[0].error).toBe('The campaign 99999 does not exist [item 0]');
	});
});

describe('Campaign: get, get many, clone, delete', () => {
	test('get by ID, list and link', async () => {
		const target = campaign({ description: 'hello' });
		for (const locator of [
			byId(target.id),
			{ __rl: true, mode: 'list', value: String(target.id) },
			{ __rl: true, mode: 'url', value: `${fake.url}/s/campaigns/view/${target.id}` },
		]) {
			const { json } = await run({ operation: 'get', campaignId: locator });
			expect(json[0]).toMatchObject({ id: target.id, name: target.name, description: 'hello' });
		}
	});

	test('get many: search and published only', async () => {
		const suffix = Math.random().toString(36).slice(2, 8);
		const on = campaign({ name: `Promo ${suffix} on` });
		campaign({ name: `Promo ${suffix} off`, isPublished: false });
		const searched = await run({
			operation: 'getAll',
			returnAll: true,
			options: { search: suffix },
		});
		expect(searched.json).toHaveLength(2);
		const published = await run({
			operation: 'getAll',
			returnAll: true,
			options: { search: suffix, publishedOnly: true },
		});
		expect(published.json.map((row) => row.id)).toEqual([on.id]);
	});

	test('clone answers the unpublished copy and is not repeated after a lost answer', async () => {
		const target = campaign();
		const { json } = await run({ operation: 'clone', campaignId: byId(target.id) });
		expect(json[0]).toMatchObject({ name: target.name, isPublished: false });
		expect(json[0].id).not.toBe(target.id);
		// Mautic 5.1's API copy has no events and no sources; the editor must not promise them.
		expect(json[0]).toMatchObject({ events: [], lists: [], forms: [] });
		const clone = campaignOperations.find((operation) => operation.value === 'clone')!;
		expect(clone.description).not.toMatch(/with its events/);
		expect(clone.description).toMatch(/without its events and sources/);
		fake.clearRequests();
		fake.setConfig({ fault: () => ({ status: 502, after: true }) });
		const lost = await run(
			{ operation: 'clone', campaignId: byId(target.id) },
			{ continueOnFail: true },
		);
		expect(requestsTo('POST', /\/clone\//)).toHaveLength(1);
		expect(details(lost.items[0])).toContain('second copy');
	});

	test('delete reports the ID; a missing one is named', async () => {
		const target = campaign();
		const { json } = await run(
			{ operation: 'delete', campaignId: byId('={{ $json.id }}') },
			{ items: [{ id: target.id }, { id: target.id }], continueOnFail: true },
		);
		expect(json[0]).toEqual({ id: target.id, deleted: true });
		expect(json[1].error).toBe(`The campaign ${target.id} does not exist [item 1]`);
		expect(fake.store.campaigns.has(target.id)).toBe(false);
	});
});

describe('Campaign: create from JSON', () => {
	const body = (segmentId: number, extra: IDataObject = {}) => ({
		name: 'From JSON',
		lists: [{ id: segmentId }],
		events: [
			{
				id: 'new1',
				name: 'Tag',
				type: 'lead.changetags',
				eventType: 'action',
				order: 1,
				properties: { add_tags: ['welcome'] },
				triggerMode: 'immediate',
			},
		],
		canvasSettings: {
			nodes: [{ id: 'new1', positionX: '1', positionY: '1' }],
			connections: [{ sourceId: 'lists', targetId: 'new1' }],
		},
		...extra,
	});

	test('creates the campaign with its events and canvas', async () => {
		const segment = (await mauticApi(fake.url, 'POST', '/segments/new', { name: 'JSON seg' }))
			.list as IDataObject;
		const { json } = await run({
			operation: 'create',
			campaignJson: JSON.stringify(body(segment.id as number)),
		});
		const created = json[0] as any;
		expect(created.name).toBe('From JSON');
		expect(created.events).toHaveLength(1);
		expect(created.lists.map((list: IDataObject) => list.id)).toEqual([segment.id]);
		expect(created.canvasSettings.nodes[0].id).toBe(String(created.events[0].id));
	});

	test('the JSON of a Get makes a campaign whose canvas shows its own events', async () => {
		const segment = (await mauticApi(fake.url, 'POST', '/segments/new', { name: 'Get seg' }))
			.list as IDataObject;
		const two = body(segment.id as number, {
			events: [
				...body(1).events,
				{ ...body(1).events[0], id: 'new2', name: 'Tag again', order: 2 },
			],
			canvasSettings: {
				nodes: [
					{ id: 'new1', positionX: '1', positionY: '1' },
					{ id: 'new2', positionX: '2', positionY: '2' },
					{ id: 'lists', positionX: '0', positionY: '0' },
				],
				connections: [
					{ sourceId: 'lists', targetId: 'new1', anchors: { source: 'leadsource', target: 'top' } },
					{ sourceId: 'new1', targetId: 'new2', anchors: { source: 'bottom', target: 'top' } },
				],
			},
		});
		const original = (await run({ operation: 'create', campaignJson: JSON.stringify(two) }))
			.json[0] as any;
		const got = (await run({ operation: 'get', campaignId: byId(original.id) })).json[0] as any;
		const { json } = await run({
			operation: 'create',
			campaignJson: JSON.stringify({ ...got, name: 'Copy from a Get' }),
		});
		const copy = json[0] as any;
		const eventIds = copy.events.map((event: IDataObject) => String(event.id));
		expect(eventIds).toHaveLength(2);
		expect(eventIds).not.toContain(String(original.events[0].id));
		const canvas = copy.canvasSettings;
		expect(canvas.nodes.map((node: IDataObject) => node.id).sort()).toEqual(
			[...eventIds, 'lists'].sort(),
		);
		expect(
			canvas.connections.map((connection: IDataObject) => [
				connection.sourceId,
				connection.targetId,
			]),
		).toEqual([
			['lists', eventIds[0]],
			[eventIds[0], eventIds[1]],
		]);
		// The original campaign is untouched.
		expect(fake.store.campaigns.get(original.id).events).toHaveLength(2);
	});

	test('bad bodies are refused before any request, naming the field', async () => {
		const withoutCanvas: IDataObject = body(1);
		delete withoutCanvas.canvasSettings;
		const cases: Array<[string, string]> = [
			['{not json', 'is not valid JSON'],
			['[1, 2]', 'must be a JSON object'],
			[JSON.stringify({ ...body(1), name: ' ' }), 'needs a "name"'],
			[JSON.stringify({ ...body(1), events: [] }), 'needs "events"'],
			[JSON.stringify({ ...body(1), lists: [] }), 'needs "lists" (segments) or "forms"'],
			[JSON.stringify(withoutCanvas), 'needs "canvasSettings"'],
		];
		const { json } = await run(
			{ operation: 'create', campaignJson: '={{ $json.body }}' },
			{ items: cases.map(([text]) => ({ body: text })), continueOnFail: true },
		);
		cases.forEach(([, message], index) => {
			expect(String(json[index].error)).toContain('The field "Campaign (JSON)"');
			expect(String(json[index].error)).toContain(message);
		});
		expect(requestsTo('POST', /\/campaigns\/new$/)).toHaveLength(0);
	});
});
