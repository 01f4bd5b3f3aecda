import type { IDataObject } from 'n8n-workflow';
import { MaatooForm } from '../../nodes/MaatooForm/MaatooForm.node';
import { flattenSubmission } from '../../nodes/shared/forms/flattenSubmission';
import { startFakeMautic } from '../fake-mautic';
import { createForm, submitForm } from '../support/forms';
import { basicCredential, registerNodeType, runNode } from '../support/maatooRun';
import { mauticApi } from '../support/seed';

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;
let form: IDataObject;
let other: IDataObject;

registerNodeType('maatooForm', new MaatooForm());

const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });
const requestsTo = (method: string, path: string) =>
	fake.requests.filter(
		(request: any) => request.method === method && request.path === `/api${path}`,
	);

async function run(
	parameters: IDataObject,
	options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
) {
	return await runNode({
		type: 'maatooForm',
		credential: basicCredential(fake.url),
		parameters,
		...options,
	});
}

beforeAll(async () => {
	fake = await startFakeMautic({ version: '5.1.1' });
	form = await createForm(fake.url, 'Contact us');
	other = await createForm(fake.url, 'Newsletter');
	expect(
		await submitForm(fake.url, form, {
			email: 'ann@example.com',
			message: 'First',
			colors: ['red', 'blue'],
		}),
	).toBe(302);
	await submitForm(fake.url, form, { email: 'bob@example.com', message: 'Second' });
	await submitForm(fake.url, form, { email: 'ann@example.com', message: 'Third' });
	await submitForm(fake.url, other, { email: 'ann@example.com' });
	// spread the three submissions of "Contact us" over three days, for the date range
	const days = ['2026-01-10T09:00:00Z', '2026-02-10T09:00:00Z', '2026-03-10T09:00:00Z'];
	[...fake.store.submissions.values()]
		.filter((submission: any) => submission.formId === form.id)
		.forEach((submission: any, index: number) => {
			submission.dateSubmitted = new Date(days[index]);
		});
});

afterAll(async () => fake?.close());
beforeEach(() => fake.clearRequests());

const contactOf = (email: string) =>
	[...fake.store.contacts.values()].find((contact: any) => contact.values.email === email);

describe('Form: get and get many', () => {
	test('get by ID, from the list and by link returns the form with its fields', async () => {
		for (const locator of [
			byId(form.id as number),
			{ __rl: true, mode: 'list', value: String(form.id) },
			{ __rl: true, mode: 'url', value: `${fake.url}/s/forms/view/${form.id}` },
		]) {
			const { json } = await run({ operation: 'get', formId: locator });
			expect(json).toHaveLength(1);
			expect(json[0]).toMatchObject({ id: form.id, name: 'Contact us' });
			expect((json[0].fields as IDataObject[]).map((field) => field.alias)).toEqual([
				'email',
				'message',
				'colors',
				'submit',
			]);
		}
	});

	test('get many lists the forms, searched', async () => {
		const all = await run({ operation: 'getAll', returnAll: true });
		expect(all.json.map((row) => row.name)).toEqual(['Contact us', 'Newsletter']);
		const searched = await run({
			operation: 'getAll',
			returnAll: true,
			options: { search: 'newsletter' },
		});
		expect(searched.json.map((row) => row.id)).toEqual([other.id]);
	});

	test('a missing form and a non-numeric ID fail their item only', async () => {
		const { json } = await run(
			{ operation: 'get', formId: '={{ $json.form }}' },
			{ items: [{ form: 9999 }, { form: 'abc' }, { form: form.id }], continueOnFail: true },
		);
		expect(json[0].error).toBe('The form 9999 does not exist [item 0]');
		expect(json[1].error).toBe('The field "Form" needs a numeric ID, got "abc" [item 1]');
		expect(json[2]).toMatchObject({ id: form.id });
	});

	test('a link to another instance is refused', async () => {
		const { json } = await run(
			{
				operation: 'get',
				formId: { __rl: true, mode: 'url', value: `https://other.example/s/forms/view/${form.id}` },
			},
			{ continueOnFail: true },
		);
		expect(String(json[0].error)).toMatch(/points to other\.example, not to this credential/);
	});
});

describe('Form: submissions', () => {
	test('get submissions flattens each one: IDs, date, page, referer and every field by alias', async () => {
		const { json } = await run({
			operation: 'getSubmissions',
			formId: byId(form.id as number),
			returnAll: true,
		});
		const ann = contactOf('ann@example.com');
		expect(json).toHaveLength(3);
		expect(json[0]).toEqual({
			submissionId: expect.any(Number),
			formId: form.id,
			contactId: ann.id,
			dateSubmitted: '2026-01-10T09:00:00+00:00',
			page: null,
			referer: '',
			email: 'ann@example.com',
			message: 'First',
			colors: 'red, blue',
		});
		expect(json.map((row) => row.message)).toEqual(['First', 'Second', 'Third']);
	});

	test('return all reads every page and ends; a limit stops early', async () => {
		const all = await run({
			operation: 'getSubmissions',
			formId: byId(form.id as number),
			returnAll: true,
			options: { pageSize: 1 },
		});
		expect(all.json).toHaveLength(3);
		expect(requestsTo('GET', `/forms/${form.id}/submissions`).length).toBeLessThanOrEqual(4);
		fake.clearRequests();
		const two = await run({
			operation: 'getSubmissions',
			formId: byId(form.id as number),
			returnAll: false,
			limit: 2,
		});
		expect(two.json.map((row) => row.message)).toEqual(['First', 'Second']);
		expect(requestsTo('GET', `/forms/${form.id}/submissions`)[0].query.limit).toBe('2');
	});

	test('submissions of the same second are neither lost nor repeated across pages', async () => {
		// Mautic orders by the second of submission alone; MySQL may order ties differently per page
		fake.store.submissionTies = 'unstable';
		try {
			const busy = fake.store.createForm({
				name: 'Busy',
				fields: [{ label: 'Email', alias: 'email' }],
			});
			const second = new Date('2026-04-01T08:00:00Z');
			const ids = Array.from(
				{ length: 5 },
				(_, index) =>
					fake.store.addSubmission({
						formId: busy.id,
						results: { email: `burst${index}@example.com` },
						dateSubmitted: second,
					}).id,
			);
			const { json } = await run({
				operation: 'getSubmissions',
				formId: byId(busy.id),
				returnAll: true,
				options: { pageSize: 2 },
			});
			expect(json.map((row) => row.submissionId)).toEqual(ids);
			expect(requestsTo('GET', `/forms/${busy.id}/submissions`)[0].query).toMatchObject({
				orderBy: 's.id',
				orderByDir: 'ASC',
			});
		} finally {
			fake.store.submissionTies = 'stable';
		}
	});

	test('a date range becomes where[] on date_submitted (UTC)', async () => {
		const { json } = await run({
			operation: 'getSubmissions',
			formId: byId(form.id as number),
			returnAll: true,
			options: { submittedAfter: '2026-02-01T00:00:00Z', submittedBefore: '2026-02-28' },
		});
		expect(json.map((row) => row.message)).toEqual(['Second']);
		expect(requestsTo('GET', `/forms/${form.id}/submissions`)[0].query.where).toEqual([
			{ col: 's.date_submitted', expr: 'gte', val: '2026-02-01 00:00:00' },
			{ col: 's.date_submitted', expr: 'lte', val: '2026-02-28 00:00:00' },
		]);
	});

	test('raw output on request', async () => {
		const { json } = await run({
			operation: 'getSubmissions',
			formId: byId(form.id as number),
			returnAll: false,
			limit: 1,
			options: { simplify: false },
		});
		expect(json[0]).toMatchObject({
			form: { id: form.id, name: 'Contact us' },
			results: { email: 'ann@example.com', message: 'First', colors: 'red, blue' },
		});
		expect((json[0].lead as IDataObject).email).toBe('ann@example.com');
	});

	test('submissions of a contact: by ID or email; with a date range the contact filter is kept', async () => {
		const ann = contactOf('ann@example.com');
		for (const contactId of [
			byId(ann.id),
			{ __rl: true, mode: 'email', value: 'ann@example.com' },
		]) {
			const { json } = await run({
				operation: 'getContactSubmissions',
				formId: byId(form.id as number),
				contactId,
				returnAll: true,
			});
			expect(json.map((row) => row.message)).toEqual(['First', 'Third']);
		}
		fake.clearRequests();
		const ranged = await run({
			operation: 'getContactSubmissions',
			formId: byId(form.id as number),
			contactId: byId(ann.id),
			returnAll: true,
			options: { submittedAfter: '2026-02-01' },
		});
		expect(ranged.json.map((row) => row.message)).toEqual(['Third']);
		expect(
			requestsTo('GET', `/forms/${form.id}/submissions/contact/${ann.id}`)[0].query.where,
		).toContainEqual({ col: 's.lead_id', expr: 'eq', val: String(ann.id) });
	});

	test('get submission returns one, flattened without the form_id column', async () => {
		const list = await run({
			operation: 'getSubmissions',
			formId: byId(form.id as number),
			returnAll: false,
			limit: 1,
		});
		const { json } = await run({
			operation: 'getSubmission',
			formId: byId(form.id as number),
			submissionId: String(list.json[0].submissionId),
		});
		expect(json).toEqual(list.json);
	});

	test('bad input: missing form, missing submission, non-numeric IDs, inverted range', async () => {
		const { json } = await run(
			{
				operation: 'getSubmission',
				formId: '={{ $json.form }}',
				submissionId: '={{ $json.submission }}',
			},
			{
				items: [
					{ form: 9999, submission: 1 },
					{ form: form.id, submission: 9999 },
					{ form: other.id, submission: 1 },
					{ form: form.id, submission: '1 OR 1' },
					{ form: form.id, submission: '' },
				],
				continueOnFail: true,
			},
		);
		expect(json.map((row) => row.error)).toEqual([
			'The submission 1 of form 9999 does not exist [item 0]',
			`The submission 9999 of form ${form.id} does not exist [item 1]`,
			`The submission 1 belongs to form ${form.id}, not to form ${other.id} [item 2]`,
			'The field "Submission ID" needs a whole number from 1, got "1 OR 1" [item 3]',
			'The field "Submission ID" is empty [item 4]',
		]);
		const list = await run(
			{
				operation: 'getSubmissions',
				formId: '={{ $json.form }}',
				returnAll: true,
				options: { submittedAfter: '={{ $json.after }}', submittedBefore: '2026-01-01' },
			},
			{
				items: [
					{ form: 9999, after: '2025-01-01' },
					{ form: form.id, after: '2026-06-01' },
					{ form: form.id, after: 'yesterday-ish' },
					{ form: form.id, after: '2025-02-30' },
					{ form: form.id, after: 'tuesday 5' },
					{ form: form.id, after: '12' },
				],
				continueOnFail: true,
			},
		);
		expect(list.json.map((row) => row.error)).toEqual([
			'The form 9999 does not exist [item 0]',
			'The option "Submitted After" (2026-06-01 00:00:00) is later than "Submitted Before" (2026-01-01 00:00:00) [item 1]',
			'The option "Submitted After" needs a date and time, got "yesterday-ish" [item 2]',
			// no day 30 in February; text the JavaScript date parser would read as 2001-05-01 or 2001-12-01
			'The option "Submitted After" needs a date and time, got "2025-02-30" [item 3]',
			'The option "Submitted After" needs a date and time, got "tuesday 5" [item 4]',
			'The option "Submitted After" needs a date and time, got "12" [item 5]',
		]);
	});

	test('a field whose alias is one of the flat keys keeps its value under field_<alias>', () => {
		expect(
			flattenSubmission({
				id: 5,
				form: { id: 2 },
				lead: null,
				dateSubmitted: '2026-01-01T00:00:00+00:00',
				page: { id: 4 },
				referer: 'https://example.com',
				results: { form_id: '2', page: 'pricing', email: 'a@example.com' },
			}),
		).toEqual({
			submissionId: 5,
			formId: 2,
			contactId: null,
			dateSubmitted: '2026-01-01T00:00:00+00:00',
			page: 4,
			referer: 'https://example.com',
			field_page: 'pricing',
			email: 'a@example.com',
		});
	});

	test("a renamed field never takes another field's key; an alias __proto__ stays a plain key", () => {
		const flat = flattenSubmission(
			JSON.parse(
				'{"id":6,"form":{"id":2},"results":{"referer":"ad","field_referer":"mail","__proto__":"x"}}',
			),
		);
		expect(flat).toMatchObject({ referer: null, field_field_referer: 'ad', field_referer: 'mail' });
		expect(Object.keys(flat)).toContain('__proto__');
		expect(Object.getPrototypeOf(flat)).toBe(Object.prototype);
		expect(JSON.parse(JSON.stringify(flat)).__proto__).toBe('x');
	});
});

describe('Form: delete', () => {
	test('deletes the form and its submissions; a second delete names the missing form', async () => {
		const doomed = await createForm(fake.url, 'Doomed');
		await submitForm(fake.url, doomed, { email: 'zed@example.com' });
		const { json } = await run({ operation: 'delete', formId: byId(doomed.id as number) });
		expect(json).toEqual([{ id: doomed.id, deleted: true }]);
		await expect(mauticApi(fake.url, 'GET', `/forms/${doomed.id}`)).rejects.toThrow(/404/);
		const again = await run(
			{ operation: 'delete', formId: byId(doomed.id as number) },
			{ continueOnFail: true },
		);
		expect(again.json[0].error).toBe(`The form ${doomed.id} does not exist [item 0]`);
	});
});
