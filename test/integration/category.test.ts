import type { IDataObject } from 'n8n-workflow';
import { MaatooCategory } from '../../nodes/MaatooCategory/MaatooCategory.node';
import { searchCategories } from '../../nodes/MaatooCategory/categoryEntity';
import { startFakeMautic } from '../fake-mautic';
import { basicCredential, registerNodeType, runNode } from '../support/maatooRun';
import { loadOptionsContext } from '../support/loadOptions';

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;

registerNodeType('maatooCategory', new MaatooCategory());

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
	options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
) {
	return await runNode({
		type: 'maatooCategory',
		credential: basicCredential(fake.url),
		parameters,
		...options,
	});
}

describe('Category: create, update, get, get many, delete', () => {
	test('create with title, type and extras; the colour goes without #; Mautic makes the alias', async () => {
		const { json } = await run({
			operation: 'create',
			title: 'Product news',
			bundle: 'email',
			additionalFields: { color: '#1A73E8', description: 'Launches' },
		});
		expect(json[0]).toEqual({
			id: json[0].id,
			title: 'Product news',
			alias: 'product-news',
			description: 'Launches',
			color: '1a73e8',
			bundle: 'email',
		});
		expect(requestsTo('POST', '/categories/new')[0].body).toEqual({
			title: 'Product news',
			bundle: 'email',
			color: '1a73e8',
			description: 'Launches',
		});
	});

	test('create: a type Mautic does not know, an empty title and a bad colour are item errors', async () => {
		const { json } = await run(
			{
				operation: 'create',
				title: '={{ $json.title }}',
				bundle: '={{ $json.bundle }}',
				additionalFields: { color: '={{ $json.color }}' },
			},
			{
				items: [
					{ title: 'Texts', bundle: 'sms', color: '' },
					{ title: '', bundle: 'email', color: '' },
					{ title: 'Red', bundle: 'email', color: 'red' },
					{ title: 'Fine', bundle: 'stage', color: '00aa00' },
				],
				continueOnFail: true,
			},
		);
		expect(json[0].error).toBe(
			'Mautic rejected the data: bundle: This value is not valid. [item 0]',
		);
		expect(json[1].error).toBe('Mautic rejected the data: title: A title is required. [item 1]');
		expect(json[2].error).toBe(
			'The field "Additional Fields → Color" needs a colour like #1a73e8, got "red" [item 2]',
		);
		expect(json[3]).toMatchObject({ title: 'Fine', bundle: 'stage', color: '00aa00' });
	});

	test('update changes what is given; the type stays', async () => {
		const category = fake.store.createCategory({ title: 'Old title', bundle: 'form' });
		const { json } = await run({
			operation: 'update',
			categoryId: byId(category.id),
			updateFields: { title: 'New title' },
		});
		expect(json[0]).toMatchObject({ id: category.id, title: 'New title', bundle: 'form' });
		expect(requestsTo('PATCH', `/categories/${category.id}/edit`)[0].body).toEqual({
			title: 'New title',
		});
	});

	test('get, missing category, non-numeric ID', async () => {
		const category = fake.store.createCategory({ title: 'Gettable', bundle: 'page' });
		const { json } = await run(
			{ operation: 'get', categoryId: '={{ $json.c }}' },
			{
				items: [{ c: byId(category.id) }, { c: byId(99999) }, { c: byId('x1') }],
				continueOnFail: true,
			},
		);
		expect(json[0]).toMatchObject({ id: category.id, title: 'Gettable', bundle: 'page' });
		expect(json[1].error).toBe('The category 99999 does not exist [item 1]');
		expect(json[2].error).toBe('The field "Category" needs a numeric ID, got "x1" [item 2]');
	});

	test('get many: all, of one type, searched', async () => {
		fake.store.createCategory({ title: 'Camp one', bundle: 'campaign' });
		fake.store.createCategory({ title: 'Camp two', bundle: 'campaign' });
		const all = await run({ operation: 'getAll', returnAll: true });
		expect(all.json.map((c) => c.id)).toEqual([...fake.store.categories.keys()]);
		const campaigns = await run({
			operation: 'getAll',
			returnAll: true,
			options: { bundle: 'campaign' },
		});
		expect(campaigns.json.map((c) => c.title)).toEqual(['Camp one', 'Camp two']);
		expect(requestsTo('GET', '/categories').at(-1).query.where).toEqual([
			{ col: 'bundle', expr: 'eq', val: 'campaign' },
		]);
		const searched = await run({
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			options: { search: 'two' },
		});
		expect(searched.json.map((c) => c.title)).toEqual(['Camp two']);
	});

	test('delete, then it is missing', async () => {
		const category = fake.store.createCategory({ title: 'Doomed', bundle: 'asset' });
		const { json } = await run({ operation: 'delete', categoryId: byId(category.id) });
		expect(json).toEqual([{ id: category.id, deleted: true }]);
		const again = await run(
			{ operation: 'get', categoryId: byId(category.id) },
			{ continueOnFail: true },
		);
		expect(again.json[0].error).toBe(`The category ${category.id} does not exist [item 0]`);
	});

	test('list search names the type', async () => {
		const category = fake.store.createCategory({ title: 'Zz searchable', bundle: 'segment' });
		const found = await searchCategories.call(
			loadOptionsContext(fake.url, 'maatooCategory'),
			'searchable',
		);
		expect(found.results).toEqual([
			{ name: `Zz searchable [segment] (#${category.id})`, value: String(category.id) },
		]);
	});
});
