import type { IDataObject } from 'n8n-workflow';
import { MaatooPointGroup } from '../../nodes/MaatooPointGroup/MaatooPointGroup.node';
import { startFakeMautic } from '../fake-mautic';
import { basicCredential, registerNodeType, runNode } from '../support/maatooRun';
import { mauticApi } from '../support/seed';

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;

registerNodeType('maatooPointGroup', new MaatooPointGroup());

beforeAll(async () => {
	// Point groups are there from Mautic 5 on: test against the oldest version we support.
	fake = await startFakeMautic({ version: '5.1.1' });
});

afterAll(async () => fake?.close());
beforeEach(() => fake.clearRequests());

const credential = () => basicCredential(fake.url);
const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });

async function run(
	parameters: IDataObject,
	options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
) {
	return await runNode({
		type: 'maatooPointGroup',
		credential: credential(),
		parameters,
		...options,
	});
}

async function createGroup(name: string, description?: string): Promise<IDataObject> {
	return (await mauticApi(fake.url, 'POST', '/points/groups/new', { name, description }))
		.pointGroup as IDataObject;
}

async function storedGroup(id: number): Promise<IDataObject> {
	return (await mauticApi(fake.url, 'GET', `/points/groups/${id}`)).pointGroup as IDataObject;
}

const requestsTo = (method: string, path: string) =>
	fake.requests.filter(
		(request: any) => request.method === method && request.path === `/api${path}`,
	);

describe('Point Group: create', () => {
	test('creates a group with name and description', async () => {
		const { json } = await run({
			operation: 'create',
			name: 'Umbrellas',
			additionalFields: { description: 'Rain gear' },
		});
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({
			name: 'Umbrellas',
			description: 'Rain gear',
			isPublished: true,
		});
		expect(typeof json[0].id).toBe('number');
		expect(await storedGroup(json[0].id as number)).toMatchObject({
			name: 'Umbrellas',
			description: 'Rain gear',
		});
		expect(requestsTo('POST', '/points/groups/new')[0].body).toEqual({
			name: 'Umbrellas',
			description: 'Rain gear',
		});
	});

	test('one group per input item, each paired to its item', async () => {
		const { items } = await run(
			{ operation: 'create', name: '={{ $json.group }}' },
			{ items: [{ group: 'Raincoats' }, { group: 'Boots' }] },
		);
		expect(items.map((item) => item.json.name)).toEqual(['Raincoats', 'Boots']);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(requestsTo('POST', '/points/groups/new')).toHaveLength(2);
	});

	test("Mautic's refusal of an empty name names the field", async () => {
		// An expression that yields nothing gets past n8n's own "required" check.
		const { json } = await run(
			{ operation: 'create', name: '={{ $json.missing ?? "" }}' },
			{ continueOnFail: true },
		);
		expect(json[0].error).toBe('Mautic rejected the data: name: A name is required. [item 0]');
	});
});

describe('Point Group: get', () => {
	test('by ID, from the list and by link', async () => {
		const group = await createGroup('Get me', 'for get');
		for (const locator of [
			byId(group.id as number),
			{ __rl: true, mode: 'list', value: String(group.id), cachedResultName: 'Get me' },
			{ __rl: true, mode: 'url', value: `${fake.url}/s/points/groups/edit/${group.id}` },
		]) {
			const { json } = await run({ operation: 'get', pointGroupId: locator });
			expect(json).toEqual([group]);
		}
		expect(requestsTo('GET', `/points/groups/${group.id}`)).toHaveLength(3);
	});

	test('a missing group is named in the error', async () => {
		const { json } = await run(
			{ operation: 'get', pointGroupId: byId(9999) },
			{ continueOnFail: true },
		);
		expect(json[0].error).toBe('The point group 9999 does not exist [item 0]');
	});

	test('an ID that is not a number fails before any request', async () => {
		const { json } = await run(
			{ operation: 'get', pointGroupId: byId('={{ "abc" }}') },
			{ continueOnFail: true },
		);
		expect(json[0].error).toBe('The field "Point Group" needs a numeric ID, got "abc" [item 0]');
		expect(fake.requests).toHaveLength(0);
	});
});

describe('Point Group: get many', () => {
	let names: string[];

	beforeAll(async () => {
		for (const name of ['List alpha', 'List beta', 'List gamma'])
			await createGroup(name, `About ${name}`);
		const all = (await mauticApi(fake.url, 'GET', '/points/groups?limit=0'))
			.pointGroups as IDataObject[];
		names = all.map((group) => String(group.name));
	});

	test('Return All reads every group in the server order', async () => {
		const { json } = await run({ operation: 'getAll', returnAll: true });
		expect(json.map((group) => group.name)).toEqual(names);
		expect(names.length).toBeGreaterThanOrEqual(3);
	});

	test('a limit returns that many and asks for no more', async () => {
		const { json } = await run({ operation: 'getAll', returnAll: false, limit: 2 });
		expect(json.map((group) => group.name)).toEqual(names.slice(0, 2));
		expect(requestsTo('GET', '/points/groups')[0].query).toMatchObject({ start: '0', limit: '2' });
	});

	test('search narrows the list', async () => {
		const { json } = await run({
			operation: 'getAll',
			returnAll: true,
			options: { search: 'beta' },
		});
		expect(json.map((group) => group.name)).toEqual(['List beta']);
		expect(requestsTo('GET', '/points/groups')[0].query.search).toBe('beta');
	});

	test('no match gives no items', async () => {
		const { json } = await run({
			operation: 'getAll',
			returnAll: true,
			options: { search: 'no-such-group' },
		});
		expect(json).toEqual([]);
	});
});

describe('Point Group: update', () => {
	test('PATCH changes only the fields given', async () => {
		const group = await createGroup('Before', 'keep me');
		const { json } = await run({
			operation: 'update',
			pointGroupId: byId(group.id as number),
			updateFields: { name: 'After' },
		});
		expect(json[0]).toMatchObject({ id: group.id, name: 'After', description: 'keep me' });
		const [request] = requestsTo('PATCH', `/points/groups/${group.id}/edit`);
		expect(request.body).toEqual({ name: 'After' });
		expect(await storedGroup(group.id as number)).toMatchObject({
			name: 'After',
			description: 'keep me',
		});
	});

	test('the description alone can change', async () => {
		const group = await createGroup('Describe me');
		const { json } = await run({
			operation: 'update',
			pointGroupId: byId(group.id as number),
			updateFields: { description: 'now described' },
		});
		expect(json[0]).toMatchObject({ name: 'Describe me', description: 'now described' });
	});

	test('nothing to change fails before any request', async () => {
		const group = await createGroup('Unchanged');
		fake.clearRequests();
		const { json } = await run(
			{ operation: 'update', pointGroupId: byId(group.id as number), updateFields: {} },
			{ continueOnFail: true },
		);
		expect(json[0].error).toBe(
			'The field "Update Fields" is empty: add at least one field to change [item 0]',
		);
		expect(fake.requests).toHaveLength(0);
	});

	test('a missing group is named in the error', async () => {
		const { json } = await run(
			{ operation: 'update', pointGroupId: byId(9998), updateFields: { name: 'x' } },
			{ continueOnFail: true },
		);
		expect(json[0].error).toBe('The point group 9998 does not exist [item 0]');
	});
});

describe('Point Group: delete', () => {
	test('deletes the group and reports its ID', async () => {
		const group = await createGroup('Delete me');
		const { json } = await run({ operation: 'delete', pointGroupId: byId(group.id as number) });
		expect(json).toEqual([{ id: group.id, deleted: true }]);
		expect(requestsTo('DELETE', `/points/groups/${group.id}/delete`)).toHaveLength(1);
		await expect(storedGroup(group.id as number)).rejects.toThrow(/404/);
	});

	test('deleting a missing group fails that item only', async () => {
		const group = await createGroup('Delete me too');
		const { json } = await run(
			{
				operation: 'delete',
				pointGroupId: '={{ { __rl: true, mode: "id", value: String($json.id) } }}',
			},
			{ items: [{ id: 9997 }, { id: group.id }], continueOnFail: true },
		);
		expect(json[0].error).toBe('The point group 9997 does not exist [item 0]');
		expect(json[1]).toEqual({ id: group.id, deleted: true });
	});
});

describe('Point Group: node description', () => {
	test('type name, display name and operation values are the public contract', () => {
		const { description } = new MaatooPointGroup();
		expect([description.name, description.displayName]).toEqual([
			'maatooPointGroup',
			'Maatoo Point Group',
		]);
		const operation = description.properties.find((property) => property.name === 'operation');
		const values = (operation?.options as Array<{ value: string; name: string }>).map(
			(option) => `${option.value}:${option.name}`,
		);
		expect(values.sort()).toEqual([
			'create:Create',
			'delete:Delete',
			'get:Get',
			'getAll:Get Many',
			'update:Update',
		]);
	});
});
