import type { IDataObject } from 'n8n-workflow';
import { MaatooNote } from '../../nodes/MaatooNote/MaatooNote.node';
import { startFakeMautic } from '../fake-mautic';
import { basicCredential, registerNodeType, runNode } from '../support/maatooRun';
import { mauticApi } from '../support/seed';

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;
let ann: number;
let bob: number;

registerNodeType('maatooNote', new MaatooNote());

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
		type: 'maatooNote',
		credential: basicCredential(fake.url),
		parameters,
		...options,
	});
}

beforeAll(async () => {
	fake = await startFakeMautic({ version: '5.1.1' });
	ann = fake.store.createContact({ email: 'ann@example.com', firstname: 'Ann' }).id;
	bob = fake.store.createContact({ email: 'bob@example.com', firstname: 'Bob' }).id;
});

afterAll(async () => fake?.close());
beforeEach(() => {
	fake.store.notes.clear();
	fake.clearRequests();
});

async function note(contactId: number, text: string, type = 'general'): Promise<IDataObject> {
	return (await mauticApi(fake.url, 'POST', '/notes/new', { lead: contactId, text, type }))
		.note as IDataObject;
}

describe('Note: create', () => {
	test('a lost answer to a create is not sent again: the note would be added twice', async () => {
		const lost = (status: number) => {
			let done = false;
			return (request: any) => {
				if (done || request.method !== 'POST' || request.path !== '/api/notes/new')
					return undefined;
				done = true;
				return { status, after: true };
			};
		};
		try {
			fake.setConfig({ fault: lost(502) });
			const { json } = await run(
				{ operation: 'create', contactId: byId(ann), text: 'Once only', type: 'general' },
				{ continueOnFail: true },
			);
			expect(json[0].error).toEqual(expect.any(String));
			expect(requestsTo('POST', '/notes/new')).toHaveLength(1);
			expect([...fake.store.notes.values()]).toHaveLength(1); // applied once, never twice
		} finally {
			fake.setConfig({ fault: undefined });
		}
	});

	test('update and delete are repeated after a lost answer: the result is the same', async () => {
		const kept = await note(ann, 'Draft');
		const lostOnce = (method: string) => {
			let done = false;
			return (request: any) => {
				if (done || request.method !== method) return undefined;
				done = true;
				return { reset: true, after: true };
			};
		};
		try {
			fake.setConfig({ fault: lostOnce('PATCH') });
			const updated = await run({
				operation: 'update',
				noteId: byId(kept.id as number),
				updateFields: { text: 'Final' },
			});
			expect(updated.json[0]).toMatchObject({ id: kept.id, text: 'Final' });
			expect(requestsTo('PATCH', `/notes/${kept.id}/edit`)).toHaveLength(2);

			fake.setConfig({ fault: lostOnce('DELETE') });
			const deleted = await run({ operation: 'delete', noteId: byId(kept.id as number) });
			expect(deleted.json[0]).toEqual({ id: kept.id, deleted: true });
			expect(fake.store.notes.has(kept.id)).toBe(false);
		} finally {
			fake.setConfig({ fault: undefined });
		}
	});

	test('adds a note to a contact by ID or email, with type and date; the output is flat', async () => {
		const { json } = await run(
			{
				operation: 'create',
				contactId: '={{ $json.contact }}',
				text: '={{ $json.text }}',
				type: 'call',
				additionalFields: { dateTime: '2026-11-30T14:45:30.000Z' },
			},
			{
				items: [
					{ contact: ann, text: 'Called about the <b>renewal</b>' },
					{ contact: bob, text: 'Left a voicemail' },
				],
			},
		);
		expect(json).toEqual([
			{
				id: expect.any(Number),
				contactId: ann,
				type: 'call',
				text: 'Called about the <b>renewal</b>',
				dateTime: '2026-11-30T14:45:00+00:00',
			},
			expect.objectContaining({ contactId: bob, text: 'Left a voicemail' }),
		]);
		expect(requestsTo('POST', '/notes/new')[0].body).toEqual({
			lead: ann,
			text: 'Called about the <b>renewal</b>',
			type: 'call',
			dateTime: '2026-11-30 14:45',
		});

		const byEmail = await run({
			operation: 'create',
			contactId: { __rl: true, mode: 'email', value: 'bob@example.com' },
			text: 'Met at the fair',
			type: 'meeting',
		});
		expect(byEmail.json[0]).toMatchObject({ contactId: bob, type: 'meeting', dateTime: null });
	});

	test('bad input fails its item only: missing contact, non-numeric ID, empty text, unknown type, bad date', async () => {
		const { json } = await run(
			{
				operation: 'create',
				contactId: '={{ $json.contact }}',
				text: '={{ $json.text }}',
				type: '={{ $json.type }}',
				additionalFields: { dateTime: '={{ $json.date }}' },
			},
			{
				items: [
					{ contact: 9999, text: 'x', type: 'general', date: '' },
					{ contact: 'abc', text: 'x', type: 'general', date: '' },
					{ contact: ann, text: '  ', type: 'general', date: '' },
					{ contact: ann, text: 'x', type: 'fax', date: '' },
					{ contact: ann, text: 'x', type: 'email', date: 'next tuesday' },
					{ contact: ann, text: 'fine', type: 'Email', date: '2026-01-02' },
					{ contact: ann, text: 'x', type: 'call', date: '2026-02-30 10:00' },
					{ contact: ann, text: 'x', type: 'call', date: 'friday 3' },
				],
				continueOnFail: true,
			},
		);
		expect(json.map((row) => row.error ?? row.text)).toEqual([
			'The contact 9999 does not exist [item 0]',
			'The field "Contact" needs a numeric ID, got "abc" [item 1]',
			'The field "Text" is empty [item 2]',
			'The field "Type" must be one of general, email, call, meeting, got "fax" [item 3]',
			'The field "Date" needs a date and time, got "next tuesday" [item 4]',
			'fine',
			'The field "Date" needs a date and time, got "2026-02-30 10:00" [item 6]',
			'The field "Date" needs a date and time, got "friday 3" [item 7]',
		]);
		expect(requestsTo('POST', '/notes/new')).toHaveLength(2);
	});
});

describe('Note: get, get many, update, delete', () => {
	test('get by ID and from the list; a missing note is named', async () => {
		const created = await note(ann, 'Hello');
		for (const noteId of [
			byId(created.id as number),
			{ __rl: true, mode: 'list', value: String(created.id) },
		]) {
			const { json } = await run({ operation: 'get', noteId });
			expect(json).toEqual([
				{ id: created.id, contactId: ann, type: 'general', text: 'Hello', dateTime: null },
			]);
		}
		const missing = await run({ operation: 'get', noteId: byId(9999) }, { continueOnFail: true });
		expect(missing.json[0].error).toBe('The note 9999 does not exist [item 0]');
	});

	test("a contact's notes added in one second are neither lost nor repeated across pages", async () => {
		// Mautic orders a contact's notes by the second they were added; MySQL may order ties
		// differently per page
		fake.store.noteTies = 'unstable';
		try {
			const ids: number[] = [];
			for (let index = 0; index < 5; index++)
				ids.push((await note(bob, `Burst ${index}`)).id as number);
			const { json } = await run({
				operation: 'getAll',
				scope: 'contact',
				contactId: byId(bob),
				returnAll: true,
				options: { pageSize: 2 },
			});
			expect(json.map((row) => row.id)).toEqual([...ids].reverse());
			expect(requestsTo('GET', `/contacts/${bob}/notes`)[0].query).toMatchObject({
				orderBy: 'n.id',
				orderByDir: 'DESC',
			});
		} finally {
			fake.store.noteTies = 'stable';
		}
	});

	test("get many: one contact's notes newest first, searched and by type; all notes; return all ends", async () => {
		await note(ann, 'First call', 'call');
		await note(bob, 'Bob email', 'email');
		await note(ann, 'Second call', 'call');
		await note(ann, 'A meeting', 'meeting');

		const anns = await run({
			operation: 'getAll',
			scope: 'contact',
			contactId: byId(ann),
			returnAll: true,
		});
		expect(anns.json.map((row) => row.text)).toEqual(['A meeting', 'Second call', 'First call']);
		expect(anns.json.every((row) => row.contactId === ann)).toBe(true);

		const calls = await run({
			operation: 'getAll',
			scope: 'contact',
			contactId: { __rl: true, mode: 'email', value: 'ann@example.com' },
			returnAll: true,
			options: { type: 'call', search: 'second' },
		});
		expect(calls.json.map((row) => row.text)).toEqual(['Second call']);
		expect(requestsTo('GET', `/contacts/${ann}/notes`).at(-1).query.search).toBe(
			'type:call second',
		);

		const all = await run({
			operation: 'getAll',
			scope: 'all',
			returnAll: true,
			options: { pageSize: 1 },
		});
		expect(all.json.map((row) => row.text)).toEqual([
			'First call',
			'Bob email',
			'Second call',
			'A meeting',
		]);
		expect(all.json.map((row) => row.contactId)).toEqual([ann, bob, ann, ann]);

		const limited = await run({ operation: 'getAll', scope: 'all', returnAll: false, limit: 2 });
		expect(limited.json).toHaveLength(2);

		const missing = await run(
			{ operation: 'getAll', scope: 'contact', contactId: byId(9999), returnAll: true },
			{ continueOnFail: true },
		);
		expect(missing.json[0].error).toBe('The contact 9999 does not exist [item 0]');
	});

	test('update changes only what is given; nothing given, a missing note or a bad type fail their item', async () => {
		const created = await note(ann, 'Draft', 'general');
		const { json } = await run({
			operation: 'update',
			noteId: byId(created.id as number),
			updateFields: { type: 'email', dateTime: '2026-05-01T08:00:00Z' },
		});
		expect(json).toEqual([
			{
				id: created.id,
				contactId: ann,
				type: 'email',
				text: 'Draft',
				dateTime: '2026-05-01T08:00:00+00:00',
			},
		]);
		expect(requestsTo('PATCH', `/notes/${created.id}/edit`)[0].body).toEqual({
			type: 'email',
			dateTime: '2026-05-01 08:00',
		});
		const bad = [];
		for (const [noteId, updateFields] of [
			[created.id, {}],
			[9999, { text: 'x' }],
			[created.id, { type: '={{ "memo" }}' }],
		] as Array<[number, IDataObject]>) {
			const { json: failed } = await run(
				{ operation: 'update', noteId: byId(noteId), updateFields },
				{ continueOnFail: true },
			);
			bad.push(...failed);
		}
		expect(bad.map((row) => row.error)).toEqual([
			'The field "Update Fields" is empty: add at least one field to change [item 0]',
			'The note 9999 does not exist [item 0]',
			'The field "Type" must be one of general, email, call, meeting, got "memo" [item 0]',
		]);
	});

	test('delete removes the note; a second delete names it', async () => {
		const created = await note(ann, 'Bye');
		const { json } = await run({ operation: 'delete', noteId: byId(created.id as number) });
		expect(json).toEqual([{ id: created.id, deleted: true }]);
		expect(fake.store.notes.has(created.id)).toBe(false);
		const again = await run(
			{ operation: 'delete', noteId: byId(created.id as number) },
			{ continueOnFail: true },
		);
		expect(again.json[0].error).toBe(`The note ${created.id} does not exist [item 0]`);
	});
});
