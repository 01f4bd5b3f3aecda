import { request } from 'undici';
import type { IDataObject, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';
import { MaatooSegment } from '../../nodes/MaatooSegment/MaatooSegment.node';
import { searchSegments } from '../../nodes/MaatooSegment/methods/searchSegments';
import { getSegmentFilterFields } from '../../nodes/MaatooSegment/methods/segmentFilterFields';
import { startFakeMautic } from '../fake-mautic';
import { ADMIN, basicCredential, registerNodeType, runNode } from '../support/maatooRun';
import { seedContacts } from '../support/seed';

registerNodeType('maatooSegment', new MaatooSegment());

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;
let ids: number[];

beforeAll(async () => {
	fake = await startFakeMautic({});
	fake.store.addUser({
		id: 2,
		username: 'sam',
		password: 'sales-secret',
		firstName: 'Sam',
		lastName: 'Sales',
		isAdmin: false,
	});
	fake.store.addField({ alias: 'shoe_size', label: 'Shoe size', type: 'number' });
	fake.store.addField({ alias: 'newsletter_opt_in', label: 'Newsletter opt-in', type: 'boolean' });
	ids = await seedContacts(fake.url, 40, (index) => ({
		email: `member${index}@example.com`,
		firstname: `Member${index}`,
		lastname: index % 2 ? 'Odd' : 'Even',
		tags: index === 0 ? ['vip'] : [],
	}));
});

afterAll(async () => fake?.close());
beforeEach(() => fake.clearRequests());

const credential = () => basicCredential(fake.url);
const byId = (value: unknown) => ({ __rl: true, mode: 'id', value: String(value) });
const byUrl = (value: string) => ({ __rl: true, mode: 'url', value });
const apiRequests = () => fake.requests.filter((entry: any) => entry.path.startsWith('/api/'));
const isMember = (segmentId: number, contactId: number) =>
	Boolean(fake.store.segmentMembers.get(segmentId)?.has(contactId));

function run(
	parameters: IDataObject,
	options: { items?: IDataObject[]; continueOnFail?: boolean; expectError?: boolean } = {},
) {
	return runNode({ type: 'maatooSegment', credential: credential(), parameters, ...options });
}

function segment(name: string, extra: IDataObject = {}): number {
	return fake.store.createSegment({ name, ...extra }).id as number;
}

describe('Segment: Create', () => {
	test('name, alias, description, flags and UI filters; each filter typed from the instance', async () => {
		const { json } = await run({
			operation: 'create',
			name: 'Berlin shoppers',
			additionalFields: {
				alias: 'berlin-shoppers',
				description: 'From n8n',
				isGlobal: false,
				isPublished: true,
			},
			filterMode: 'fields',
			filters: {
				filter: [
					{ field: 'city', operator: 'eq', value: 'Berlin', glue: 'and' },
					{ field: 'shoe_size', operator: 'gte', value: '42', glue: 'or' },
					{ field: 'companyname', operator: 'in', value: 'Acme, Globex ,', glue: 'and' },
					{ field: 'email', operator: '!empty', value: 'ignored', glue: 'and' },
					{ field: 'newsletter_opt_in', operator: '={{ "=" }}', value: 'yes', glue: 'and' },
				],
			},
		});
		expect(json[0]).toMatchObject({
			name: 'Berlin shoppers',
			alias: 'berlin-shoppers',
			description: 'From n8n',
			isGlobal: false,
			isPublished: true,
		});
		const posts = apiRequests().filter((entry: any) => entry.path === '/api/segments/new');
		expect(posts).toHaveLength(1);
		expect(posts[0].body.filters).toEqual([
			{
				glue: 'and',
				field: 'city',
				object: 'lead',
				type: 'text',
				operator: '=',
				properties: { filter: 'Berlin' },
			},
			{
				glue: 'or',
				field: 'shoe_size',
				object: 'lead',
				type: 'number',
				operator: 'gte',
				properties: { filter: '42' },
			},
			{
				glue: 'and',
				field: 'companyname',
				object: 'company',
				type: 'text',
				operator: 'in',
				properties: { filter: ['Acme', 'Globex'] },
			},
			{
				glue: 'and',
				field: 'email',
				object: 'lead',
				type: 'email',
				operator: '!empty',
				properties: { filter: null },
			},
			{
				glue: 'and',
				field: 'newsletter_opt_in',
				object: 'lead',
				type: 'boolean',
				operator: '=',
				properties: { filter: '1' },
			},
		]);
		expect(posts[0].body).toMatchObject({
			name: 'Berlin shoppers',
			alias: 'berlin-shoppers',
			isGlobal: 0,
			isPublished: 1,
		});
		const stored = fake.store.segments.get(json[0].id);
		expect(stored.filters).toHaveLength(5);
		expect(stored.filters[1]).toMatchObject({ field: 'shoe_size', type: 'number', glue: 'or' });
	});

	test('the fields catalogue is read once per run, not per item', async () => {
		const { json } = await run(
			{
				operation: 'create',
				name: '={{ $json.name }}',
				filters: { filter: [{ field: 'city', operator: 'like', value: '={{ $json.city }}' }] },
			},
			{
				items: [
					{ name: 'City A', city: 'Aachen' },
					{ name: 'City B', city: 'Bonn' },
					{ name: 'City C', city: 'Celle' },
				],
			},
		);
		expect(json.map((row) => row.name)).toEqual(['City A', 'City B', 'City C']);
		expect(fake.countRequests((entry: any) => entry.path === '/api/fields/contact')).toBe(1);
		expect(fake.countRequests((entry: any) => entry.path === '/api/fields/company')).toBe(1);
		expect(fake.countRequests((entry: any) => entry.path === '/api/segments/new')).toBe(3);
	});

	test('no filters: no field lookups, an empty filter list', async () => {
		const { json } = await run({ operation: 'create', name: 'Plain' });
		expect(json[0]).toMatchObject({ name: 'Plain', alias: 'plain', filters: [] });
		expect(apiRequests().map((entry: any) => entry.path)).toEqual(['/api/segments/new']);
	});

	test('JSON mode: legacy "filter" moved into properties, type and object filled in, Mautic-only filters kept', async () => {
		const filtersJson = JSON.stringify([
			{ field: 'lastname', operator: 'like', filter: 'Odd' },
			{ glue: 'or', field: 'companycity', operator: '!=', properties: { filter: 'Paris' } },
			{
				glue: 'and',
				field: 'tags',
				object: 'lead',
				type: 'tags',
				operator: 'in',
				properties: { filter: ['1'] },
			},
		]);
		const { json } = await run({
			operation: 'create',
			name: 'From JSON',
			filterMode: 'json',
			filtersJson,
		});
		const body = apiRequests().find((entry: any) => entry.path === '/api/segments/new').body;
		expect(body.filters).toEqual([
			{
				glue: 'and',
				field: 'lastname',
				object: 'lead',
				type: 'text',
				operator: 'like',
				properties: { filter: 'Odd' },
			},
			{
				glue: 'or',
				field: 'companycity',
				object: 'company',
				type: 'text',
				operator: '!=',
				properties: { filter: 'Paris' },
			},
			{
				glue: 'and',
				field: 'tags',
				object: 'lead',
				type: 'tags',
				operator: 'in',
				properties: { filter: ['1'] },
			},
		]);
		expect(json[0].filters).toHaveLength(3);
	});

	test('bad input fails its own item, naming the field; Continue On Fail keeps the others going', async () => {
		const { json, items } = await run(
			{
				operation: 'create',
				name: '={{ $json.name }}',
				filters: { filter: [{ field: '={{ $json.field }}', operator: 'eq', value: 'x' }] },
			},
			{
				continueOnFail: true,
				items: [
					{ name: 'Good one', field: 'city' },
					{ name: '   ', field: 'city' },
					{ name: 'Unknown field', field: 'favourite_colour' },
					{ name: 'Also good', field: 'companyname' },
				],
			},
		);
		expect(json[0]).toMatchObject({ name: 'Good one' });
		expect(json[1].error).toBe('The field "Name" is empty [item 1]');
		expect(json[2].error).toBe(
			'Filter 1: the field "Field" has "favourite_colour", which is not a contact or company field of this Mautic instance [item 2]',
		);
		expect(json[3]).toMatchObject({ name: 'Also good' });
		expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual([0, 1, 2, 3]);
		expect(fake.countRequests((entry: any) => entry.path === '/api/segments/new')).toBe(2);
	});

	test('JSON mode rejects an unknown operator, an unknown field without a type, bad glue and bad JSON', async () => {
		const cases: Array<[unknown, string]> = [
			[
				[{ field: 'city', operator: 'sounds-like', filter: 'x' }],
				'Filter 1: the field "Operator" has "sounds-like", which is not a Mautic segment operator',
			],
			[
				[
					{ field: 'city', operator: '=' },
					{ field: 'nope', operator: '=' },
				],
				'Filter 2: the field "Field" has "nope", which is not a contact or company field of this Mautic instance',
			],
			[
				[{ field: 'city', operator: '=', glue: 'xor' }],
				'Filter 1: the field "Glue" must be "and" or "or", got "xor"',
			],
			[[{ operator: '=' }], 'Filter 1: the field "Field" is empty'],
			['[{"field": "city",', 'The field "Filters (JSON)" is not valid JSON'],
			['"city"', 'The field "Filters (JSON)" must be a list of filter objects'],
		];
		for (const [filters, message] of cases) {
			const { json } = await run(
				{
					operation: 'create',
					name: 'Bad filters',
					filterMode: 'json',
					filtersJson: typeof filters === 'string' ? filters : JSON.stringify(filters),
				},
				{ continueOnFail: true },
			);
			expect(String(json[0].error)).toContain(message);
			expect(String(json[0].error)).toMatch(/\[item 0\]$/);
		}
		expect(fake.countRequests((entry: any) => entry.path === '/api/segments/new')).toBe(0);
	});

	test('an unknown UI operator is rejected too (e.g. from an expression)', async () => {
		const { result } = await run(
			{
				operation: 'create',
				name: 'X',
				filters: { filter: [{ field: 'city', operator: 'between', value: '1' }] },
			},
			{ expectError: true },
		);
		expect(result.error?.message).toBe(
			'Filter 1: the field "Operator" has "between", which is not a Mautic segment operator [item 0]',
		);
	});

	test('without Continue On Fail an empty name stops the run before any request', async () => {
		const { result } = await run({ operation: 'create', name: '={{ "" }}' }, { expectError: true });
		expect(result.error?.message).toBe('The field "Name" is empty [item 0]');
		expect(apiRequests()).toHaveLength(0);
	});
});

describe('Segment: Get and Get Many', () => {
	let first: number;
	beforeAll(() => {
		first = segment('Aardvark readers', { description: 'first by name' });
		segment('Aardvark writers', { isPublished: false });
	});

	test('Get by ID and by the URL of the segment in Mautic', async () => {
		const { json } = await run({ operation: 'get', segmentId: byId(first) });
		expect(json[0]).toMatchObject({
			id: first,
			name: 'Aardvark readers',
			alias: 'aardvark-readers',
			description: 'first by name',
		});
		const viaUrl = await run({
			operation: 'get',
			segmentId: byUrl(`${fake.url}/s/segments/view/${first}`),
		});
		expect(viaUrl.json[0].id).toBe(first);
		const viaEditUrl = await run({
			operation: 'get',
			segmentId: byUrl(`${fake.url}/s/segments/edit/${first}?tab=filters`),
		});
		expect(viaEditUrl.json[0].id).toBe(first);
	});

	test('a link from another Mautic instance is refused, though the same number exists here', async () => {
		const foreign = await run(
			{ operation: 'get', segmentId: byUrl(`https://other.maatoo.io/s/segments/view/${first}`) },
			{ expectError: true },
		);
		expect(foreign.result.error?.message).toMatch(
			/^The link in "Segment" points to other\.maatoo\.io, not to this credential's Mautic \(127\.0\.0\.1:\d+\) \[item 0\]$/,
		);
		expect(apiRequests()).toEqual([]);
	});

	test('Get: a missing segment, a non-numeric ID and a wrong link are clear errors', async () => {
		const missing = await run({ operation: 'get', segmentId: byId(424242) }, { expectError: true });
		expect(missing.result.error?.message).toBe('The segment 424242 does not exist [item 0]');
		const { json } = await run(
			{ operation: 'get', segmentId: '={{ $json.segment }}' },
			{ continueOnFail: true, items: [{ segment: 'abc' }, { segment: first }] },
		);
		expect(json[0].error).toBe('The field "Segment" needs a numeric ID, got "abc" [item 0]');
		expect(json[1].id).toBe(first);
		const badUrl = await run(
			{ operation: 'get', segmentId: byUrl('={{ "https://x.maatoo.io/s/contacts/view/3" }}') },
			{ expectError: true },
		);
		expect(badUrl.result.error?.message).toBe(
			'The field "Segment" needs a link to it in Mautic, got "https://x.maatoo.io/s/contacts/view/3" [item 0]',
		);
	});

	test('Get Many: Return All reads every page in name order; a limit stops early', async () => {
		const all = await run({ operation: 'getAll', returnAll: true, options: { pageSize: 2 } });
		const names = all.json.map((row) => String(row.name));
		expect(names.length).toBe(fake.store.segments.size);
		expect(names).toEqual(
			[...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
		);
		expect(names[0]).toBe('Aardvark readers');
		fake.clearRequests();
		const limited = await run({
			operation: 'getAll',
			returnAll: false,
			limit: 3,
			options: { pageSize: 2 },
		});
		expect(limited.json).toHaveLength(3);
		expect(fake.countRequests((entry: any) => entry.path === '/api/segments')).toBe(2);
	});

	test('Get Many: search and published only', async () => {
		const found = await run({
			operation: 'getAll',
			returnAll: true,
			options: { search: 'aardvark' },
		});
		expect(found.json.map((row) => row.name)).toEqual(['Aardvark readers', 'Aardvark writers']);
		const published = await run({
			operation: 'getAll',
			returnAll: true,
			options: { search: 'aardvark', publishedOnly: true },
		});
		expect(published.json.map((row) => row.name)).toEqual(['Aardvark readers']);
	});
});

describe('Segment: Update, Create or Replace, Delete', () => {
	const cityFilter = {
		glue: 'and',
		field: 'city',
		object: 'lead',
		type: 'text',
		operator: '=',
		properties: { filter: 'Bern' },
	};

	test('Update (PATCH) changes only what is given and keeps the filters by default', async () => {
		const id = segment('Patch me', { description: 'keep me', filters: [cityFilter] });
		const { json } = await run({
			operation: 'update',
			segmentId: byId(id),
			updateFields: { name: 'Patched', isPublished: false },
		});
		expect(json[0]).toMatchObject({
			id,
			name: 'Patched',
			description: 'keep me',
			isPublished: false,
		});
		expect(json[0].filters).toHaveLength(1);
		const patch = apiRequests().find((entry: any) => entry.method === 'PATCH');
		expect(patch.path).toBe(`/api/segments/${id}/edit`);
		expect(patch.body).toEqual({ name: 'Patched', isPublished: 0 });
	});

	test('Update replaces the filters when given, and clears them with an empty list', async () => {
		const id = segment('Refilter', { filters: [cityFilter] });
		const { json } = await run({
			operation: 'update',
			segmentId: byId(id),
			filterMode: 'fields',
			filters: { filter: [{ field: 'country', operator: 'eq', value: 'Switzerland' }] },
		});
		expect(json[0].filters).toEqual([
			expect.objectContaining({ field: 'country', type: 'country', operator: '=' }),
		]);
		const cleared = await run({
			operation: 'update',
			segmentId: byId(id),
			filterMode: 'json',
			filtersJson: '[]',
		});
		expect(cleared.json[0].filters).toEqual([]);
	});

	test('Update: nothing to change, an emptied name and a missing segment are clear errors', async () => {
		const id = segment('Untouched');
		const nothing = await run(
			{ operation: 'update', segmentId: byId(id), updateFields: {} },
			{ expectError: true },
		);
		expect(nothing.result.error?.message).toBe(
			'The field "Update Fields" is empty: add at least one value, or change the filters [item 0]',
		);
		const { json } = await run(
			{
				operation: 'update',
				segmentId: '={{ $json.segment }}',
				updateFields: { name: '={{ $json.name }}' },
			},
			{
				continueOnFail: true,
				items: [
					{ segment: id, name: ' ' },
					{ segment: 424242, name: 'Ghost' },
					{ segment: id, name: 'Renamed' },
				],
			},
		);
		expect(json[0].error).toBe('The field "Name" is empty [item 0]');
		expect(json[1].error).toBe('The segment 424242 does not exist [item 1]');
		expect(json[2]).toMatchObject({ id, name: 'Renamed' });
		expect(apiRequests().filter((entry: any) => entry.method === 'PATCH')).toHaveLength(2);
	});

	test('Create or Replace (PUT) resets what is not given; a missing ID creates a new segment', async () => {
		const id = segment('Replace me', {
			description: 'old text',
			isGlobal: false,
			filters: [cityFilter],
		});
		const { json } = await run({ operation: 'replace', segmentId: byId(id), name: 'Replaced' });
		expect(json[0]).toMatchObject({
			id,
			name: 'Replaced',
			description: null,
			isGlobal: true,
			filters: [],
		});
		expect(apiRequests().find((entry: any) => entry.method === 'PUT').path).toBe(
			`/api/segments/${id}/edit`,
		);
		const created = await run({
			operation: 'replace',
			segmentId: byId(987654),
			name: 'Born by PUT',
			filters: { filter: [{ field: 'city', operator: 'startsWith', value: 'Ber' }] },
		});
		expect(created.json[0]).toMatchObject({ name: 'Born by PUT' });
		expect(created.json[0].id).not.toBe(987654);
		expect(fake.store.segments.get(created.json[0].id).filters[0]).toMatchObject({
			field: 'city',
			operator: 'startsWith',
		});
		const empty = await run(
			{ operation: 'replace', segmentId: byId(id), name: '={{ $json.missing }}' },
			{ expectError: true },
		);
		expect(empty.result.error?.message).toBe('The field "Name" is empty [item 0]');
	});

	test('Delete reports the deleted ID; deleting again is a clear 404', async () => {
		const id = segment('Doomed');
		const { json } = await run({ operation: 'delete', segmentId: byId(id) });
		expect(json[0]).toEqual({ id, deleted: true, name: 'Doomed', alias: 'doomed' });
		expect(fake.store.segments.has(id)).toBe(false);
		const again = await run({ operation: 'delete', segmentId: byId(id) }, { expectError: true });
		expect(again.result.error?.message).toBe(`The segment ${id} does not exist [item 0]`);
	});
});

describe('Segment: Add Contact and Remove Contact', () => {
	test('one contact per item, by ID, email or link; removing a non-member succeeds', async () => {
		const id = segment('Hand picked');
		const { json } = await run(
			{ operation: 'addContact', segmentId: byId(id), contactId: '={{ $json.contact }}' },
			{
				items: [
					{ contact: { __rl: true, mode: 'id', value: String(ids[0]) } },
					{ contact: { __rl: true, mode: 'email', value: 'member1@example.com' } },
					{ contact: { __rl: true, mode: 'url', value: `${fake.url}/s/contacts/view/${ids[2]}` } },
				],
			},
		);
		expect(json).toEqual(
			[0, 1, 2].map((index) => ({ segmentId: id, contactId: ids[index], added: true })),
		);
		expect([0, 1, 2, 3].map((index) => isMember(id, ids[index]))).toEqual([
			true,
			true,
			true,
			false,
		]);
		const posts = apiRequests().filter((entry: any) => entry.method === 'POST');
		expect(posts.map((entry: any) => entry.path)).toEqual(
			[0, 1, 2].map((index) => `/api/segments/${id}/contact/${ids[index]}/add`),
		);

		const removed = await run(
			{ operation: 'removeContact', segmentId: byId(id), contactId: '={{ $json.contact }}' },
			{ items: [{ contact: ids[1] }, { contact: ids[3] }] },
		);
		expect(removed.json).toEqual([
			{ segmentId: id, contactId: ids[1], removed: true },
			{ segmentId: id, contactId: ids[3], removed: true },
		]);
		expect([0, 1, 2].map((index) => isMember(id, ids[index]))).toEqual([true, false, true]);
	});

	test('a missing contact and a missing segment are named as such; the other items go on', async () => {
		const id = segment('Careful');
		const { json } = await run(
			{
				operation: 'addContact',
				segmentId: '={{ $json.segment }}',
				contactId: '={{ $json.contact }}',
			},
			{
				continueOnFail: true,
				items: [
					{ segment: id, contact: 999999 },
					{ segment: 424242, contact: ids[0] },
					{ segment: id, contact: ids[5] },
					{ segment: id, contact: '' },
				],
			},
		);
		expect(json[0].error).toBe('The contact 999999 does not exist [item 0]');
		expect(json[1].error).toBe('The segment 424242 does not exist [item 1]');
		expect(json[2]).toEqual({ segmentId: id, contactId: ids[5], added: true });
		expect(json[3].error).toBe('The field "Contact" is empty [item 3]');
		expect(isMember(id, ids[5])).toBe(true);
	});

	test('403: an unpublished segment, and a private segment of another user, are explained', async () => {
		const unpublished = segment('Paused', { isPublished: false });
		const private_ = segment('Sam only', { isGlobal: false, createdBy: 2 });
		const mine = segment('Admin only', { isGlobal: false, createdBy: 1 });
		const { json, items } = await run(
			{ operation: 'removeContact', segmentId: '={{ $json.segment }}', contactId: byId(ids[0]) },
			{
				continueOnFail: true,
				items: [{ segment: unpublished }, { segment: private_ }, { segment: mine }],
			},
		);
		expect(json[0].error).toBe(
			`Mautic does not let this user change the contacts of segment ${unpublished} (403) [item 0]`,
		);
		expect(items[0].error?.description).toContain('The segment "Paused" is unpublished');
		expect(json[1].error).toBe(
			`Mautic does not let this user change the contacts of segment ${private_} (403) [item 1]`,
		);
		expect(items[1].error?.description).toContain(
			'only the user who created it (Sam Sales) may add or remove its contacts',
		);
		expect(json[2]).toEqual({ segmentId: mine, contactId: ids[0], removed: true });

		const stop = await run(
			{ operation: 'addContact', segmentId: byId(unpublished), contactId: byId(ids[0]) },
			{ expectError: true },
		);
		expect(stop.result.error?.message).toBe(
			`Mautic does not let this user change the contacts of segment ${unpublished} (403) [item 0]`,
		);
		expect(isMember(unpublished, ids[0])).toBe(false);
	});
});

describe('Segment: Add Contacts (bulk)', () => {
	test('450 items go out in 3 calls of at most 200, and every item gets its own result', async () => {
		const many = await seedContacts(fake.url, 450, (index) => ({
			email: `bulk${index}@example.com`,
		}));
		const id = segment('Bulk');
		fake.clearRequests();
		const { json, items } = await run(
			{ operation: 'addContacts', segmentId: byId(id), contactId: '={{ $json.id }}' },
			{ items: many.map((contactId) => ({ id: contactId })) },
		);
		expect(json).toEqual(many.map((contactId) => ({ segmentId: id, contactId, added: true })));
		expect(items.every((item, index) => (item.pairedItem as { item: number }).item === index)).toBe(
			true,
		);
		const calls = apiRequests();
		expect(calls.map((entry: any) => `${entry.method} ${entry.path}`)).toEqual(
			Array(3).fill(`POST /api/segments/${id}/contacts/add`),
		);
		expect(calls.map((entry: any) => entry.body.ids.length)).toEqual([200, 200, 50]);
		expect(many.every((contactId) => isMember(id, contactId))).toBe(true);
	});

	test('a single item also goes through the bulk endpoint; Batch Size is honoured', async () => {
		const id = segment('Small batches');
		const one = await run({
			operation: 'addContacts',
			segmentId: byId(id),
			contactId: byId(ids[0]),
		});
		expect(one.json).toEqual([{ segmentId: id, contactId: ids[0], added: true }]);
		fake.clearRequests();
		await run(
			{
				operation: 'addContacts',
				segmentId: byId(id),
				contactId: '={{ $json.id }}',
				options: { batchSize: 4 },
			},
			{ items: ids.slice(0, 10).map((contactId) => ({ id: contactId })) },
		);
		expect(apiRequests().map((entry: any) => entry.body.ids.length)).toEqual([4, 4, 2]);
	});

	test('items naming different segments are grouped by segment, results stay in input order', async () => {
		const even = segment('Even bulk');
		const odd = segment('Odd bulk');
		const input = ids
			.slice(0, 8)
			.map((contactId, index) => ({ id: contactId, segment: index % 2 ? odd : even }));
		const { json } = await run(
			{
				operation: 'addContacts',
				segmentId: '={{ $json.segment }}',
				contactId: '={{ $json.id }}',
				options: { batchSize: 3 },
			},
			{ items: input },
		);
		expect(json).toEqual(
			input.map((entry) => ({ segmentId: entry.segment, contactId: entry.id, added: true })),
		);
		expect(apiRequests().map((entry: any) => [entry.path, entry.body.ids])).toEqual([
			[`/api/segments/${even}/contacts/add`, [ids[0], ids[2], ids[4]]],
			[`/api/segments/${even}/contacts/add`, [ids[6]]],
			[`/api/segments/${odd}/contacts/add`, [ids[1], ids[3], ids[5]]],
			[`/api/segments/${odd}/contacts/add`, [ids[7]]],
		]);
		expect(input.every((entry) => isMember(entry.segment, entry.id))).toBe(true);
		expect(isMember(odd, ids[0])).toBe(false);
	});

	test('missing contacts and bad input fail their own items; the others are added', async () => {
		const id = segment('Partly');
		const { json } = await run(
			{ operation: 'addContacts', segmentId: byId(id), contactId: '={{ $json.id }}' },
			{
				continueOnFail: true,
				items: [{ id: ids[10] }, { id: 999999 }, { id: 'x1' }, { id: ids[11] }],
			},
		);
		expect(json[0]).toEqual({ segmentId: id, contactId: ids[10], added: true });
		expect(json[1].error).toBe('The contact 999999 does not exist [item 1]');
		expect(json[2].error).toBe('The field "Contact" needs a numeric ID, got "x1" [item 2]');
		expect(json[3]).toEqual({ segmentId: id, contactId: ids[11], added: true });
		expect(apiRequests().map((entry: any) => entry.body.ids)).toEqual([[ids[10], 999999, ids[11]]]);
	});

	test('without Continue On Fail a missing contact stops the run with the item named, after Mautic applied the rest', async () => {
		const id = segment('Strict');
		const { result } = await run(
			{ operation: 'addContacts', segmentId: byId(id), contactId: '={{ $json.id }}' },
			{ expectError: true, items: [{ id: ids[12] }, { id: 999998 }] },
		);
		expect(result.error?.message).toBe('The contact 999998 does not exist [item 1]');
		expect(isMember(id, ids[12])).toBe(true);
	});

	test('a missing or forbidden segment fails every item of its call, and only those', async () => {
		const open = segment('Open');
		const paused = segment('Paused bulk', { isPublished: false });
		const { json, items } = await run(
			{ operation: 'addContacts', segmentId: '={{ $json.segment }}', contactId: '={{ $json.id }}' },
			{
				continueOnFail: true,
				items: [
					{ segment: 424242, id: ids[0] },
					{ segment: paused, id: ids[1] },
					{ segment: open, id: ids[2] },
					{ segment: 424242, id: ids[3] },
				],
			},
		);
		expect(json[0].error).toBe('The segment 424242 does not exist [item 0]');
		expect(json[3].error).toBe('The segment 424242 does not exist [item 3]');
		expect(json[1].error).toBe(`Mautic denied access to segment ${paused} (403) [item 1]`);
		expect(items[1].error?.description).toContain(
			'published and either global or created by that user',
		);
		expect(json[2]).toEqual({ segmentId: open, contactId: ids[2], added: true });
	});
});

describe('Segment: Get Contacts', () => {
	let id: number;
	beforeAll(() => {
		id = segment('Members');
		for (const contactId of ids.slice(0, 25)) fake.store.addToSegment(id, contactId);
	});

	test('Return All: every member, simplified like the Contact node, in ID order', async () => {
		const { json } = await run({
			operation: 'getContacts',
			segmentId: byId(id),
			returnAll: true,
			options: { pageSize: 10 },
		});
		expect(json.map((contact) => contact.id)).toEqual(ids.slice(0, 25));
		expect(json[0]).toMatchObject({
			id: ids[0],
			email: 'member0@example.com',
			firstname: 'Member0',
			lastname: 'Even',
			tags: ['vip'],
		});
		expect(json[0]).not.toHaveProperty('fields');
		const calls = apiRequests().map((entry: any) => entry.path);
		expect(calls).toEqual([
			`/api/segments/${id}`,
			'/api/contacts',
			'/api/contacts',
			'/api/contacts',
		]);
		expect(apiRequests()[1].query).toMatchObject({
			search: 'segment:members',
			orderBy: 'id',
			orderByDir: 'ASC',
		});
	});

	test('a limit, and the raw contact with Simplify off', async () => {
		const { json } = await run({
			operation: 'getContacts',
			segmentId: byId(id),
			returnAll: false,
			limit: 3,
			simplify: false,
		});
		expect(json).toHaveLength(3);
		expect((json[0].fields as IDataObject).all).toBeDefined();
	});

	test('an empty segment gives no items; a missing segment is a clear error', async () => {
		const empty = segment('Nobody here');
		const { json } = await run({
			operation: 'getContacts',
			segmentId: byId(empty),
			returnAll: true,
		});
		expect(json).toEqual([]);
		const missing = await run(
			{ operation: 'getContacts', segmentId: byId(424242), returnAll: true },
			{ expectError: true },
		);
		expect(missing.result.error?.message).toBe('The segment 424242 does not exist [item 0]');
	});
});

/** A load-options context that answers through the fake over HTTP with Basic auth, as n8n would. */
function loadOptionsContext(): ILoadOptionsFunctions {
	const authorization = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;
	const context = {
		getNode: () => ({
			id: 'lo',
			name: 'Maatoo',
			type: 'n8n-nodes-maatoo.maatooSegment',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
		getNodeParameter: (name: string, fallback?: unknown) =>
			name === 'authentication' ? 'basicAuth' : fallback,
		getCredentials: async () => ({ url: fake.url, ...ADMIN }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				const query = new URLSearchParams(
					Object.entries(options.qs ?? {}).map(
						([key, value]) => [key, String(value)] as [string, string],
					),
				).toString();
				const response = await request(`${options.url}${query ? `?${query}` : ''}`, {
					method: options.method as 'GET',
					headers: { ...(options.headers as Record<string, string>), authorization },
					body: options.body as string | undefined,
				});
				return {
					statusCode: response.statusCode,
					body: await response.body.text(),
					headers: response.headers,
				};
			},
		},
	};
	return context as unknown as ILoadOptionsFunctions;
}

describe('Segment: list search and filter fields', () => {
	test('searchSegments finds by name, links to the segment in Mautic, and pages', async () => {
		const id = segment('Zebra lovers');
		const found = await searchSegments.call(loadOptionsContext(), 'zebra');
		expect(found.results).toEqual([
			{
				name: `Zebra lovers (#${id})`,
				value: String(id),
				url: `${fake.url}/s/segments/view/${id}`,
			},
		]);
		const firstPage = await searchSegments.call(loadOptionsContext());
		expect(firstPage.results).toHaveLength(Math.min(50, fake.store.segments.size));
		const total = fake.store.segments.size;
		expect(firstPage.paginationToken).toBe(total > 50 ? '50' : undefined);
	});

	test('getSegmentFilterFields offers contact and company fields with their types', async () => {
		const options = await getSegmentFilterFields.call(loadOptionsContext());
		expect(options).toEqual(
			expect.arrayContaining([
				{ name: 'Contact: Email (email)', value: 'email', description: 'Type: email' },
				{ name: 'Contact: Shoe size (shoe_size)', value: 'shoe_size', description: 'Type: number' },
				{
					name: 'Company: Company Name (companyname)',
					value: 'companyname',
					description: 'Type: text',
				},
			]),
		);
		const names = options.map((option) => option.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});
});

describe('Segment: node description', () => {
	test('operation values and names are the public contract', () => {
		const operation = new MaatooSegment().description.properties.find(
			(property) => property.name === 'operation',
		);
		const values = (operation?.options as Array<{ value: string; name: string }>).map(
			(option) => `${option.value}:${option.name}`,
		);
		expect(values.sort()).toEqual(
			[
				'addContact:Add Contact',
				'addContacts:Add Contacts',
				'create:Create',
				'delete:Delete',
				'get:Get',
				'getAll:Get Many',
				'getContacts:Get Contacts',
				'removeContact:Remove Contact',
				'replace:Create or Replace',
				'update:Update',
			].sort(),
		);
	});
});
