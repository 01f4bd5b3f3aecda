import { expectShape } from './expectShape';
import { createContact, email, uniqueName } from './fixtures';
import * as S from './schemas';
import { onEachBackend } from './suite';

/** The system reports every Mautic 5.1 installs. */
const SYSTEM_REPORTS = [
	['Visits published Pages', 'page.hits'],
	['Downloads of all Assets', 'asset.downloads'],
	['Submissions of published Forms', 'form.submissions'],
	['All Emails', 'email.stats'],
	['Leads and Points', 'lead.pointlog'],
];

onEachBackend('contract', 'Reports and stats', ({ backend, check }) => {
	check(
		'reports list as an array with the system reports; a run pages its rows; a missing one is a 404',
		async () => {
			const list = expectShape(
				S.arrayList('reports', S.reportSummary),
				(await backend().raw('GET', '/api/reports?limit=100')).body,
			);
			const system = list.reports.filter((r) => r.system).map((r) => [r.name, r.source]);
			expect(system).toEqual(expect.arrayContaining(SYSTEM_REPORTS));
			const emails = list.reports.find((r) => r.name === 'All Emails')!;

			const paged = expectShape(
				S.reportRun,
				(await backend().raw('GET', `/api/reports/${emails.id}?limit=2&page=1`)).body,
			);
			expect(paged).toMatchObject({ limit: 2, page: 1 });
			// The page answered is named (the Run Report pager checks it against the page asked for).
			const second = expectShape(
				S.reportRun,
				(await backend().raw('GET', `/api/reports/${emails.id}?limit=2&page=2`)).body,
			);
			expect(second).toMatchObject({ limit: 2, page: 2 });
			expect(paged.data.length).toBeLessThanOrEqual(2);
			expect(paged.report).toMatchObject({ id: emails.id, name: 'All Emails' });
			const ranged = expectShape(
				S.reportRun,
				(
					await backend().raw(
						'GET',
						`/api/reports/${emails.id}?dateFrom=2020-01-01&dateTo=2020-01-02&limit=5&page=1`,
					)
				).body,
			);
			expect(ranged.dateFrom).toBe('2020-01-01T00:00:00+00:00');
			expect(ranged.totalResults).toBe(0);
			// Moments, times kept: 5.1 loses getReportData's "end of day" (setTime on an immutable date).
			const timed = expectShape(
				S.reportRun,
				(
					await backend().raw(
						'GET',
						`/api/reports/${emails.id}?dateFrom=2020-01-01T05:06:07&dateTo=2020-01-02T03:04:05&limit=1&page=1`,
					)
				).body,
			);
			expect(timed).toMatchObject({
				dateFrom: '2020-01-01T05:06:07+00:00',
				dateTo: '2020-01-02T03:04:05+00:00',
			});
			const unpaged = expectShape(
				S.reportRun,
				(await backend().raw('GET', `/api/reports/${emails.id}`)).body,
			);
			expect(unpaged).toMatchObject({ limit: 0, page: 1 });
			expect(unpaged.data).toHaveLength(unpaged.totalResults);

			const missing = await backend().raw('GET', '/api/reports/999999');
			expect(missing.status).toBe(404);
			expectShape(S.controllerError, missing.body);
		},
	);

	check(
		'stats: the table list; rows as strings with total as a string; where, order, start/limit; unknown table answers the list, unknown column an error with 200, unknown expression is ignored',
		async () => {
			const catalogue = expectShape(
				S.statsCatalogue,
				(await backend().raw('GET', '/api/stats')).body,
			);
			expect(catalogue.availableTables).toEqual(
				expect.arrayContaining([
					'email_stats',
					'page_hits',
					'lead_stages_change_log',
					'sms_message_stats',
				]),
			);
			expect(catalogue.tableColumns.lead_stages_change_log).toEqual(
				expect.arrayContaining(['id', 'lead_id', 'stage_id', 'action_name', 'date_added']),
			);

			const stage = (
				await backend().api('POST', '/stages/new', { name: uniqueName('Stats stage') })
			).stage;
			const contactId = await createContact(backend(), { email: email(backend(), 'stats') });
			try {
				await backend().api('POST', `/stages/${stage.id}/contact/${contactId}/add`);
				await backend().api('POST', `/stages/${stage.id}/contact/${contactId}/remove`);
				await backend().api('POST', `/stages/${stage.id}/contact/${contactId}/add`);
				const where = `where[0][col]=lead_id&where[0][expr]=eq&where[0][val]=${contactId}`;
				const rows = expectShape(
					S.statsRows,
					(
						await backend().raw(
							'GET',
							`/api/stats/lead_stages_change_log?${where}&order[0][col]=id&order[0][dir]=desc&start=1&limit=1`,
						)
					).body,
				);
				expect(rows.total).toBe('3');
				expect(rows.stats).toHaveLength(1);
				expect(rows.stats[0]).toMatchObject({
					lead_id: String(contactId),
					action_name: 'Manually Removed',
				});

				const ignored = expectShape(
					S.statsRows,
					(
						await backend().raw(
							'GET',
							`/api/stats/lead_stages_change_log?${where}&where[1][col]=id&where[1][expr]=bogus&where[1][val]=0`,
						)
					).body,
				);
				expect(ignored.total).toBe('3');

				// `in` splits its value with str_getcsv and keeps the spaces: " Manually Added" matches nothing.
				const inList = async (val: string) =>
					expectShape(
						S.statsRows,
						(
							await backend().raw(
								'GET',
								`/api/stats/lead_stages_change_log?${where}&where[1][col]=action_name&where[1][expr]=in&where[1][val]=${encodeURIComponent(val)}`,
							)
						).body,
					).total;
				expect(await inList('Manually Removed,Manually Added')).toBe('3');
				expect(await inList('Manually Removed, Manually Added')).toBe('1');

				const unknownTable = await backend().raw('GET', '/api/stats/no_such_table');
				expect(unknownTable.status).toBe(200);
				expectShape(S.statsCatalogue, unknownTable.body);

				const unknownColumn = await backend().raw(
					'GET',
					'/api/stats/lead_stages_change_log?where[0][col]=nope&where[0][expr]=eq&where[0][val]=1',
				);
				expect(unknownColumn.status).toBe(200);
				expect(expectShape(S.statsError, unknownColumn.body).errors[0]).toMatchObject({
					code: 1054,
				});
			} finally {
				await backend().raw('DELETE', `/api/contacts/${contactId}/delete`);
				await backend().raw('DELETE', `/api/stages/${stage.id}/delete`);
			}
		},
	);
	check(
		'stats: a where value is HTML-encoded by Mautic (FILTER_SANITIZE_SPECIAL_CHARS), so "&" or a quote never matches, except in "in"',
		async () => {
			const stage = (
				await backend().api('POST', '/stages/new', { name: uniqueName('Stats "q" & co') })
			).stage;
			const contactId = await createContact(backend(), { email: email(backend(), 'stats-enc') });
			try {
				await backend().api('POST', `/stages/${stage.id}/contact/${contactId}/add`);
				const count = async (expr: string, val: string) =>
					expectShape(
						S.statsRows,
						(
							await backend().raw(
								'GET',
								`/api/stats/lead_stages_change_log?where[0][col]=lead_id&where[0][expr]=eq&where[0][val]=${contactId}&where[1][col]=event_name&where[1][expr]=${expr}&where[1][val]=${encodeURIComponent(val)}`,
							)
						).body,
					).total;
				const eventName = `${stage.id}: ${stage.name}`;
				expect(await count('like', `${stage.id}: %`)).toBe('1');
				expect(await count('eq', eventName)).toBe('0');
				expect(await count('like', '%& co%')).toBe('0');
				expect(await count('in', `"${eventName.replace(/"/g, '""')}"`)).toBe('1');
			} finally {
				await backend().raw('DELETE', `/api/contacts/${contactId}/delete`);
				await backend().raw('DELETE', `/api/stages/${stage.id}/delete`);
			}
		},
	);
});
