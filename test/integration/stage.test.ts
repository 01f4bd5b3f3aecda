import type { IDataObject } from 'n8n-workflow';
import { MaatooContact } from '../../nodes/MaatooContact/MaatooContact.node';
import { MaatooStage } from '../../nodes/MaatooStage/MaatooStage.node';
import { searchStages } from '../../nodes/shared/stages/stageEntity';
import { startFakeMautic } from '../fake-mautic';
import { basicCredential, registerNodeType, runNode } from '../support/maatooRun';
import { loadOptionsContext } from '../support/loadOptions';
import { mauticApi } from '../support/seed';

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;

registerNodeType('maatooStage', new MaatooStage());
registerNodeType('maatooContact', new MaatooContact());

beforeAll(async () => {
	fake = await startFakeMautic({ version: '5.1.0' });
});
afterAll(async () => fake?.close());
beforeEach(() => fake.clearRequests());

const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });
const requestsTo = (method: string, path: string) =>
	fake.requests.filter((r: any) => r.method === method && r.path === `/api${path}`);

async function run(
	parameters: IDataObject,
	options: { items?: IDataObject[]; continueOnFail?: boolean; type?: string } = {},
) {
	return await runNode({
		type: options.type ?? 'maatooStage',
		credential: basicCredential(fake.url),
		parameters,
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

const newStage = (name: string, weight = 0) => fake.store.createStage({ name, weight });
const newContact = (email: string) => fake.store.createContact({ email });
const stageOf = (contactId: number) => fake.store.contactStages.get(contactId) ?? null;

describe('Stage: create, update, get, get many, delete', () => {
	test('create sends name and the additional fields; Mautic answers the stage', async () => {
		const { json } = await run({
			operation: 'create',
			name: 'Lead',
			additionalFields: { weight: 10, description: 'New leads', isPublished: false },
		});
		expect(json[0]).toMatchObject({
			name: 'Lead',
			weight: 10,
			description: 'New leads',
			isPublished: false,
		});
		expect(requestsTo('POST', '/stages/new')[0].body).toEqual({
			name: 'Lead',
			weight: 10,
			description: 'New leads',
			isPublished: false,
		});
	});

	test('create: an empty name is refused by Mautic and named; a weight that is not whole fails before sending', async () => {
		const { json } = await run(
			{
				operation: 'create',
				name: '={{ $json.name }}',
				additionalFields: { weight: '={{ $json.weight }}' },
			},
			{
				items: [
					{ name: '', weight: 1 },
					{ name: 'X', weight: 1.5 },
					{ name: 'Fine', weight: 2 },
				],
				continueOnFail: true,
			},
		);
		expect(json[0].error).toBe('Mautic rejected the data: name: A name is required. [item 0]');
		expect(json[1].error).toBe(
			'The field "Additional Fields → Weight" needs a whole number, got "1.5" [item 1]',
		);
		expect(json[2]).toMatchObject({ name: 'Fine', weight: 2 });
		expect(requestsTo('POST', '/stages/new')).toHaveLength(2);
	});

	test('update changes only the given fields (PATCH); an empty update fails before sending', async () => {
		const stage = newStage('Prospect', 1);
		const { json } = await run({
			operation: 'update',
			stageId: byId(stage.id),
			updateFields: { name: 'Qualified prospect' },
		});
		expect(json[0]).toMatchObject({ id: stage.id, name: 'Qualified prospect', weight: 1 });
		expect(requestsTo('PATCH', `/stages/${stage.id}/edit`)[0].body).toEqual({
			name: 'Qualified prospect',
		});
		const empty = await run(
			{ operation: 'update', stageId: byId(stage.id), updateFields: {} },
			{ continueOnFail: true },
		);
		expect(empty.json[0].error).toBe(
			'The field "Update Fields" is empty: add at least one field to change [item 0]',
		);
	});

	test('get by ID, list and link (the stage editor page)', async () => {
		const stage = newStage('Customer', 50);
		for (const locator of [
			byId(stage.id),
			{ __rl: true, mode: 'list', value: String(stage.id) },
			{ __rl: true, mode: 'url', value: `${fake.url}/s/stages/edit/${stage.id}` },
		]) {
			const { json } = await run({ operation: 'get', stageId: locator });
			expect(json[0]).toMatchObject({ id: stage.id, name: 'Customer', weight: 50 });
		}
	});

	test('get: a missing stage, a non-numeric ID and a foreign link are item errors', async () => {
		const { json } = await run(
			{ operation: 'get', stageId: '={{ $json.locator }}' },
			{
				items: [
					{ locator: byId(99999) },
					{ locator: byId('abc') },
					{
						locator: {
							__rl: true,
							mode: 'url',
							value: 'https://elsewhere.example/s/stages/edit/1',
						},
					},
				],
				continueOnFail: true,
			},
		);
		expect(json[0].error).toBe('The stage 99999 does not exist [item 0]');
		expect(json[1].error).toBe('The field "Stage" needs a numeric ID, got "abc" [item 1]');
		expect(String(json[2].error)).toMatch(/^The link in "Stage" points to elsewhere\.example/);
	});

	test('get many: all, limited, searched and published only', async () => {
		newStage('Zeta hidden');
		fake.store.stages.get(fake.store.stages.size).isPublished = false;
		const all = await run({ operation: 'getAll', returnAll: true });
		expect(all.json.map((s) => s.id)).toEqual([...fake.store.stages.keys()]);
		const two = await run({ operation: 'getAll', returnAll: false, limit: 2 });
		expect(two.json).toHaveLength(2);
		const searched = await run({
			operation: 'getAll',
			returnAll: true,
			options: { search: 'zeta' },
		});
		expect(searched.json.map((s) => s.name)).toEqual(['Zeta hidden']);
		const published = await run({
			operation: 'getAll',
			returnAll: true,
			options: { publishedOnly: true },
		});
		expect(published.json.some((s) => s.name === 'Zeta hidden')).toBe(false);
		expect(requestsTo('GET', '/stages').at(-1).query).toMatchObject({ published: '1' });
	});

	test('delete answers the ID; a second delete is a missing stage', async () => {
		const stage = newStage('Doomed');
		const { json } = await run({ operation: 'delete', stageId: byId(stage.id) });
		expect(json).toEqual([{ id: stage.id, deleted: true }]);
		const again = await run(
			{ operation: 'delete', stageId: byId(stage.id) },
			{ continueOnFail: true },
		);
		expect(again.json[0].error).toBe(`The stage ${stage.id} does not exist [item 0]`);
	});

	test('list search: name, unpublished marked, link to the stage editor', async () => {
		const stage = newStage('Searchable stage', 3);
		const found = await searchStages.call(
			loadOptionsContext(fake.url, 'maatooStage'),
			'searchable',
		);
		expect(found.results).toEqual([
			{
				name: `Searchable stage (#${stage.id})`,
				value: String(stage.id),
				url: `${fake.url}/s/stages/edit/${stage.id}`,
			},
		]);
	});
});

describe('Stage: add and remove contacts', () => {
	test('add puts the contact in the stage and logs it; several items each get their result', async () => {
		const stage = newStage('Onboarding');
		const a = newContact('stage-a@example.com');
		const b = newContact('stage-b@example.com');
		const { json } = await run(
			{
				operation: 'addContact',
				stageId: byId(stage.id),
				contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
			{ items: [{ id: a.id }, { id: b.id }] },
		);
		expect(json).toEqual([
			{ stageId: stage.id, contactId: a.id, added: true },
			{ stageId: stage.id, contactId: b.id, added: true },
		]);
		expect(stageOf(a.id)).toBe(stage.id);
		expect(stageOf(b.id)).toBe(stage.id);
		const contact = await mauticApi(fake.url, 'GET', `/contacts/${a.id}`);
		expect((contact.contact as any).stage).toMatchObject({ id: stage.id, name: 'Onboarding' });
	});

	test('add by email; a missing contact and a missing stage are named', async () => {
		const stage = newStage('Trial');
		const c = newContact('stage-email@example.com');
		const { json } = await run(
			{ operation: 'addContact', stageId: '={{ $json.stage }}', contactId: '={{ $json.contact }}' },
			{
				items: [
					{
						stage: byId(stage.id),
						contact: { __rl: true, mode: 'email', value: 'stage-email@example.com' },
					},
					{ stage: byId(stage.id), contact: byId(99999) },
					{ stage: byId(88888), contact: byId(c.id) },
				],
				continueOnFail: true,
			},
		);
		expect(json[0]).toEqual({ stageId: stage.id, contactId: c.id, added: true });
		expect(json[1].error).toBe('The contact 99999 does not exist [item 1]');
		expect(json[2].error).toBe('The stage 88888 does not exist [item 2]');
	});

	test('remove takes the contact out only when it is in that stage', async () => {
		const first = newStage('First');
		const second = newStage('Second');
		const inFirst = newContact('in-first@example.com');
		const inSecond = newContact('in-second@example.com');
		fake.store.setContactStage(inFirst.id, first, 'add');
		fake.store.setContactStage(inSecond.id, second, 'add');
		fake.clearRequests();
		const { json } = await run(
			{
				operation: 'removeContact',
				stageId: byId(first.id),
				contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
			{ items: [{ id: inFirst.id }, { id: inSecond.id }] },
		);
		expect(json).toEqual([
			{ stageId: first.id, contactId: inFirst.id, removed: true, currentStageId: null },
			{ stageId: first.id, contactId: inSecond.id, removed: false, currentStageId: second.id },
		]);
		expect(stageOf(inFirst.id)).toBeNull();
		expect(stageOf(inSecond.id)).toBe(second.id);
		expect(requestsTo('POST', `/stages/${first.id}/contact/${inSecond.id}/remove`)).toHaveLength(0);
	});

	test('remove: a missing contact is named', async () => {
		const stage = newStage('Any');
		const { json } = await run(
			{ operation: 'removeContact', stageId: byId(stage.id), contactId: byId(77777) },
			{ continueOnFail: true },
		);
		expect(json[0].error).toBe('The contact 77777 does not exist [item 0]');
	});
});

describe('Contact: Change Stage', () => {
	test('moves the contact through the stage API and records it in the stage history', async () => {
		const from = newStage('Lead', 1);
		const to = newStage('Customer', 9);
		const c = newContact('change-stage@example.com');
		fake.store.setContactStage(c.id, from, 'add');
		fake.clearRequests();
		const { json } = await run(
			{ operation: 'changeStage', contactId: byId(c.id), stageId: byId(to.id) },
			{ type: 'maatooContact' },
		);
		expect(json).toEqual([{ contactId: c.id, stageId: to.id, changed: true }]);
		expect(stageOf(c.id)).toBe(to.id);
		expect(requestsTo('POST', `/stages/${to.id}/contact/${c.id}/add`)).toHaveLength(1);
		const history = await mauticApi(
			fake.url,
			'GET',
			`/stats/lead_stages_change_log?where[0][col]=lead_id&where[0][expr]=eq&where[0][val]=${c.id}`,
		);
		expect((history.stats as any[]).map((row) => row.stage_id)).toEqual([
			String(from.id),
			String(to.id),
		]);
	});

	test('bad input: non-numeric stage, missing stage, missing contact', async () => {
		const stage = newStage('Target');
		const c = newContact('change-bad@example.com');
		const { json } = await run(
			{
				operation: 'changeStage',
				contactId: '={{ $json.contact }}',
				stageId: '={{ $json.stage }}',
			},
			{
				type: 'maatooContact',
				items: [
					{ contact: byId(c.id), stage: byId('first') },
					{ contact: byId(c.id), stage: byId(4242) },
					{ contact: byId(5151), stage: byId(stage.id) },
					{ contact: byId(c.id), stage: byId(stage.id) },
				],
				continueOnFail: true,
			},
		);
		expect(json[0].error).toBe('The field "Stage" needs a numeric ID, got "first" [item 0]');
		expect(json[1].error).toBe('The stage 4242 does not exist [item 1]');
		expect(json[2].error).toBe('The contact 5151 does not exist [item 2]');
		expect(json[3]).toEqual({ contactId: c.id, stageId: stage.id, changed: true });
	});
});
