import { basicCredential, runNode } from '../support/maatooRun';
import { startFixedAnswerServer } from '../support/fixedAnswerServer';

/*
 * A server that does not page as Mautic does (a proxy or plugin ignoring `start`/`limit`): the
 * same page for ever, with a huge total, with no total, or one page that says it holds more than
 * the list. Return All must stop with an error after a few requests, not read for ever.
 */

const serve = startFixedAnswerServer;

const contacts = (ids: number[]) =>
	Object.fromEntries(
		ids.map((id) => [String(id), { id, fields: { all: { id, email: `c${id}@example.com` } } }]),
	);

async function getAll(url: string, options = {}) {
	return await runNode({
		type: 'maatooContact',
		credential: basicCredential(url),
		continueOnFail: true,
		parameters: { operation: 'getAll', returnAll: true, options: { pageSize: 2, ...options } },
	});
}

test.each([
	['with a huge total', { total: '100000000' }],
	['with no total', {}],
])(
	'the same page again and again (%s) ends with an error on the second page',
	async (_label, extra) => {
		const server = await serve(() => ({ ...extra, contacts: contacts([1, 2]) }));
		try {
			const { json } = await getAll(server.url);
			expect(json).toHaveLength(1);
			expect(json[0].error).toBe(
				'Stopped reading /contacts from Mautic: page 2 is the same as page 1, word for word [item 0]',
			);
			// The second page, and at most one page asked ahead of it.
			expect(server.requests.length).toBeLessThanOrEqual(3);
		} finally {
			await server.close();
		}
	},
);

test('more rows than the server said the list has ends with an error', async () => {
	let next = 0;
	const server = await serve(() => ({ total: '3', contacts: contacts([++next, ++next]) }));
	try {
		const { json } = await getAll(server.url, { pageSize: 1 });
		expect(json[0].error).toBe(
			'Stopped reading /contacts from Mautic: it sent 4 rows although it said the list has 3 [item 0]',
		);
	} finally {
		await server.close();
	}
});

test('By ID paging against a server that ignores the cursor ends with an error, not with a silent partial list', async () => {
	const server = await serve(() => ({ total: '2', contacts: contacts([5, 6]) }));
	try {
		const { json } = await getAll(server.url, { pagination: 'idCursor' });
		expect(json[0].error).toMatch(
			/^Stopped reading \/contacts from Mautic: page 2 is the same as page 1/,
		);
	} finally {
		await server.close();
	}
});

test('a list of rows without IDs that repeats the same page ends too', async () => {
	const server = await serve(() => ({
		total: 50,
		events: [{ event: 'page.hit', timestamp: '2026-01-01T00:00:00+00:00' }],
	}));
	try {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(server.url),
			continueOnFail: true,
			parameters: {
				operation: 'getActivity',
				contactId: { __rl: true, mode: 'id', value: '1' },
				returnAll: true,
			},
		});
		expect(json[0].error).toMatch(
			/^Stopped reading \/contacts\/1\/activity from Mautic: page 2 is the same as page 1/,
		);
		expect(server.requests).toHaveLength(2);
	} finally {
		await server.close();
	}
});

test('pages of rows already seen, with new text each time (e.g. a changing field), end after 3 such pages', async () => {
	const server = await serve((n) => ({ total: '100000', contacts: contacts([1, 2]), served: n }));
	try {
		const { json } = await getAll(server.url);
		expect(json[0].error).toBe(
			'Stopped reading /contacts from Mautic: 3 pages in a row (up to page 4) brought no row that earlier pages had not already brought [item 0]',
		);
		expect(server.requests.length).toBeLessThanOrEqual(5);
	} finally {
		await server.close();
	}
});

/** A well-behaved Mautic, newest first, where contacts are created after the first page was served. */
async function growingInstance(createdAfterFirstPage: number[]) {
	let ids = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
	const server = await serve((n) => {
		const url = new URL(server.requests[n - 1], 'http://fake.invalid');
		const start = Number(url.searchParams.get('start'));
		const limit = Number(url.searchParams.get('limit'));
		const answer = {
			total: String(ids.length),
			contacts: contacts(ids.slice(start, start + limit)),
		};
		if (n === 1) ids = [...createdAfterFirstPage, ...ids];
		return answer;
	});
	return server;
}

test('contacts created during an offset read shift rows onto the next page: no error, no row twice', async () => {
	const server = await growingInstance([12, 11]);
	try {
		const { json } = await getAll(server.url, { orderBy: 'id', orderByDir: 'DESC' });
		expect(json.filter((row) => row.error)).toEqual([]);
		const ids = json.map((row) => row.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toEqual(expect.arrayContaining([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]));
	} finally {
		await server.close();
	}
});

test('the same with a limit: one contact created mid-read, the limit is still met', async () => {
	const server = await growingInstance([11]);
	try {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(server.url),
			continueOnFail: true,
			parameters: {
				operation: 'getAll',
				returnAll: false,
				limit: 3,
				options: { pageSize: 2, orderBy: 'id', orderByDir: 'DESC' },
			},
		});
		// (This test server writes each page's ids ascending: JavaScript orders integer keys.)
		expect(json.map((row) => row.id).sort((a, b) => Number(a) - Number(b))).toEqual([8, 9, 10]);
	} finally {
		await server.close();
	}
});
