import { compactContactList } from '../../nodes/shared/contacts/compactContactList';
import { simplifyContact } from '../../nodes/shared/contacts/simplifyContact';
import { readList } from '../../nodes/shared/engine';
import { stubContext } from '../support/stubContext';

function page(rows: Array<{ id: number }>, total: string | number | undefined, keyed = true) {
	const body: Record<string, unknown> = {};
	if (total !== undefined) body.total = total;
	const members = rows.map((row) => `"${row.id}":${JSON.stringify(row)}`).join(',');
	const container = keyed ? `{${members}}` : JSON.stringify(rows);
	const raw = `{${total !== undefined ? `"total":${JSON.stringify(total)},` : ''}"contacts":${container}}`;
	return { raw };
}

const list = { path: '/contacts', key: 'contacts', returnAll: true, limit: 0, pageSize: 2 };

describe('reading Mautic lists', () => {
	test('keeps the server order of id-keyed pages and reads a string total', async () => {
		const pages = [page([{ id: 9 }, { id: 3 }], '3'), page([{ id: 5 }], '3')];
		const { ctx, calls } = stubContext((_, index) => pages[index]);
		const rows = await readList(ctx, list);
		expect(rows.map((row) => row.id)).toEqual([9, 3, 5]);
		expect(calls.map((call) => call.qs)).toEqual([
			{ start: 0, limit: 2 },
			{ start: 2, limit: 2 },
		]);
	});

	test('an empty list as {} or [] gives no rows and one request', async () => {
		for (const raw of ['{"total":"0","contacts":{}}', '{"total":0,"contacts":[]}']) {
			const { ctx, calls } = stubContext(() => ({ raw }));
			expect(await readList(ctx, list)).toEqual([]);
			expect(calls).toHaveLength(1);
		}
	});

	test('stops on an empty page when the total is larger than the real row count', async () => {
		const pages = [page([{ id: 1 }, { id: 2 }], '10'), page([], '10')];
		const { ctx, calls } = stubContext((_, index) => pages[index] ?? page([], '10'));
		expect((await readList(ctx, list)).map((row) => row.id)).toEqual([1, 2]);
		// The third is the page asked ahead (start 4) while start 2 was read: it goes unused.
		expect(calls.map((call) => call.qs)).toEqual([
			{ start: 0, limit: 2 },
			{ start: 2, limit: 2 },
			{ start: 4, limit: 2 },
		]);
	});

	test('reads array pages and stops at a short page when no total is given', async () => {
		const pages = [
			page([{ id: 1 }, { id: 2 }], undefined, false),
			page([{ id: 3 }], undefined, false),
		];
		const { ctx, calls } = stubContext((_, index) => pages[index]);
		expect((await readList(ctx, list)).map((row) => row.id)).toEqual([1, 2, 3]);
		expect(calls).toHaveLength(2);
	});

	test('a limit asks only for what is needed', async () => {
		const { ctx, calls } = stubContext((options) => {
			const { start, limit } = options.qs as { start: number; limit: number };
			return page(
				Array.from({ length: limit }, (_, i) => ({ id: start + i + 1 })),
				'1000',
			);
		});
		const rows = await readList(ctx, { ...list, returnAll: false, limit: 5, pageSize: 3 });
		expect(rows.map((row) => row.id)).toEqual([1, 2, 3, 4, 5]);
		expect(calls.map((call) => call.qs)).toEqual([
			{ start: 0, limit: 3 },
			{ start: 3, limit: 2 },
		]);
	});

	test('maps rows page by page', async () => {
		const { ctx } = stubContext(() => page([{ id: 4 }], '1'));
		expect(
			await readList(ctx, { ...list, map: (row) => ({ doubled: Number(row.id) * 2 }) }),
		).toEqual([{ doubled: 8 }]);
	});

	test('page-numbered lists ask for pages 1, 2, …', async () => {
		const pages = [
			{ raw: '{"total":3,"events":[{"id":1},{"id":2}]}' },
			{ raw: '{"total":3,"events":[{"id":3}]}' },
		];
		const { ctx, calls } = stubContext((_, index) => pages[index]);
		const rows = await readList(ctx, {
			path: '/contacts/activity',
			key: 'events',
			returnAll: true,
			limit: 0,
			pageSize: 2,
			paging: 'page',
		});
		expect(rows).toHaveLength(3);
		expect(calls.map((call) => call.qs)).toEqual([
			{ page: 1, limit: 2 },
			{ page: 2, limit: 2 },
		]);
	});

	test("id-cursor paging asks for ids above the last one seen, keeping the user's conditions", async () => {
		const pages = [
			page([{ id: 3 }, { id: 8 }], '5'),
			page([{ id: 9 }, { id: 12 }], '3'),
			page([{ id: 20 }], '1'),
		];
		const { ctx, calls } = stubContext((_, index) => pages[index]);
		const rows = await readList(ctx, {
			...list,
			qs: { where: [{ col: 'city', expr: 'eq', val: 'Bern' }] },
			paging: 'idCursor',
		});
		expect(rows.map((row) => row.id)).toEqual([3, 8, 9, 12, 20]);
		expect(calls.map((call) => call.qs)).toEqual(
			[0, 8, 12].map((lastId) => ({
				start: 0,
				limit: 2,
				orderBy: 'id',
				orderByDir: 'ASC',
				where: [
					{ col: 'city', expr: 'eq', val: 'Bern' },
					{ col: 'id', expr: 'gt', val: lastId },
				],
			})),
		);
	});

	test('id-cursor paging stops when the cursor does not move', async () => {
		const { ctx, calls } = stubContext(() => page([{ id: 4 }, { id: 4 }], '2'));
		await readList(ctx, { ...list, paging: 'idCursor' });
		expect(calls.length).toBeLessThanOrEqual(2);
	});
});

describe('asking for the next page ahead', () => {
	const ROWS = Array.from({ length: 10 }, (_, index) => ({ id: index + 1 }));
	const byOffset = (options: { qs?: unknown }) => {
		const { start, limit } = options.qs as { start: number; limit: number };
		return page(ROWS.slice(start, start + limit), ROWS.length);
	};

	test('a stable list costs no extra request: one per page', async () => {
		const { ctx, calls } = stubContext(byOffset);
		const rows = await readList(ctx, list);
		expect(rows.map((row) => row.id)).toEqual(ROWS.map((row) => row.id));
		expect(calls.map((call) => (call.qs as { start: number }).start)).toEqual([0, 2, 4, 6, 8]);
	});

	test('a page asked ahead is dropped when the page before came back short', async () => {
		// The server answers one row for start 2 (rows gone meanwhile), so the loop goes on at 3, not 4.
		const { ctx, calls } = stubContext((options) => {
			const { start } = options.qs as { start: number };
			return start === 2 ? page([{ id: 3 }], ROWS.length) : byOffset(options);
		});
		const rows = await readList(ctx, list);
		expect(rows.map((row) => row.id)).toEqual(ROWS.map((row) => row.id));
		const starts = calls.map((call) => (call.qs as { start: number }).start);
		expect(starts).toEqual([0, 2, 4, 3, 5, 7, 9]);
	});

	test('an unused page asked ahead may fail without failing the read', async () => {
		const { ctx } = stubContext((options) => {
			const { start } = options.qs as { start: number };
			if (start === 4) return { networkCode: 'ECONNRESET' };
			return start === 2 ? page([{ id: 3 }], ROWS.length) : byOffset(options);
		});
		const rows = await readList(ctx, { ...list, maxRetries: 0 });
		expect(rows.map((row) => row.id)).toEqual(ROWS.map((row) => row.id));
	});

	test('a used page asked ahead that failed fails the read', async () => {
		const { ctx } = stubContext((options) =>
			(options.qs as { start: number }).start === 4
				? { networkCode: 'ECONNRESET' }
				: byOffset(options),
		);
		await expect(readList(ctx, { ...list, maxRetries: 0 })).rejects.toThrow(
			/ECONNRESET|connect|reach/i,
		);
	});

	test('a page that failed while another request was open is asked once more, on its own', async () => {
		let failures = 0;
		const { ctx, calls } = stubContext((options) => {
			if ((options.qs as { start: number }).start === 4 && failures++ === 0)
				return { status: 400, raw: '' };
			return byOffset(options);
		});
		const rows = await readList(ctx, { ...list, maxRetries: 0 });
		expect(rows.map((row) => row.id)).toEqual(ROWS.map((row) => row.id));
		expect(calls.filter((call) => (call.qs as { start: number }).start === 4)).toHaveLength(2);
	});

	test('a page refused for its own reasons (a Mautic error) is not asked again', async () => {
		const refused = {
			status: 400,
			body: { errors: [{ code: 400, message: 'where: unknown column', details: [] }] },
		};
		const { ctx, calls } = stubContext((options) =>
			(options.qs as { start: number }).start === 4 ? refused : byOffset(options),
		);
		await expect(readList(ctx, { ...list, maxRetries: 0 })).rejects.toThrow(/unknown column/);
		expect(calls.filter((call) => (call.qs as { start: number }).start === 4)).toHaveLength(1);
	});

	test('the first page, asked alone, is not asked again', async () => {
		const { ctx, calls } = stubContext(() => ({ status: 400, raw: '' }));
		await expect(readList(ctx, { ...list, maxRetries: 0 })).rejects.toThrow();
		expect(calls).toHaveLength(1);
	});

	test('nothing is asked ahead beyond the limit', async () => {
		const { ctx, calls } = stubContext(byOffset);
		const rows = await readList(ctx, { ...list, returnAll: false, limit: 5 });
		expect(rows.map((row) => row.id)).toEqual([1, 2, 3, 4, 5]);
		expect(calls.map((call) => call.qs)).toEqual([
			{ start: 0, limit: 2 },
			{ start: 2, limit: 2 },
			{ start: 4, limit: 1 },
		]);
	});
});

describe('compacted pages', () => {
	const entry = (alias: string, value: unknown) => ({
		id: '2',
		label: alias,
		alias,
		type: 'text',
		group: 'core',
		value,
		normalizedValue: value,
	});
	const contactList = { ...list, map: simplifyContact, compact: compactContactList };

	test('a page whose contacts carry fields.all is read from the compacted text', async () => {
		const contact = {
			id: 5,
			fields: { core: { firstname: entry('firstname', 'Ada') }, all: { id: 5, firstname: 'Ada' } },
		};
		const raw = JSON.stringify({ total: '1', contacts: { 5: contact } });
		const compacted: string[] = [];
		const { ctx } = stubContext(() => ({ raw }));
		const text = (received: string) => {
			compacted.push(compactContactList.text(received));
			return compacted[compacted.length - 1];
		};
		expect(
			await readList(ctx, { ...contactList, compact: { ...compactContactList, text } }),
		).toEqual([{ id: 5, firstname: 'Ada' }]);
		expect(compacted).toEqual([
			raw.replace(JSON.stringify({ firstname: entry('firstname', 'Ada') }), '0'),
		]);
	});

	test('a page with a contact lacking fields.all is parsed whole, so grouped values are not lost', async () => {
		const contact = { id: 5, fields: { core: { firstname: entry('firstname', 'Ada') } } };
		const { ctx } = stubContext(() => ({
			raw: JSON.stringify({ total: '1', contacts: { 5: contact } }),
		}));
		expect(await readList(ctx, contactList)).toEqual([{ id: 5, firstname: 'Ada' }]);
	});
});
