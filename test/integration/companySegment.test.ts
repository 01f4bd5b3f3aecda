/**
 * Company segments exist from Mautic 7.2 on, so these run on the fake only: the real Mautic of
 * the contract suite is 5.1.0, which has no company segments API (see the contract suite).
 */
import type { IDataObject } from 'n8n-workflow';
import { MaatooCompanySegment } from '../../nodes/MaatooCompanySegment/MaatooCompanySegment.node';
import { startFakeMautic } from '../fake-mautic';
import { basicCredential, registerNodeType, runNode } from '../support/maatooRun';
import { byId } from '../support/companyRun';

registerNodeType('maatooCompanySegment', new MaatooCompanySegment());

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;
let old: any;
let older: any;

beforeAll(async () => {
	[fake, old, older] = await Promise.all([
		startFakeMautic({ version: '7.2.0' }),
		startFakeMautic({ version: '7.1.0' }),
		startFakeMautic({ version: '5.1.0' }),
	]);
});
afterAll(async () => Promise.all([fake, old, older].map((server) => server?.close())));
beforeEach(() => {
	fake.reset();
	fake.clearRequests();
});

const run = (
	parameters: IDataObject,
	options: { items?: IDataObject[]; continueOnFail?: boolean; expectError?: boolean } = {},
	server = fake,
) =>
	runNode({
		type: 'maatooCompanySegment',
		credential: basicCredential(server.url),
		parameters,
		...options,
	});

const requestsTo = (method: string, path: string) =>
	fake.requests.filter((entry: any) => entry.method === method && entry.path === `/api${path}`);

describe('Company Segment (Mautic 7.2+): create, read, change, delete', () => {
	test('Create with filters, Get, Get Many by search, Update, Create or Replace, Delete', async () => {
		const filters = [
			{
				glue: 'and',
				field: 'companycity',
				object: 'company',
				type: 'text',
				operator: '=',
				properties: { filter: 'Bern' },
			},
		];
		const created = await run({
			operation: 'create',
			name: 'Key accounts',
			additionalFields: { description: 'Biggest', filters: JSON.stringify(filters) },
		});
		const segment = created.json[0] as { id: number };
		expect(segment).toMatchObject({
			name: 'Key accounts',
			alias: 'key-accounts',
			publicName: 'Key accounts',
			description: 'Biggest',
			isPublished: true,
			filters,
		});
		expect(
			(await run({ operation: 'get', companySegmentId: byId(segment.id) })).json[0],
		).toMatchObject({ id: segment.id, name: 'Key accounts' });
		await run({ operation: 'create', name: 'Small fish' });
		const found = await run({ operation: 'getAll', returnAll: true, options: { search: 'key' } });
		expect(found.json.map((row) => row.id)).toEqual([segment.id]);
		const updated = await run({
			operation: 'update',
			companySegmentId: byId(segment.id),
			updateFields: { name: 'Key accounts EU' },
		});
		expect(updated.json[0]).toMatchObject({
			name: 'Key accounts EU',
			description: 'Biggest',
			filters,
		});
		const replaced = await run({
			operation: 'replace',
			companySegmentId: byId(segment.id),
			name: 'Replaced',
		});
		expect(replaced.json[0]).toMatchObject({
			id: segment.id,
			name: 'Replaced',
			description: null,
			filters: [],
		});
		const deleted = await run({ operation: 'delete', companySegmentId: byId(segment.id) });
		expect(deleted.json[0]).toEqual({ id: segment.id, deleted: true });
		const missing = await run(
			{ operation: 'get', companySegmentId: byId(segment.id) },
			{ continueOnFail: true },
		);
		expect(missing.json[0].error).toBe(`The company segment ${segment.id} does not exist [item 0]`);
	});

	test('bad input with Continue On Fail: empty name, filters not a list, non-numeric ID', async () => {
		const { json } = await run(
			{
				operation: 'create',
				name: '={{ $json.name }}',
				additionalFields: { filters: '={{ $json.filters }}' },
			},
			{
				continueOnFail: true,
				items: [
					{ name: 'Fine', filters: '[]' },
					{ name: '', filters: '[]' },
					{ name: 'Odd', filters: '{"field":"x"}' },
				],
			},
		);
		expect(json[0]).toMatchObject({ name: 'Fine' });
		expect(json[1].error).toBe('The field "Name" is empty [item 1]');
		expect(json[2].error).toBe('The field "Filters (JSON)" must be a list of filters [item 2]');
		const bad = await run(
			{
				operation: 'get',
				companySegmentId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
			{ continueOnFail: true, items: [{ id: 'seven' }] },
		);
		expect(bad.json[0].error).toMatch(/^The field "Company Segment" .*"seven".*\[item 0\]$/);
	});
});

describe('Company Segment: companies', () => {
	test('Add Company, Remove Company per item; a missing company or segment fails alone', async () => {
		const segment = (await run({ operation: 'create', name: 'Members' })).json[0] as {
			id: number;
			alias: string;
		};
		const co = fake.store.createCompany({ companyname: 'Acme' });
		const { json } = await run(
			{
				operation: 'addCompany',
				companySegmentId: { __rl: true, mode: 'id', value: '={{ $json.segment }}' },
				companyId: { __rl: true, mode: 'id', value: '={{ $json.company }}' },
			},
			{
				continueOnFail: true,
				items: [
					{ segment: String(segment.id), company: String(co.id) },
					{ segment: String(segment.id), company: '999' },
					{ segment: '888', company: String(co.id) },
				],
			},
		);
		expect(json[0]).toEqual({ companySegmentId: segment.id, companyId: co.id, added: true });
		expect(json[1].error).toBe('The company 999 does not exist [item 1]');
		expect(json[2].error).toBe('The company segment 888 does not exist [item 2]');
		expect([...fake.store.companySegmentMembers.get(segment.id)]).toEqual([co.id]);
		const other = fake.store.createCompany({ companyname: 'Not a member' });
		expect(other.id).toBeGreaterThan(co.id);
		const members = await run({
			operation: 'getCompanies',
			companySegmentId: byId(segment.id),
			returnAll: true,
		});
		expect(members.json.map((row) => row.name)).toEqual(['Acme']);
		expect(requestsTo('GET', '/companies').at(-1).query.search).toBe(
			`company-segment:${segment.alias}`,
		);
		const removed = await run({
			operation: 'removeCompany',
			companySegmentId: byId(segment.id),
			companyId: byId(co.id),
		});
		expect(removed.json[0]).toEqual({
			companySegmentId: segment.id,
			companyId: co.id,
			removed: true,
		});
		expect([...fake.store.companySegmentMembers.get(segment.id)]).toEqual([]);
		const none = await run({
			operation: 'getCompanies',
			companySegmentId: byId(segment.id),
			returnAll: true,
		});
		expect(none.json).toEqual([]);
	});

	test('Add Companies: one call per segment and 200 companies, each item reported', async () => {
		const [a, b] = [
			(await run({ operation: 'create', name: 'A' })).json[0],
			(await run({ operation: 'create', name: 'B' })).json[0],
		];
		const ids = Array.from(
			{ length: 250 },
			(_, i) => fake.store.createCompany({ companyname: `C${i}` }).id,
		);
		fake.clearRequests();
		const items = [
			...ids.map((id) => ({ segment: String(a.id), company: String(id) })),
			{ segment: String(b.id), company: String(ids[0]) },
			{ segment: String(b.id), company: '99999' },
		];
		const { json } = await run(
			{
				operation: 'addCompanies',
				companySegmentId: { __rl: true, mode: 'id', value: '={{ $json.segment }}' },
				companyId: { __rl: true, mode: 'id', value: '={{ $json.company }}' },
			},
			{ continueOnFail: true, items },
		);
		expect(json.slice(0, 250).every((row) => row.added === true)).toBe(true);
		expect(json[250]).toEqual({ companySegmentId: b.id, companyId: ids[0], added: true });
		expect(json[251].error).toBe('The company 99999 does not exist [item 251]');
		expect(requestsTo('POST', `/companysegments/${a.id}/companies/add`)).toHaveLength(2);
		expect(requestsTo('POST', `/companysegments/${b.id}/companies/add`)).toHaveLength(1);
		expect(fake.store.companySegmentMembers.get(a.id).size).toBe(250);
	});
});

describe('Company Segment: version gate', () => {
	test.each([
		['7.1.0', () => old],
		['5.1.0', () => older],
	])('on Mautic %s every operation says that 7.2 is needed', async (version, server) => {
		const message = `Company Segments need Mautic 7.2 or later; this instance runs ${version} [item 0]`;
		for (const parameters of [
			{ operation: 'getAll', returnAll: true },
			{ operation: 'create', name: 'x' },
			{ operation: 'delete', companySegmentId: byId(1) },
		]) {
			const { json } = await run(parameters, { continueOnFail: true }, server());
			expect(json[0].error).toBe(message);
		}
		const batch = await run(
			{ operation: 'addCompanies', companySegmentId: byId(1), companyId: byId(1) },
			{ continueOnFail: true, items: [{}, {}] },
			server(),
		);
		expect(batch.json.map((row) => row.error)).toEqual([
			message,
			message.replace('[item 0]', '[item 1]'),
		]);
		expect(
			server().requests.filter((entry: any) => entry.path.startsWith('/api/companysegments')),
		).toHaveLength(3);
	});
});
