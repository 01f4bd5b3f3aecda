import { basicCredential, runNode } from '../support/maatooRun';
import { startFixedAnswerServer } from '../support/fixedAnswerServer';

/*
 * A server that does not page as Mautic does (a proxy or plugin ignoring `start`/`limit`): the
 * same page for ever, with a huge total, with no total, or one page that says it holds more than
 * the list. Return All must stop with an error after a few requests, not read for ever.
 */

const serve = startFixedAnswerServer;

const contacts = (ids: number[]) => Object.fromEntries(ids.map((id) => [String(id), { id, fields: { all: { id, email: `c${id}@example.com` } } }]));

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
])('the same page again and again (%s) ends with an error on the second page', async (_label, extra) => {
	const server = await serve(() => ({ ...extra, contacts: contacts([1, 2]) }));
	try {
		const { json } = await getAll(server.url);
		expect(json).toHaveLength(1);
		expect(json[0].error).toBe('Stopped reading /contacts from Mautic: page 2 brought no row that earlier pages had not already brought [item 0]');
		// The second page, and at most one page asked ahead of it.
		expect(server.requests.length).toBeLessThanOrEqual(3);
	} finally {
		await server.close();
	}
});

test('more rows than the server said the list has ends with an error', async () => {
	let next = 0;
	const server = await serve(() => ({ total: '3', contacts: contacts([++next, ++next]) }));
	try {
		const { json } = await getAll(server.url, { pageSize: 1 });
		expect(json[0].error).toBe('Stopped reading /contacts from Mautic: it sent 4 rows although it said the list has 3 [item 0]');
	} finally {
		await server.close();
	}
});

test('By ID paging against a server that ignores the cursor ends with an error, not with a silent partial list', async () => {
	const server = await serve(() => ({ total: '2', contacts: contacts([5, 6]) }));
	try {
		const { json } = await getAll(server.url, { pagination: 'idCursor' });
		expect(json[0].error).toMatch(/^Stopped reading \/contacts from Mautic: page 2 brought no row/);
	} finally {
		await server.close();
	}
});

test('a list of rows without IDs that repeats the same page ends too', async () => {
	const server = await serve(() => ({ total: 50, events: [{ event: 'page.hit', timestamp: '2026-01-01T00:00:00+00:00' }] }));
	try {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: basicCredential(server.url),
			continueOnFail: true,
			parameters: { operation: 'getActivity', contactId: { __rl: true, mode: 'id', value: '1' }, returnAll: true },
		});
		expect(json[0].error).toMatch(/^Stopped reading \/contacts\/1\/activity from Mautic: page 2 brought no row/);
		expect(server.requests).toHaveLength(2);
	} finally {
		await server.close();
	}
});
