import type { IDataObject } from 'n8n-workflow';
import { MaatooReport } from '../../nodes/MaatooReport/MaatooReport.node';
import { getStatsTables } from '../../nodes/MaatooReport/methods/statsTables';
import { searchReports } from '../../nodes/MaatooReport/reportEntity';
import { startFakeMautic } from '../fake-mautic';
import { basicCredential, registerNodeType, runNode } from '../support/maatooRun';
import { loadOptionsContext } from '../support/loadOptions';

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;
let report: any;
let rows: IDataObject[];

registerNodeType('maatooReport', new MaatooReport());

beforeAll(async () => {
	fake = await startFakeMautic({ version: '5.1.0' });
	// Rows that share an "id" column value: a report may repeat one (e.g. the email per send).
	rows = Array.from({ length: 23 }, (_, i) => ({
		id: String(i % 3),
		email_address: `r${i}@example.com`,
		date_sent: `2025-01-${String(i + 1).padStart(2, '0')} 10:00:00`,
	}));
	report = fake.store.createReport({
		name: 'Email export',
		source: 'email.stats',
		rows,
		dateColumn: 'date_sent',
	});
	fake.store.statsTables.set(
		'email_stats',
		Array.from({ length: 30 }, (_, i) => ({
			id: i + 1,
			email_id: (i % 2) + 1,
			lead_id: 100 + i,
			email_address: `s${i}@example.com`,
			date_sent: `2025-02-${String((i % 28) + 1).padStart(2, '0')} 08:00:00`,
			is_read: i % 3 === 0 ? 1 : 0,
			date_read: null,
		})),
	);
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
		type: 'maatooReport',
		credential: basicCredential(fake.url),
		parameters,
		...options,
	});
}

describe('Report: run', () => {
	test('Return All pages through every row, repeated "id" values included, and ends', async () => {
		const { json } = await run({
			operation: 'run',
			reportId: byId(report.id),
			returnAll: true,
			options: { pageSize: 10, dateFrom: '2025-01-01T00:00:00' },
		});
		expect(json).toEqual(rows);
		expect(requestsTo('GET', `/reports/${report.id}`).map((r: any) => r.query)).toEqual([
			{ dateFrom: '2025-01-01T00:00:00', page: '1', limit: '10' },
			{ dateFrom: '2025-01-01T00:00:00', page: '2', limit: '10' },
			{ dateFrom: '2025-01-01T00:00:00', page: '3', limit: '10' },
		]);
	});

	test('a limit asks for that many rows; a date range goes to Mautic', async () => {
		const limited = await run({
			operation: 'run',
			reportId: byId(report.id),
			returnAll: false,
			limit: 4,
			options: { dateFrom: '2025-01-01T00:00:00' },
		});
		expect(limited.json).toEqual(rows.slice(0, 4));
		// Without dates Mautic reads the last 30 days: these rows are older.
		const recent = await run({ operation: 'run', reportId: byId(report.id), returnAll: true });
		expect(recent.json).toEqual([]);
		const ranged = await run({
			operation: 'run',
			reportId: { __rl: true, mode: 'url', value: `${fake.url}/s/reports/view/${report.id}` },
			returnAll: true,
			options: { dateFrom: '2025-01-05T00:00:00', dateTo: '2025-01-07T23:59:59' },
		});
		expect(ranged.json.map((row) => row.email_address)).toEqual([
			'r4@example.com',
			'r5@example.com',
			'r6@example.com',
		]);
		expect(requestsTo('GET', `/reports/${report.id}`).at(-1).query).toMatchObject({
			dateFrom: '2025-01-05T00:00:00',
			dateTo: '2025-01-07T23:59:59',
		});
		// Mautic 5.1 takes both as moments, times included (checked on a real 5.1): a Date To at
		// midnight leaves that day out, a Date From after 10:00 leaves the 10:00 row out.
		const moments = await run({
			operation: 'run',
			reportId: byId(report.id),
			returnAll: true,
			options: { dateFrom: '2025-01-05T10:00:01', dateTo: '2025-01-07T00:00:00' },
		});
		expect(moments.json.map((row) => row.email_address)).toEqual(['r5@example.com']);
	});

	test('an endless report (a proxy ignoring the page) is stopped', async () => {
		fake.setConfig({
			fault: (request: any) =>
				request.path === `/api/reports/${report.id}`
					? { status: 200, body: { totalResults: 1000, data: rows.slice(0, 5) } }
					: undefined,
		});
		try {
			const { json } = await run(
				{ operation: 'run', reportId: byId(report.id), returnAll: true, options: { pageSize: 5 } },
				{ continueOnFail: true },
			);
			expect(json[0].error).toBe(
				`Stopped reading report ${report.id}: page 2 is the same as page 1 [item 0]`,
			);
		} finally {
			fake.setConfig({ fault: undefined });
		}
	});

	test('a server ignoring the page whose answers differ (Mautic puts "now" in dateTo) is stopped, not read as new rows', async () => {
		let answer = 0;
		fake.setConfig({
			fault: (request: any) =>
				request.path === `/api/reports/${report.id}`
					? {
							status: 200,
							body: {
								totalResults: 15,
								data: rows.slice(0, 5),
								dateTo: `2025-01-31T10:00:0${answer++}+00:00`,
							},
						}
					: undefined,
		});
		try {
			const { json } = await run(
				{
					operation: 'run',
					reportId: byId(report.id),
					returnAll: true,
					options: { pageSize: 5, dateFrom: '2025-01-01T00:00:00' },
				},
				{ continueOnFail: true },
			);
			expect(json).toHaveLength(1);
			expect(json[0].error).toBe(
				`Stopped reading report ${report.id}: page 2 has the same rows as page 1 [item 0]`,
			);
		} finally {
			fake.setConfig({ fault: undefined });
		}
	});

	test('a server ignoring the page size answers every row at once: taken once, not once per page', async () => {
		let answer = 0;
		fake.setConfig({
			fault: (request: any) =>
				request.path === `/api/reports/${report.id}`
					? {
							status: 200,
							body: {
								totalResults: rows.length,
								data: rows,
								dateTo: `2025-01-31T10:00:0${answer++}+00:00`,
							},
						}
					: undefined,
		});
		try {
			const all = await run({
				operation: 'run',
				reportId: byId(report.id),
				returnAll: true,
				options: { pageSize: 5, dateFrom: '2025-01-01T00:00:00' },
			});
			expect(all.json).toEqual(rows);
			const limited = await run({
				operation: 'run',
				reportId: byId(report.id),
				returnAll: false,
				limit: 7,
				options: { pageSize: 5, dateFrom: '2025-01-01T00:00:00' },
			});
			expect(limited.json).toEqual(rows.slice(0, 7));
		} finally {
			fake.setConfig({ fault: undefined });
		}
	});

	test('pages whose rows are alike (a report of one column) are read to the end: Mautic names the page it answers', async () => {
		const alike = fake.store.createReport({
			name: `Email names ${Date.now()}`,
			source: 'email.stats',
			rows: Array.from({ length: 12 }, () => ({ email_name: 'Welcome' })),
		});
		try {
			const { json } = await run({
				operation: 'run',
				reportId: byId(alike.id),
				returnAll: true,
				options: { pageSize: 5 },
			});
			expect(json).toHaveLength(12);
			expect(requestsTo('GET', `/reports/${alike.id}`)).toHaveLength(3);
		} finally {
			fake.store.reports.delete(alike.id);
		}
	});

	test('an answer for another page than the one asked for stops the read', async () => {
		fake.setConfig({
			fault: (request: any) =>
				request.path === `/api/reports/${report.id}`
					? {
							status: 200,
							body: { totalResults: 15, data: rows.slice(0, 5), page: 1, limit: 5 },
						}
					: undefined,
		});
		try {
			const { json } = await run(
				{ operation: 'run', reportId: byId(report.id), returnAll: true, options: { pageSize: 5 } },
				{ continueOnFail: true },
			);
			expect(json).toHaveLength(1);
			expect(json[0].error).toBe(
				`Stopped reading report ${report.id}: page 2 was asked for and page 1 came back [item 0]`,
			);
		} finally {
			fake.setConfig({ fault: undefined });
		}
	});

	test('bad input: missing report, non-numeric ID, a date that is not one', async () => {
		const { json } = await run(
			{
				operation: 'run',
				reportId: '={{ $json.report }}',
				returnAll: true,
				options: { dateFrom: '={{ $json.from }}' },
			},
			{
				items: [
					{ report: byId(999), from: '' },
					{ report: byId('emails'), from: '' },
					{ report: byId(report.id), from: 'yesterday-ish' },
				],
				continueOnFail: true,
			},
		);
		expect(json[0].error).toBe('The report 999 does not exist [item 0]');
		expect(json[1].error).toBe('The field "Report" needs a numeric ID, got "emails" [item 1]');
		expect(json[2].error).toBe('The field "Date From" needs a date, got "yesterday-ish" [item 2]');
	});
});

describe('Report: get many and list search', () => {
	test('lists reports and finds them by name', async () => {
		const { json } = await run({ operation: 'getAll', returnAll: true });
		expect(json.map((r) => r.name)).toEqual([
			'Visits published Pages',
			'Downloads of all Assets',
			'Submissions of published Forms',
			'All Emails',
			'Leads and Points',
			'Email export',
		]);
		expect(json[5]).not.toHaveProperty('rows');
		const found = await searchReports.call(loadOptionsContext(fake.url, 'maatooReport'), 'export');
		expect(found.results).toEqual([
			{
				name: `Email export (email.stats) (#${report.id})`,
				value: String(report.id),
				url: `${fake.url}/s/reports/view/${report.id}`,
			},
		]);
	});
});

describe('Report: stats tables', () => {
	test('Get Stats Tables and the table dropdown list what Mautic offers', async () => {
		const { json } = await run({ operation: 'getStatsTables' });
		expect(json.map((t) => t.table)).toContain('email_stats');
		expect(json.find((t) => t.table === 'email_stats')?.columns).toContain('date_sent');
		const options = await getStatsTables.call(loadOptionsContext(fake.url, 'maatooReport'));
		expect(options.find((o) => o.value === 'page_hits')).toMatchObject({ name: 'page_hits' });
	});

	test('Get Stats: conditions and sort go to Mautic; Return All pages to the end', async () => {
		const { json } = await run({
			operation: 'getStats',
			table: 'email_stats',
			returnAll: true,
			conditions: {
				condition: [
					{ column: 'email_id', expression: 'eq', value: '2' },
					{
						column: 'date_sent',
						expression: 'between',
						value: '2025-02-01 00:00:00, 2025-02-20 23:59:59',
					},
				],
			},
			sort: { column: [{ column: 'lead_id', direction: 'DESC' }] },
			options: { pageSize: 4 },
		});
		const expected = (fake.store.statsTables.get('email_stats') as IDataObject[])
			.filter((row) => row.email_id === 2 && String(row.date_sent) <= '2025-02-20 23:59:59')
			.sort((a, b) => Number(b.lead_id) - Number(a.lead_id))
			.map((row) => String(row.id));
		expect(json.map((row) => row.id)).toEqual(expected);
		expect(json[0]).toMatchObject({ email_id: '2', date_read: null });
		expect(requestsTo('GET', '/stats/email_stats')[0].query).toMatchObject({
			where: [
				{ col: 'email_id', expr: 'eq', val: '2' },
				{ col: 'date_sent', expr: 'between', val: ['2025-02-01 00:00:00', '2025-02-20 23:59:59'] },
			],
			order: [{ col: 'lead_id', dir: 'DESC' }],
			start: '0',
			limit: '4',
		});
	});

	test('Get Stats: "In" takes values with spaces after the commas (Mautic would keep the spaces)', async () => {
		const { json } = await run({
			operation: 'getStats',
			table: 'email_stats',
			returnAll: true,
			conditions: {
				condition: [
					{
						column: 'email_address',
						expression: 'in',
						value: 's1@example.com, s2@example.com ,s3@example.com',
					},
				],
			},
		});
		expect(json.map((row) => row.email_address)).toEqual([
			's1@example.com',
			's2@example.com',
			's3@example.com',
		]);
		expect(requestsTo('GET', '/stats/email_stats')[0].query.where).toEqual([
			{ col: 'email_address', expr: 'in', val: 's1@example.com,s2@example.com,s3@example.com' },
		]);
	});

	test('Get Stats: a limit, and the stage history the Stage node writes', async () => {
		const limited = await run({
			operation: 'getStats',
			table: 'email_stats',
			returnAll: false,
			limit: 3,
		});
		expect(limited.json.map((row) => row.id)).toEqual(['1', '2', '3']);
		const stage = fake.store.createStage({ name: 'Exported' });
		const contact = fake.store.createContact({ email: 'exported@example.com' });
		fake.store.setContactStage(contact.id, stage, 'add');
		const history = await run({
			operation: 'getStats',
			table: 'lead_stages_change_log',
			returnAll: true,
		});
		expect(history.json.at(-1)).toMatchObject({
			lead_id: String(contact.id),
			stage_id: String(stage.id),
			action_name: 'Manually Added',
		});
	});

	test('Get Stats bad input: unsafe or unknown table, unknown column, one-sided between; the good item goes through', async () => {
		const { json, items } = await run(
			{
				operation: 'getStats',
				table: '={{ $json.table }}',
				returnAll: false,
				limit: 1,
				conditions: {
					condition: [
						{
							column: '={{ $json.column }}',
							expression: '={{ $json.expr }}',
							value: '={{ $json.value }}',
						},
					],
				},
			},
			{
				items: [
					{ table: '../contacts', column: 'id', expr: 'eq', value: '1' },
					{ table: 'no_such_table', column: 'id', expr: 'eq', value: '1' },
					{ table: 'email_stats', column: 'secret_col', expr: 'eq', value: '1' },
					{ table: 'email_stats', column: 'id', expr: 'between', value: '3' },
					{ table: 'email_stats', column: 'id', expr: 'gt', value: '28' },
					{ table: 'email_stats', column: 'email_address', expr: 'like', value: '%"s1%' },
					{ table: 'email_stats', column: 'email_address', expr: 'eq', value: 'a&b@example.com' },
					{ table: 'email_stats', column: 'email_address', expr: 'in', value: 's1@example.com' },
				],
				continueOnFail: true,
			},
		);
		expect(json[0].error).toBe(
			'The field "Table" needs a table name such as email_stats, got "../contacts" [item 0]',
		);
		expect(json[1].error).toBe('Mautic has no statistics table "no_such_table" [item 1]');
		expect(String(items[1].error?.description)).toMatch(/email_stats/);
		expect(json[2].error).toBe(
			'The table "email_stats" has no column "secret_col" (field "Conditions → 1 → Column") [item 2]',
		);
		expect(json[3].error).toBe(
			'The field "Conditions → 1 → Value" needs two values separated by a comma, got "3" [item 3]',
		);
		expect(json[4]).toMatchObject({ id: '29' });
		// Mautic HTML-encodes where values (checked on a real 5.1): these would match no row.
		expect(json[5].error).toBe(
			'The field "Conditions → 1 → Value" contains ", which Mautic\'s stats API turns into an HTML entity, so it would match no row [item 5]',
		);
		expect(String(items[5].error?.description)).toMatch(/Like/);
		expect(json[6].error).toBe(
			'The field "Conditions → 1 → Value" contains &, which Mautic\'s stats API turns into an HTML entity, so it would match no row [item 6]',
		);
		expect(json[7]).toMatchObject({ email_address: 's1@example.com' });
		expect(requestsTo('GET', '/stats')).toHaveLength(1);
	});
});
