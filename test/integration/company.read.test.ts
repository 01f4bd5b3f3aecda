import type { IDataObject, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';
import { request } from 'undici';
import { getCompanyFieldMapping } from '../../nodes/MaatooCompany/methods/companyFields';
import { searchCompanies } from '../../nodes/MaatooCompany/methods/searchCompanies';
import { startFakeMautic } from '../fake-mautic';
import { ADMIN, basicCredential, mappedFields, runNode } from '../support/maatooRun';
import { byId, runCompany } from '../support/companyRun';

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;

beforeAll(async () => {
	fake = await startFakeMautic({ version: '5.1.1' });
});
afterAll(async () => fake?.close());
beforeEach(() => {
	fake.reset();
	fake.clearRequests();
});

const run = (
	parameters: IDataObject,
	options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
) => runCompany(basicCredential(fake.url), parameters, options);

const requestsTo = (method: string, path: string) =>
	fake.requests.filter((entry: any) => entry.method === method && entry.path === `/api${path}`);

const contact = (email: string) => fake.store.createContact({ email }).id as number;

describe('Company: Get and Get Many', () => {
	test('Get by ID, simplified and raw; missing and non-numeric IDs fail alone', async () => {
		const a = fake.store.createCompany({ companyname: 'Acme', companycity: 'Bern' });
		const { json } = await run(
			{ operation: 'get', companyId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ continueOnFail: true, items: [{ id: String(a.id) }, { id: '321' }, { id: '1.5' }] },
		);
		expect(json[0]).toMatchObject({ id: a.id, name: 'Acme', companycity: 'Bern', score: 0 });
		expect(json[0]).not.toHaveProperty('fields');
		expect(json[1].error).toBe('The company 321 does not exist [item 1]');
		expect(json[2].error).toMatch(/^The field "Company" .*"1\.5".*\[item 2\]$/);
		const raw = await run({ operation: 'get', companyId: byId(a.id), simplify: false });
		expect(((raw.json[0].fields as IDataObject).all as IDataObject).companyname).toBe('Acme');
	});

	test('Get by the URL of the company page; a link to another instance is refused', async () => {
		const a = fake.store.createCompany({ companyname: 'Linked' });
		const { json } = await run({
			operation: 'get',
			companyId: { __rl: true, mode: 'url', value: `${fake.url}/s/companies/view/${a.id}` },
		});
		expect(json[0].name).toBe('Linked');
		const other = await run(
			{
				operation: 'get',
				companyId: {
					__rl: true,
					mode: 'url',
					value: `https://elsewhere.example/s/companies/view/${a.id}`,
				},
			},
			{ continueOnFail: true },
		);
		expect(other.json[0].error).toMatch(/points to elsewhere\.example/);
	});

	test('Get Many: search, order, limit and Return All with large pages', async () => {
		for (const name of ['Cherry', 'apple', 'Banana', 'Apricot'])
			fake.store.createCompany({ companyname: name });
		const searched = await run({
			operation: 'getAll',
			returnAll: true,
			options: { search: 'ap', orderBy: 'companyname', orderByDir: 'DESC' },
		});
		expect(searched.json.map((company) => company.name)).toEqual(['Apricot', 'apple']);
		const limited = await run({
			operation: 'getAll',
			limit: 2,
			options: { orderBy: 'companyname' },
		});
		expect(limited.json.map((company) => company.name)).toEqual(['apple', 'Apricot']);
		for (let i = 0; i < 1200; i++) fake.store.createCompany({ companyname: `Bulk ${i}` });
		fake.clearRequests();
		const all = await run({ operation: 'getAll', returnAll: true });
		expect(all.json).toHaveLength(1204);
		expect(new Set(all.json.map((company) => company.id)).size).toBe(1204);
		expect(requestsTo('GET', '/companies').length).toBeLessThanOrEqual(4);
	});

	test('Get Many by ID (consistent export) pages with `where id gt`', async () => {
		for (let i = 0; i < 25; i++) fake.store.createCompany({ companyname: `Export ${i}` });
		const { json } = await run({
			operation: 'getAll',
			returnAll: true,
			options: { pagination: 'idCursor', pageSize: 10 },
		});
		expect(json.map((company) => company.id)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
		const queries = requestsTo('GET', '/companies').map((entry: any) => entry.query);
		expect(queries[1].where).toEqual([{ col: 'id', expr: 'gt', val: '10' }]);
	});
});

describe('Company: contacts', () => {
	test('Add Contact links many contacts in one run; missing company, missing contact and bad IDs fail alone', async () => {
		const co = fake.store.createCompany({ companyname: 'Linker' });
		const [c1, c2] = [contact('one@example.com'), contact('two@example.com')];
		const { json } = await run(
			{
				operation: 'addContact',
				companyId: { __rl: true, mode: 'id', value: '={{ $json.company }}' },
				contactId: { __rl: true, mode: 'id', value: '={{ $json.contact }}' },
			},
			{
				continueOnFail: true,
				items: [
					{ company: String(co.id), contact: String(c1) },
					{ company: '777', contact: String(c1) },
					{ company: String(co.id), contact: '888' },
					{ company: 'x', contact: String(c2) },
					{ company: String(co.id), contact: String(c2) },
				],
			},
		);
		expect(json[0]).toEqual({ companyId: co.id, contactId: c1, added: true });
		expect(json[1].error).toBe('The company 777 does not exist [item 1]');
		expect(json[2].error).toBe('The contact 888 does not exist [item 2]');
		expect(json[3].error).toMatch(/^The field "Company" .*"x".*\[item 3\]$/);
		expect(json[4]).toEqual({ companyId: co.id, contactId: c2, added: true });
		expect([...fake.store.companyLeads.get(co.id).keys()]).toEqual([c1, c2]);
		// the contact's primary company fills its `company` field
		expect(fake.store.contacts.get(c1).values.company).toBe('Linker');
	});

	test('Get Contacts lists the linked contacts (search company_id:), Remove Contact unlinks', async () => {
		const co = fake.store.createCompany({ companyname: 'Members' });
		const other = fake.store.createCompany({ companyname: 'Others' });
		const ids = ['a@x.io', 'b@x.io', 'c@x.io'].map(contact);
		for (const id of ids) fake.store.linkCompany(co.id, id);
		fake.store.linkCompany(other.id, contact('d@x.io'));
		const listed = await run({ operation: 'getContacts', companyId: byId(co.id), returnAll: true });
		expect(listed.json.map((row) => row.email)).toEqual(['a@x.io', 'b@x.io', 'c@x.io']);
		expect(requestsTo('GET', '/contacts')[0].query.search).toBe(`company_id:${co.id}`);

		const removed = await run(
			{
				operation: 'removeContact',
				companyId: byId(co.id),
				contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
			{ continueOnFail: true, items: [{ id: String(ids[0]) }, { id: '999' }] },
		);
		expect(removed.json[0]).toEqual({ companyId: co.id, contactId: ids[0], removed: true });
		expect(removed.json[1].error).toBe('The contact 999 does not exist [item 1]');
		const after = await run({ operation: 'getContacts', companyId: byId(co.id), returnAll: true });
		expect(after.json.map((row) => row.email)).toEqual(['b@x.io', 'c@x.io']);
	});

	test('Get Contacts of a missing company fails alone', async () => {
		const { json } = await run(
			{ operation: 'getContacts', companyId: byId(4040), returnAll: true },
			{ continueOnFail: true },
		);
		expect(json[0].error).toBe('The company 4040 does not exist [item 0]');
	});

	test('Contact node: the `company` field links the contact to that company, created when missing', async () => {
		const existing = fake.store.createCompany({ companyname: 'Known GmbH' });
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			parameters: {
				operation: 'upsert',
				fields: mappedFields({ email: '={{ $json.email }}', company: '={{ $json.company }}' }),
			},
			items: [
				{ email: 'k@known.example', company: 'known gmbh' },
				{ email: 'n@new.example', company: 'Brand New Ltd' },
			],
		});
		// as on a real 5.1, the contact's company field takes the matched company's own spelling
		expect(json.map((row) => row.company)).toEqual(['Known GmbH', 'Brand New Ltd']);
		const known = await run({
			operation: 'getContacts',
			companyId: byId(existing.id),
			returnAll: true,
		});
		expect(known.json.map((row) => row.email)).toEqual(['k@known.example']);
		const created = [...fake.store.companies.values()].find(
			(company: any) => company.values.companyname === 'Brand New Ltd',
		);
		expect(created).toBeDefined();
		expect([...fake.store.companyLeads.get(created.id).keys()]).toEqual([json[1].id]);
	});
});

function loadOptionsContext(): ILoadOptionsFunctions {
	const authorization = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;
	const context = {
		getNode: () => ({
			id: 'lo',
			name: 'Maatoo',
			type: 'n8n-nodes-maatoo.maatooCompany',
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

describe('Company: list search and field mapper', () => {
	test('searchCompanies finds by name and links to the company page', async () => {
		const a = fake.store.createCompany({ companyname: 'Zebra Corp' });
		fake.store.createCompany({ companyname: 'Lion Ltd' });
		const found = await searchCompanies.call(loadOptionsContext(), 'zebra');
		expect(found.results).toEqual([
			{
				name: `Zebra Corp (#${a.id})`,
				value: String(a.id),
				url: `${fake.url}/s/companies/view/${a.id}`,
			},
		]);
	});

	test('the mapper offers every company field typed, custom ones included, the name first', async () => {
		fake.store.addField({ alias: 'vip', object: 'company', type: 'boolean' });
		fake.store.addField({ alias: 'founded', object: 'company', type: 'date' });
		const { fields } = await getCompanyFieldMapping.call(loadOptionsContext());
		expect(fields[0]).toMatchObject({
			id: 'companyname',
			defaultMatch: true,
			canBeUsedToMatch: true,
		});
		const byAlias = Object.fromEntries(fields.map((field) => [field.id, field.type]));
		expect(byAlias).toMatchObject({
			companynumber_of_employees: 'number',
			companyindustry: 'options',
			vip: 'boolean',
			founded: 'dateTime',
			companycity: 'string',
		});
		expect(byAlias).not.toHaveProperty('email');
	});
});
