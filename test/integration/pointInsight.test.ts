import { request } from 'undici';
import type { IDataObject, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';
import { MaatooPointInsight } from '../../nodes/MaatooPointInsight/MaatooPointInsight.node';
import { getPointGroups } from '../../nodes/MaatooPointInsight/methods/pointGroupOptions';
import { searchPointInsights } from '../../nodes/MaatooPointInsight/methods/searchPointInsights';
import { getTextCustomFields } from '../../nodes/MaatooPointInsight/methods/textCustomFields';
import { startFakeMautic } from '../fake-mautic';
import { ADMIN, basicCredential, registerNodeType, runNode } from '../support/maatooRun';
import { mauticApi } from '../support/seed';

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;
let groups: number[];

registerNodeType('maatooPointInsight', new MaatooPointInsight());

beforeAll(async () => {
	fake = await startFakeMautic({ version: '7.0.0' });
	await mauticApi(fake.url, 'POST', '/fields/contact/new', {
		label: 'Main interest',
		alias: 'main_interest',
		type: 'text',
	});
	await mauticApi(fake.url, 'POST', '/fields/contact/new', {
		label: 'Second interest',
		alias: 'second_interest',
		type: 'text',
	});
	await mauticApi(fake.url, 'POST', '/fields/contact/new', {
		label: 'Interest score',
		alias: 'interest_score',
		type: 'number',
	});
	groups = [];
	for (const name of ['Umbrellas', 'Raincoats', 'Boots']) {
		groups.push(
			Number(
				(
					(await mauticApi(fake.url, 'POST', '/points/groups/new', { name }))
						.pointGroup as IDataObject
				).id,
			),
		);
	}
});

afterAll(async () => fake?.close());
beforeEach(() => fake.clearRequests());

const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });

async function run(
	parameters: IDataObject,
	options: { items?: IDataObject[]; continueOnFail?: boolean; url?: string } = {},
) {
	const { url, ...rest } = options;
	return await runNode({
		type: 'maatooPointInsight',
		credential: basicCredential(url ?? fake.url),
		parameters,
		...rest,
	});
}

/** What the multi-select saves: the group IDs as strings. */
const chosen = (...ids: number[]) => ids.map(String);

const createParameters = (overrides: IDataObject = {}): IDataObject => ({
	operation: 'create',
	name: 'Main interest',
	customField: 'main_interest',
	pointGroups: chosen(groups[0], groups[1]),
	...overrides,
});

async function createInsight(body: IDataObject = {}): Promise<IDataObject> {
	const payload = {
		name: 'Seeded',
		customField: 'main_interest',
		pointGroups: [groups[0], groups[1]],
		...body,
	};
	return (await mauticApi(fake.url, 'POST', '/points/insights/new', payload))
		.insight as IDataObject;
}

async function storedInsight(id: number): Promise<IDataObject> {
	return (await mauticApi(fake.url, 'GET', `/points/insights/${id}`)).insight as IDataObject;
}

const requestsTo = (method: string, pathPattern: RegExp) =>
	fake.requests.filter((entry: any) => entry.method === method && pathPattern.test(entry.path));

describe('Point Insight: create', () => {
	test('creates an insight comparing the chosen groups into a text field', async () => {
		const { json } = await run(
			createParameters({ additionalFields: { description: 'Strongest group' } }),
		);
		expect(json[0]).toMatchObject({
			name: 'Main interest',
			description: 'Strongest group',
			category: null,
			insightType: 'compare_point_groups',
			insightAction: 'set_custom_field',
			customField: 'main_interest',
			pointGroups: [groups[0], groups[1]],
		});
		const [sent] = requestsTo('POST', /^\/api\/points\/insights\/new$/);
		expect(sent.body).toEqual({
			name: 'Main interest',
			insightType: 'compare_point_groups',
			insightAction: 'set_custom_field',
			customField: 'main_interest',
			pointGroups: [groups[0], groups[1]],
			description: 'Strongest group',
		});
		expect(await storedInsight(json[0].id as number)).toMatchObject({
			customField: 'main_interest',
			pointGroups: [groups[0], groups[1]],
		});
	});

	test('the created insight works: a group score change writes the winner into the field', async () => {
		const { json } = await run(
			createParameters({
				customField: 'second_interest',
				pointGroups: chosen(groups[1], groups[2]),
			}),
		);
		const contact = (
			await mauticApi(fake.url, 'POST', '/contacts/new', { email: 'insight@example.com' })
		).contact as IDataObject;
		await mauticApi(fake.url, 'POST', `/contacts/${contact.id}/points/groups/${groups[1]}/set/3`);
		await mauticApi(fake.url, 'POST', `/contacts/${contact.id}/points/groups/${groups[2]}/set/8`);
		const stored = (await mauticApi(fake.url, 'GET', `/contacts/${contact.id}`))
			.contact as IDataObject;
		expect(((stored.fields as IDataObject).all as IDataObject).second_interest).toBe(
			`${groups[2]} (Boots)`,
		);
		await mauticApi(fake.url, 'DELETE', `/points/insights/${json[0].id}/delete`);
	});

	test('point groups from an expression: a list of numbers or "1, 2" text', async () => {
		const { json } = await run(createParameters({ pointGroups: '={{ $json.groups }}' }), {
			items: [{ groups: [groups[0], groups[2]] }, { groups: `${groups[1]}, ${groups[2]}` }],
		});
		expect(json.map((insight) => insight.pointGroups)).toEqual([
			[groups[0], groups[2]],
			[groups[1], groups[2]],
		]);
		// One read of the fields and of the groups serves every item of the run.
		expect(requestsTo('GET', /^\/api\/fields\/contact$/)).toHaveLength(1);
		expect(requestsTo('GET', /^\/api\/points\/groups$/)).toHaveLength(1);
	});

	test('a custom field that does not exist is refused before anything is sent', async () => {
		const { json } = await run(createParameters({ customField: '={{ "no_such_field" }}' }), {
			continueOnFail: true,
		});
		expect(json[0].error).toBe('The custom field "no_such_field" does not exist [item 0]');
		expect(requestsTo('POST', /insights/)).toHaveLength(0);
	});

	test('a field that is not a text field is refused', async () => {
		const { json, items } = await run(
			createParameters({ customField: '={{ "interest_score" }}' }),
			{ continueOnFail: true },
		);
		expect(json[0].error).toBe(
			'The custom field "interest_score" is a number field, not a text field [item 0]',
		);
		expect(items[0].error?.description).toContain('Text fields on this instance:');
		expect(items[0].error?.description).toContain('main_interest');
		expect(requestsTo('POST', /insights/)).toHaveLength(0);
	});

	test('an unpublished text field is refused: Mautic would not write into it', async () => {
		fake.store.addField({
			alias: 'retired_interest',
			label: 'Retired interest',
			type: 'text',
			isPublished: false,
		});
		const { json } = await run(createParameters({ customField: '={{ "retired_interest" }}' }), {
			continueOnFail: true,
		});
		expect(json[0].error).toBe('The custom field "retired_interest" is unpublished [item 0]');
		expect(requestsTo('POST', /insights/)).toHaveLength(0);
	});

	test('a point group that does not exist is refused, naming it', async () => {
		const { json, items } = await run(createParameters({ pointGroups: chosen(groups[0], 9999) }), {
			continueOnFail: true,
		});
		expect(json[0].error).toBe('Point group 9999 does not exist [item 0]');
		expect(items[0].error?.description).toContain(`${groups[0]} (Umbrellas)`);
		expect(requestsTo('POST', /insights/)).toHaveLength(0);

		const many = await run(createParameters({ pointGroups: chosen(9998, 9999) }), {
			continueOnFail: true,
		});
		expect(many.json[0].error).toBe('Point groups 9998, 9999 do not exist [item 0]');
	});

	test('fewer than two point groups are refused', async () => {
		const { json } = await run(createParameters({ pointGroups: chosen(groups[0]) }), {
			continueOnFail: true,
		});
		expect(json[0].error).toBe('Choose at least two point groups to compare (got 1) [item 0]');
	});

	test('a point group that is not an ID is refused', async () => {
		const { json } = await run(createParameters({ pointGroups: '={{ ["Umbrellas"] }}' }), {
			continueOnFail: true,
		});
		expect(json[0].error).toBe(
			'The field "Point Groups" needs point group IDs, got "Umbrellas" [item 0]',
		);
	});

	test('Skip Checks sends the values as given, and Mautic stores them', async () => {
		const { json } = await run(
			createParameters({
				customField: '={{ "no_such_field" }}',
				pointGroups: chosen(9999),
				options: { skipChecks: true },
			}),
		);
		expect(json[0]).toMatchObject({ customField: 'no_such_field', pointGroups: [9999] });
		expect(requestsTo('GET', /^\/api\/fields\/contact$/)).toHaveLength(0);
		expect(requestsTo('GET', /^\/api\/points\/groups$/)).toHaveLength(0);
	});
});

describe('Point Insight: get', () => {
	test('returns the full insight', async () => {
		const insight = await createInsight({ name: 'Read me', description: 'details' });
		const { json } = await run({ operation: 'get', pointInsightId: byId(insight.id as number) });
		expect(json).toEqual([insight]);
		const fromList = await run({
			operation: 'get',
			pointInsightId: { __rl: true, mode: 'list', value: String(insight.id) },
		});
		expect(fromList.json).toEqual([insight]);
	});

	test('a missing insight on Mautic 7 is named as missing', async () => {
		const { json } = await run(
			{ operation: 'get', pointInsightId: byId(9999) },
			{ continueOnFail: true },
		);
		expect(json[0].error).toBe('The point insight 9999 does not exist [item 0]');
	});
});

describe('Point Insight: get many', () => {
	let created: IDataObject[];

	beforeAll(async () => {
		for (const insight of await listAll())
			await mauticApi(fake.url, 'DELETE', `/points/insights/${insight.id}/delete`);
		created = [
			await createInsight({ name: 'Listed one' }),
			await createInsight({ name: 'Listed two', pointGroups: [groups[1], groups[2]] }),
			await createInsight({ name: 'Other', customField: 'second_interest' }),
		];
	});

	async function listAll(): Promise<IDataObject[]> {
		return (await mauticApi(fake.url, 'GET', '/points/insights?limit=0')).insights as IDataObject[];
	}

	test('the list has what Mautic lists: ID, name, category, description', async () => {
		const { json } = await run({ operation: 'getAll', returnAll: true });
		expect(json.map((insight) => insight.name)).toEqual(['Listed one', 'Listed two', 'Other']);
		expect(Object.keys(json[0]).sort()).toEqual(['category', 'description', 'id', 'name']);
		expect(requestsTo('GET', /^\/api\/points\/insights\/\d+$/)).toHaveLength(0);
	});

	test('Include Details fetches each insight in full', async () => {
		const { json } = await run({
			operation: 'getAll',
			returnAll: true,
			options: { includeDetails: true },
		});
		expect(json).toEqual(created);
		expect(requestsTo('GET', /^\/api\/points\/insights\/\d+$/)).toHaveLength(3);
	});

	test('a limit and a search', async () => {
		const limited = await run({ operation: 'getAll', returnAll: false, limit: 2 });
		expect(limited.json.map((insight) => insight.name)).toEqual(['Listed one', 'Listed two']);
		const searched = await run({
			operation: 'getAll',
			returnAll: true,
			options: { search: 'listed', includeDetails: true },
		});
		expect(searched.json.map((insight) => insight.pointGroups)).toEqual([
			[groups[0], groups[1]],
			[groups[1], groups[2]],
		]);
	});
});

describe('Point Insight: update (PATCH)', () => {
	test('changes only the fields given', async () => {
		const insight = await createInsight({ name: 'Patch me', description: 'stays' });
		const { json } = await run({
			operation: 'update',
			pointInsightId: byId(insight.id as number),
			updateFields: { name: 'Patched', pointGroups: chosen(groups[0], groups[1], groups[2]) },
		});
		expect(json[0]).toMatchObject({
			id: insight.id,
			name: 'Patched',
			description: 'stays',
			customField: 'main_interest',
			pointGroups: [groups[0], groups[1], groups[2]],
		});
		const [sent] = requestsTo('PATCH', new RegExp(`^/api/points/insights/${insight.id}/edit$`));
		expect(sent.body).toEqual({ name: 'Patched', pointGroups: [groups[0], groups[1], groups[2]] });
	});

	test('checks a new custom field; a name change alone needs no check', async () => {
		const insight = await createInsight({ name: 'Check me' });
		const bad = await run(
			{
				operation: 'update',
				pointInsightId: byId(insight.id as number),
				updateFields: { customField: '={{ "interest_score" }}' },
			},
			{ continueOnFail: true },
		);
		expect(bad.json[0].error).toBe(
			'The custom field "interest_score" is a number field, not a text field [item 0]',
		);
		expect(requestsTo('PATCH', /insights/)).toHaveLength(0);

		fake.clearRequests();
		await run({
			operation: 'update',
			pointInsightId: byId(insight.id as number),
			updateFields: { name: 'Renamed' },
		});
		expect(fake.requests.map((entry: any) => `${entry.method} ${entry.path}`)).toEqual([
			`PATCH /api/points/insights/${insight.id}/edit`,
		]);
	});

	test('a missing group is refused', async () => {
		const insight = await createInsight({ name: 'Groups' });
		const { json } = await run(
			{
				operation: 'update',
				pointInsightId: byId(insight.id as number),
				updateFields: { pointGroups: chosen(groups[0], 9999) },
			},
			{ continueOnFail: true },
		);
		expect(json[0].error).toBe('Point group 9999 does not exist [item 0]');
	});

	test('nothing to change, and a missing insight', async () => {
		const empty = await run(
			{ operation: 'update', pointInsightId: byId(1), updateFields: {} },
			{ continueOnFail: true },
		);
		expect(empty.json[0].error).toBe(
			'The field "Update Fields" is empty: add at least one field to change [item 0]',
		);
		const missing = await run(
			{ operation: 'update', pointInsightId: byId(9999), updateFields: { name: 'x' } },
			{ continueOnFail: true },
		);
		expect(missing.json[0].error).toBe('The point insight 9999 does not exist [item 0]');
	});
});

describe('Point Insight: create or replace (PUT)', () => {
	test('replaces every field of an existing insight', async () => {
		const insight = await createInsight({ name: 'Replace me', description: 'will be cleared' });
		const { json } = await run({
			operation: 'replace',
			pointInsightId: byId(insight.id as number),
			name: 'Replaced',
			customField: 'second_interest',
			pointGroups: chosen(groups[1], groups[2]),
		});
		expect(json[0]).toEqual({
			id: insight.id,
			name: 'Replaced',
			category: null,
			description: null,
			insightType: 'compare_point_groups',
			insightAction: 'set_custom_field',
			customField: 'second_interest',
			pointGroups: [groups[1], groups[2]],
		});
		expect(requestsTo('PUT', new RegExp(`^/api/points/insights/${insight.id}/edit$`))).toHaveLength(
			1,
		);
	});

	test('creates the insight when the ID does not exist', async () => {
		const { json } = await run({
			operation: 'replace',
			pointInsightId: byId(9990),
			name: 'Made by PUT',
			customField: 'main_interest',
			pointGroups: chosen(groups[0], groups[2]),
		});
		expect(json[0]).toMatchObject({ name: 'Made by PUT', pointGroups: [groups[0], groups[2]] });
		const [sent] = requestsTo('PUT', /^\/api\/points\/insights\/9990\/edit$/);
		expect(sent.status).toBe(201);
		expect(await storedInsight(json[0].id as number)).toMatchObject({ name: 'Made by PUT' });
	});

	test('checks the field and groups like Create', async () => {
		const { json } = await run(
			{
				operation: 'replace',
				pointInsightId: byId(1),
				name: 'x',
				customField: '={{ "nope" }}',
				pointGroups: chosen(groups[0], groups[1]),
			},
			{ continueOnFail: true },
		);
		expect(json[0].error).toBe('The custom field "nope" does not exist [item 0]');
		expect(requestsTo('PUT', /insights/)).toHaveLength(0);
	});
});

describe('Point Insight: delete', () => {
	test('deletes the insight and reports its ID', async () => {
		const insight = await createInsight({ name: 'Delete me' });
		const { json } = await run({ operation: 'delete', pointInsightId: byId(insight.id as number) });
		expect(json).toEqual([{ id: insight.id, deleted: true }]);
		await expect(storedInsight(insight.id as number)).rejects.toThrow(/404/);
		const again = await run(
			{ operation: 'delete', pointInsightId: byId(insight.id as number) },
			{ continueOnFail: true },
		);
		expect(again.json[0].error).toBe(`The point insight ${insight.id} does not exist [item 0]`);
	});
});

describe('Point Insight on Mautic 5', () => {
	let old: any;

	beforeAll(async () => {
		old = await startFakeMautic({ version: '5.1.1' });
		await mauticApi(old.url, 'POST', '/fields/contact/new', {
			label: 'Main interest',
			alias: 'main_interest',
			type: 'text',
		});
		for (const name of ['A', 'B']) await mauticApi(old.url, 'POST', '/points/groups/new', { name });
	});
	afterAll(async () => old?.close());
	beforeEach(() => old.clearRequests());

	const VERSION_ERROR = 'Point Insights need Mautic 7 or later; this instance runs 5.1.1 [item 0]';

	test('Get names the version; the router 404 carries none, so it is asked for once', async () => {
		const { json, items } = await run(
			{ operation: 'get', pointInsightId: byId(1) },
			{ url: old.url, continueOnFail: true },
		);
		expect(json[0].error).toBe(VERSION_ERROR);
		expect(items[0].error?.description).toMatch(
			/^Mautic added Point Insights in version 7 \(.+\)\. Upgrade the instance/,
		);
		// A real 5.1's router 404 says "Requested URL not found: …": a missing route, not a missing insight.
		expect(items[0].error?.description).toContain(
			'Mautic has no API route GET /api/points/insights/1 (404)',
		);
		expect(old.requests.map((entry: any) => entry.path)).toEqual([
			'/api/points/insights/1',
			'/api/users/self',
		]);
	});

	test('later items fail without another request', async () => {
		const { json } = await run(
			{ operation: 'delete', pointInsightId: byId(1) },
			{ url: old.url, continueOnFail: true, items: [{}, {}, {}] },
		);
		expect(json.map((item) => item.error)).toEqual([
			VERSION_ERROR,
			VERSION_ERROR.replace('0]', '1]'),
			VERSION_ERROR.replace('0]', '2]'),
		]);
		expect(old.requests).toHaveLength(2);
	});

	test('Create: the checks learn the version, and the error says it plainly', async () => {
		const { json } = await run(
			{ operation: 'create', name: 'x', customField: 'main_interest', pointGroups: ['1', '2'] },
			{ url: old.url, continueOnFail: true },
		);
		expect(json[0].error).toBe(VERSION_ERROR);
		expect(old.requests.some((entry: any) => entry.path === '/api/users/self')).toBe(false);
	});

	test('Create with a wrong field still gets the version error, the real obstacle', async () => {
		const { json } = await run(
			{ operation: 'create', name: 'x', customField: '={{ "nope" }}', pointGroups: ['1', '2'] },
			{ url: old.url, continueOnFail: true },
		);
		expect(json[0].error).toBe(VERSION_ERROR);
	});

	test('Get Many, Update and Create or Replace', async () => {
		for (const parameters of [
			{ operation: 'getAll', returnAll: true },
			{ operation: 'update', pointInsightId: byId(1), updateFields: { name: 'x' } },
			{
				operation: 'replace',
				pointInsightId: byId(1),
				name: 'x',
				customField: 'main_interest',
				pointGroups: ['1', '2'],
				options: { skipChecks: true },
			},
		]) {
			const { json } = await run(parameters, { url: old.url, continueOnFail: true });
			expect(json[0].error).toBe(VERSION_ERROR);
		}
	});

	test('without Continue On Fail the run stops with that error', async () => {
		const { result } = await runNode({
			type: 'maatooPointInsight',
			credential: basicCredential(old.url),
			parameters: { operation: 'get', pointInsightId: byId(1) },
			expectError: true,
		});
		expect(result.error?.message).toBe(VERSION_ERROR);
	});
});

describe('Point Insight on an instance that hides its version', () => {
	test('a 404 for the route still says Point Insights need Mautic 7', async () => {
		const hidden = await startFakeMautic({ version: '' });
		try {
			const { json } = await run(
				{ operation: 'get', pointInsightId: byId(1) },
				{ url: hidden.url, continueOnFail: true },
			);
			expect(json[0].error).toBe(
				'Point Insights need Mautic 7 or later; this instance has no Point Insights API [item 0]',
			);
		} finally {
			await hidden.close();
		}
	});
});

/** A load-options context as n8n gives the dropdowns, sending over HTTP to the fake. */
function loadOptionsContext(url: string): ILoadOptionsFunctions {
	const authorization = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;
	return {
		getNode: () => ({
			id: 'lo',
			name: 'Maatoo',
			type: 'n8n-nodes-maatoo.maatooPointInsight',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
		getNodeParameter: (name: string, fallback?: unknown) =>
			name === 'authentication' ? 'basicAuth' : fallback,
		getCredentials: async () => ({ url, ...ADMIN }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				const query = new URLSearchParams(
					Object.entries(options.qs ?? {}).map(([key, value]): [string, string] => [
						key,
						String(value),
					]),
				);
				const response = await request(`${options.url}?${query.toString()}`, {
					method: options.method as 'GET',
					headers: { ...(options.headers as Record<string, string>), authorization },
				});
				return {
					statusCode: response.statusCode,
					headers: response.headers,
					body: await response.body.text(),
				};
			},
		},
	} as unknown as ILoadOptionsFunctions;
}

describe('Point Insight: dropdowns and search', () => {
	test('the custom field list offers text fields only', async () => {
		const options = await getTextCustomFields.call(loadOptionsContext(fake.url));
		const values = options.map((option) => option.value);
		expect(values).toEqual(
			expect.arrayContaining(['main_interest', 'second_interest', 'firstname']),
		);
		expect(values).not.toContain('interest_score');
		expect(values).not.toContain('email');
		expect(options.find((option) => option.value === 'main_interest')?.name).toBe(
			'Main interest (main_interest)',
		);
	});

	test('the point group list offers every group', async () => {
		const options = await getPointGroups.call(loadOptionsContext(fake.url));
		expect(options).toEqual(
			expect.arrayContaining([
				{ name: `Umbrellas (#${groups[0]})`, value: String(groups[0]) },
				{ name: `Boots (#${groups[2]})`, value: String(groups[2]) },
			]),
		);
	});

	test('the insight search filters by name', async () => {
		const insight = await createInsight({ name: 'Findable insight' });
		const { results } = await searchPointInsights.call(loadOptionsContext(fake.url), 'findable');
		expect(results).toEqual([
			{ name: `Findable insight (#${insight.id})`, value: String(insight.id) },
		]);
	});

	test('the insight search on Mautic 5 says why it finds nothing', async () => {
		const old = await startFakeMautic({ version: '5.1.1' });
		try {
			await expect(searchPointInsights.call(loadOptionsContext(old.url))).rejects.toThrow(
				'Point Insights need Mautic 7 or later; this instance runs 5.1.1',
			);
		} finally {
			await old.close();
		}
	});
});

describe('Point Insight: node description', () => {
	test('type name, display name and operation values are the public contract', () => {
		const { description } = new MaatooPointInsight();
		expect([description.name, description.displayName]).toEqual([
			'maatooPointInsight',
			'Maatoo Point Insight',
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
			'replace:Create or Replace',
			'update:Update',
		]);
	});
});
