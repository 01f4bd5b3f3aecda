import type { IDataObject } from 'n8n-workflow';
import { startFakeMautic } from '../fake-mautic';
import { basicCredential } from '../support/maatooRun';
import { byId, companyFields, runCompany } from '../support/companyRun';
import { mauticApi } from '../support/seed';

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;

beforeAll(async () => {
	fake = await startFakeMautic({ version: '5.1.1' });
});
afterAll(async () => fake?.close());
beforeEach(() => {
	fake.reset();
	fake.setConfig({ fault: undefined });
	fake.clearRequests();
});

const run = (
	parameters: IDataObject,
	options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
) => runCompany(basicCredential(fake.url), parameters, options);

const apiRequests = () => fake.requests.filter((request: any) => request.path.startsWith('/api/'));
const requestsTo = (method: string, path: string) =>
	fake.requests.filter(
		(request: any) => request.method === method && request.path === `/api${path}`,
	);

async function stored(id: number): Promise<IDataObject> {
	const company = (await mauticApi(fake.url, 'GET', `/companies/${id}`)).company as IDataObject;
	return (company.fields as IDataObject).all as IDataObject;
}

const companyCount = () => fake.store.companies.size as number;

describe('Company: Create or Update', () => {
	test('creates a company with typed fields; simplified output', async () => {
		const { json } = await run({
			operation: 'upsert',
			fields: companyFields(
				{ companyname: 'Acme AG', companycity: 'Bern', companynumber_of_employees: '12' },
				{ companynumber_of_employees: 'number' },
			),
		});
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({
			id: expect.any(Number),
			name: 'Acme AG',
			companyname: 'Acme AG',
			companycity: 'Bern',
			companynumber_of_employees: 12,
			score: 0,
		});
		expect(requestsTo('POST', '/companies/batch/new')[0].body).toEqual([
			{ companyname: 'Acme AG', companycity: 'Bern', companynumber_of_employees: 12 },
		]);
		expect(companyCount()).toBe(1);
	});

	test('a company with the same name (any case) is updated: only the given fields change', async () => {
		const existing = fake.store.createCompany({
			companyname: 'Acme AG',
			companycity: 'Bern',
			companynumber_of_employees: 40,
		});
		const { json } = await run({
			operation: 'upsert',
			fields: companyFields({ companyname: 'ACME AG', companyzipcode: '3000' }),
		});
		expect(json[0]).toMatchObject({ id: existing.id, companycity: 'Bern', companyzipcode: '3000' });
		// created nothing, looked the duplicate up once, patched it
		expect(apiRequests().map((request: any) => `${request.method} ${request.path}`)).toEqual([
			'POST /api/companies/batch/new',
			'GET /api/companies',
			'PATCH /api/companies/batch/edit',
		]);
		expect(await stored(existing.id)).toMatchObject({
			companycity: 'Bern',
			companynumber_of_employees: 40,
			companyzipcode: '3000',
		});
		expect(companyCount()).toBe(1);
	});

	test('a name with a comma is matched exactly (no `in` splitting)', async () => {
		const existing = fake.store.createCompany({ companyname: 'Smith, Jones & Co' });
		fake.store.createCompany({ companyname: 'Smith' });
		const { json } = await run({
			operation: 'upsert',
			fields: companyFields({ companyname: 'Smith, Jones & Co', companycity: 'Basel' }),
		});
		expect(json[0]).toMatchObject({ id: existing.id, companycity: 'Basel' });
		expect(companyCount()).toBe(2);
	});

	test('names Mautic takes as the same (accents, spaces around, & \' " characters) update the company', async () => {
		// A real 5.1 refuses all of these as duplicates (utf8mb4_unicode_ci, the form trims), and its
		// list `where` turns &'"<> into entities, so an `eq` look-up finds none of them.
		const cafe = fake.store.createCompany({ companyname: 'Café Nord' });
		const smith = fake.store.createCompany({ companyname: 'Smith & Sons' });
		const quoted = fake.store.createCompany({ companyname: 'O\'Brien "Q" <Ltd>' });
		const { json } = await run(
			{
				operation: 'upsert',
				fields: companyFields({ companyname: '={{ $json.name }}', companycity: 'Genf' }),
			},
			{
				items: [{ name: 'CAFE NORD' }, { name: '  Smith & Sons ' }, { name: 'O\'Brien "Q" <Ltd>' }],
			},
		);
		expect(json.map((company) => company.id)).toEqual([cafe.id, smith.id, quoted.id]);
		expect(json.every((company) => company.companycity === 'Genf')).toBe(true);
		expect(companyCount()).toBe(3);
	});

	test('a name several companies share: a clear error for that item, the others go through', async () => {
		const first = fake.store.createCompany({ companyname: 'Twin GmbH' });
		const second = fake.store.createCompany({ companyname: 'twin gmbh' });
		const { json } = await run(
			{
				operation: 'upsert',
				fields: companyFields({ companyname: '={{ $json.name }}', companycity: 'Chur' }),
			},
			{ items: [{ name: 'Twin GmbH' }, { name: 'Solo AG' }], continueOnFail: true },
		);
		expect(json[0].error).toBe(
			`Mautic rejected the data: 2 companies are named "Twin GmbH" (IDs ${first.id}, ${second.id}): Mautic refuses to update any of them with this value. Merge them in Mautic, or update one by its ID with the Update operation. [item 0]`,
		);
		expect(json[1]).toMatchObject({ companyname: 'Solo AG', companycity: 'Chur' });
		expect(requestsTo('PATCH', '/companies/batch/edit')).toHaveLength(0);
	});

	test('an answer lost after Mautic created the companies: the repeat updates them, nothing twice', async () => {
		const old = fake.store.createCompany({ companyname: 'Lost Old', companycity: 'Aarau' });
		let faults = 0;
		fake.setConfig({
			fault: (request: any) =>
				request.path === '/api/companies/batch/new' && faults++ === 0
					? { reset: true, after: true }
					: undefined,
		});
		const { json } = await run(
			{
				operation: 'upsert',
				fields: companyFields({
					companyname: '={{ $json.name }}',
					companyzipcode: '={{ $json.zip }}',
				}),
			},
			{
				items: [
					{ name: 'Lost Old', zip: '5000' },
					{ name: 'Lost New 1', zip: '6000' },
					{ name: 'Lost New 2', zip: '7000' },
				],
			},
		);
		expect(companyCount()).toBe(3);
		expect(json.map((company) => [company.companyname, company.companyzipcode])).toEqual([
			['Lost Old', '5000'],
			['Lost New 1', '6000'],
			['Lost New 2', '7000'],
		]);
		expect(json[0]).toMatchObject({ id: old.id, companycity: 'Aarau' });
		expect(new Set(json.map((company) => company.id)).size).toBe(3);
		expect(requestsTo('POST', '/companies/batch/new')).toHaveLength(2);
		// the first call created two and refused one; the repeat refused all three: one update each
		expect(requestsTo('PATCH', '/companies/batch/edit').map((r: any) => r.body.length)).toEqual([
			3,
		]);
	});

	test('one item whose answer was lost (502 after the save) is repeated and reported once', async () => {
		let faults = 0;
		fake.setConfig({
			fault: (request: any) =>
				request.path === '/api/companies/batch/new' && faults++ === 0
					? { status: 502, after: true }
					: undefined,
		});
		const { json } = await run({
			operation: 'upsert',
			fields: companyFields({ companyname: 'Single Lost', companycity: 'Thun' }),
		});
		expect(json).toEqual([
			expect.objectContaining({ companyname: 'Single Lost', companycity: 'Thun' }),
		]);
		expect(companyCount()).toBe(1);
		expect(requestsTo('POST', '/companies/batch/new')).toHaveLength(2);
	});

	test('look-ups of long names stay within the 8 KB request line of common web servers', async () => {
		// Apache's LimitRequestLine (8190) and nginx's large_client_header_buffers (8k) refuse a longer
		// "GET <url> HTTP/1.1" with a 414 before Mautic sees it.
		const name = (i: number) => `Müller Maschinenbau GmbH & Co. KG, Niederlassung Süd ${i}`;
		for (let i = 0; i < 60; i++) fake.store.createCompany({ companyname: name(i) });
		const { json } = await run(
			{
				operation: 'upsert',
				fields: companyFields({ companyname: '={{ $json.name }}', companycity: 'Ulm' }),
			},
			{ items: Array.from({ length: 60 }, (_, i) => ({ name: name(i) })) },
		);
		expect(json.every((company) => company.companycity === 'Ulm')).toBe(true);
		expect(companyCount()).toBe(60);
		const lookups = requestsTo('GET', '/companies');
		expect(lookups.length).toBeGreaterThan(1);
		for (const lookup of lookups)
			expect(`GET ${'x'.repeat(lookup.urlLength)} HTTP/1.1`.length).toBeLessThanOrEqual(8190);
	});

	test('1,000 companies (half existing) are upserted in batch calls, each item with its own result', async () => {
		for (let i = 0; i < 500; i++)
			fake.store.createCompany({ companyname: `Firm ${i}`, companycity: 'Old' });
		fake.clearRequests();
		const items = Array.from({ length: 1000 }, (_, i) => ({
			name: `Firm ${i}`,
			city: `City ${i}`,
		}));
		const { json, items: out } = await run(
			{
				operation: 'upsert',
				fields: companyFields({
					companyname: '={{ $json.name }}',
					companycity: '={{ $json.city }}',
				}),
			},
			{ items },
		);
		expect(json).toHaveLength(1000);
		expect(
			json.every(
				(company, i) => company.companyname === `Firm ${i}` && company.companycity === `City ${i}`,
			),
		).toBe(true);
		expect(out.map((item) => item.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
		expect(json.slice(0, 500).map((company) => company.id)).toEqual(
			Array.from({ length: 500 }, (_, i) => i + 1),
		);
		expect(companyCount()).toBe(1000);
		expect(requestsTo('POST', '/companies/batch/new')).toHaveLength(5);
		expect(requestsTo('PATCH', '/companies/batch/edit')).toHaveLength(3);
		expect(apiRequests()).toHaveLength(5 + 3 + 13);
	});

	test('1,000 companies that all exist: 5 batch creates refused, 25 look-ups, 5 batch updates', async () => {
		for (let i = 0; i < 1000; i++) fake.store.createCompany({ companyname: `Old ${i}` });
		fake.clearRequests();
		const { json } = await run(
			{
				operation: 'upsert',
				fields: companyFields({ companyname: '={{ $json.name }}', companycity: 'Zug' }),
			},
			{ items: Array.from({ length: 1000 }, (_, i) => ({ name: `old ${i}` })) },
		);
		expect(json.map((company) => company.id)).toEqual(
			Array.from({ length: 1000 }, (_, i) => i + 1),
		);
		expect(json.every((company) => company.companycity === 'Zug')).toBe(true);
		expect(companyCount()).toBe(1000);
		expect(apiRequests()).toHaveLength(35);
	});

	test('1,000 new companies take 5 requests', async () => {
		const items = Array.from({ length: 1000 }, (_, i) => ({ name: `New ${i}` }));
		const { json } = await run(
			{ operation: 'upsert', fields: companyFields({ companyname: '={{ $json.name }}' }) },
			{ items },
		);
		expect(json).toHaveLength(1000);
		expect(new Set(json.map((company) => company.id)).size).toBe(1000);
		expect(apiRequests()).toHaveLength(5);
		expect(apiRequests().every((request: any) => request.path === '/api/companies/batch/new')).toBe(
			true,
		);
	});

	test('the same name twice in one run: created once, then updated', async () => {
		const { json } = await run(
			{
				operation: 'upsert',
				fields: companyFields({
					companyname: '={{ $json.name }}',
					companycity: '={{ $json.city }}',
				}),
			},
			{
				items: [
					{ name: 'Twin', city: 'A' },
					{ name: 'twin', city: 'B' },
				],
			},
		);
		expect(json[0].id).toBe(json[1].id);
		expect(json[1].companycity).toBe('B');
		expect(companyCount()).toBe(1);
	});

	test('bad input with Continue On Fail: empty name, wrong type, unknown field; the rest go through', async () => {
		const { json } = await run(
			{
				operation: 'upsert',
				fieldsMode: 'json',
				fieldsJson: '={{ JSON.stringify($json.fields) }}',
			},
			{
				continueOnFail: true,
				items: [
					{ fields: { companyname: 'Good One' } },
					{ fields: { companycity: 'No name' } },
					{ fields: { companyname: 'Typed', companynumber_of_employees: 'many' } },
					{ fields: { companyname: 'Unknown', companycolour: 'red' } },
					{ fields: { companyname: 'Bad email', companyemail: 'not-an-email' } },
					{ fields: { companyname: 'L'.repeat(200) } },
				],
			},
		);
		expect(json[0]).toMatchObject({ companyname: 'Good One' });
		expect(json[1].error).toBe('The field "companyname" is empty [item 1]');
		expect(json[2].error).toMatch(/^The field "companynumber_of_employees" .*\[item 2\]$/);
		expect(json[3].error).toMatch(
			/^The field "companycolour" does not exist in this Mautic instance.*\[item 3\]$/,
		);
		expect(json[4].error).toBe(
			'The field "companyemail" needs an email address, got "not-an-email" [item 4]',
		);
		// refused by Mautic itself, inside the batch call: only that item fails
		expect(json[5].error).toMatch(/companyname: This value is too long.*\[item 5\]$/);
		expect(requestsTo('POST', '/companies/batch/new')).toHaveLength(1);
		expect(companyCount()).toBe(1);
	});

	test('JSON that does not parse or is not an object fails its own item, naming the item', async () => {
		const { json } = await run(
			{ operation: 'upsert', fieldsMode: 'json', fieldsJson: '={{ $json.text }}' },
			{
				continueOnFail: true,
				items: [
					{ text: '{"companyname": "Parsed"}' },
					{ text: '{"companyname": ' },
					{ text: '["companyname"]' },
					{ text: '{"companyname": "Last", "companycity": "X"}' },
				],
			},
		);
		expect(json[0]).toMatchObject({ companyname: 'Parsed' });
		expect(json[1].error).toBe('The field "Fields (JSON)" is not valid JSON [item 1]');
		expect(json[2].error).toBe(
			'The field "Fields (JSON)" must be an object of field alias → value [item 2]',
		);
		expect(json[3]).toMatchObject({ companyname: 'Last', companycity: 'X' });
	});

	test('a custom select field and the owner are sent typed', async () => {
		fake.store.addField({
			alias: 'tier',
			object: 'company',
			type: 'select',
			properties: {
				list: [
					{ label: 'Gold', value: 'gold' },
					{ label: 'Silver', value: 'silver' },
				],
			},
		});
		const { json } = await run({
			operation: 'upsert',
			fieldsMode: 'json',
			fieldsJson: '{"companyname": "Tiered", "tier": "gold"}',
			additionalFields: { owner: '1' },
		});
		expect(json[0]).toMatchObject({ companyname: 'Tiered', tier: 'gold' });
		expect(requestsTo('POST', '/companies/batch/new')[0].body).toEqual([
			{ companyname: 'Tiered', tier: 'gold', owner: 1 },
		]);
		expect(fake.store.companies.get(json[0].id).ownerId).toBe(1);
	});

	test('one item with batching off is one request, raw output on request', async () => {
		const { json } = await run(
			{
				operation: 'upsert',
				fields: companyFields({ companyname: '={{ $json.name }}' }),
				simplify: false,
				options: { useBatch: false },
			},
			{ items: [{ name: 'Raw 1' }, { name: 'Raw 2' }] },
		);
		expect(((json[0].fields as IDataObject).all as IDataObject).companyname).toBe('Raw 1');
		expect(requestsTo('POST', '/companies/batch/new')).toHaveLength(2);
	});
});

describe('Company: Update and Create or Replace', () => {
	test('Update changes only the given fields; a missing company and a non-numeric ID fail alone', async () => {
		const a = fake.store.createCompany({ companyname: 'Alpha', companycity: 'Bern' });
		const b = fake.store.createCompany({ companyname: 'Beta', companycity: 'Thun' });
		const { json } = await run(
			{
				operation: 'update',
				companyId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				fields: companyFields({ companyzipcode: '={{ $json.state }}' }),
			},
			{
				continueOnFail: true,
				items: [
					{ id: String(a.id), state: '3000' },
					{ id: '987654', state: '8000' },
					{ id: 'abc', state: '8000' },
					{ id: String(b.id), state: '3000' },
				],
			},
		);
		expect(json[0]).toMatchObject({
			id: a.id,
			companyname: 'Alpha',
			companycity: 'Bern',
			companyzipcode: '3000',
		});
		expect(json[1].error).toBe('The company 987654 does not exist [item 1]');
		expect(json[2].error).toMatch(/^The field "Company" .*"abc".*\[item 2\]$/);
		expect(json[3]).toMatchObject({ id: b.id, companyzipcode: '3000' });
		expect(requestsTo('PATCH', '/companies/batch/edit')).toHaveLength(1);
	});

	test('Update of one item: PATCH /companies/{id}/edit', async () => {
		const a = fake.store.createCompany({ companyname: 'Solo', companycity: 'Bern' });
		const { json } = await run({
			operation: 'update',
			companyId: byId(a.id),
			fields: companyFields({ companywebsite: 'https://solo.example' }),
		});
		expect(json[0]).toMatchObject({ companycity: 'Bern', companywebsite: 'https://solo.example' });
		expect(requestsTo('PATCH', `/companies/${a.id}/edit`)).toHaveLength(1);
	});

	test('Update of a missing company fails with a clear error', async () => {
		const { json } = await run(
			{ operation: 'update', companyId: byId(4242), fields: companyFields({ companycity: 'X' }) },
			{ continueOnFail: true },
		);
		expect(json[0].error).toBe('The company 4242 does not exist [item 0]');
	});

	test('Create or Replace clears the fields not given and creates a missing ID', async () => {
		const a = fake.store.createCompany({ companyname: 'Gamma', companycity: 'Bern' });
		const { json } = await run({
			operation: 'replace',
			companyId: byId(a.id),
			fields: companyFields({ companyname: 'Gamma', companyzipcode: '3000' }),
		});
		expect(json[0]).toMatchObject({ id: a.id, companycity: null, companyzipcode: '3000' });
		const created = await run({
			operation: 'replace',
			companyId: byId(5555),
			fields: companyFields({ companyname: 'Delta' }),
		});
		expect(created.json[0]).toMatchObject({ companyname: 'Delta' });
		expect(created.json[0].id).not.toBe(5555);
	});

	test('Create or Replace of many items goes through PUT /companies/batch/edit', async () => {
		const a = fake.store.createCompany({ companyname: 'P1', companycity: 'x' });
		const b = fake.store.createCompany({ companyname: 'P2', companycity: 'y' });
		const { json } = await run(
			{
				operation: 'replace',
				companyId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				fields: companyFields({ companyname: '={{ $json.name }}' }),
			},
			{
				items: [
					{ id: String(a.id), name: 'P1' },
					{ id: String(b.id), name: 'P2 new' },
				],
			},
		);
		expect(json.map((company) => [company.companyname, company.companycity])).toEqual([
			['P1', null],
			['P2 new', null],
		]);
		expect(requestsTo('PUT', '/companies/batch/edit')).toHaveLength(1);
	});
});

describe('Company: Delete', () => {
	test('deletes many in one batch call; a missing one fails alone', async () => {
		const a = fake.store.createCompany({ companyname: 'D1' });
		const b = fake.store.createCompany({ companyname: 'D2' });
		const { json } = await run(
			{ operation: 'delete', companyId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ continueOnFail: true, items: [{ id: String(a.id) }, { id: '999' }, { id: String(b.id) }] },
		);
		expect(json[0]).toEqual({ id: a.id, deleted: true });
		expect(json[1].error).toBe('The company 999 does not exist [item 1]');
		expect(json[2]).toEqual({ id: b.id, deleted: true });
		expect(companyCount()).toBe(0);
		expect(requestsTo('DELETE', '/companies/batch/delete')).toHaveLength(1);
	});

	test('deletes one by URL of its page', async () => {
		const a = fake.store.createCompany({ companyname: 'ByUrl' });
		const { json } = await run({
			operation: 'delete',
			companyId: { __rl: true, mode: 'url', value: `${fake.url}/s/companies/view/${a.id}` },
		});
		expect(json[0]).toEqual({ id: a.id, deleted: true });
		expect(requestsTo('DELETE', `/companies/${a.id}/delete`)).toHaveLength(1);
	});
});
