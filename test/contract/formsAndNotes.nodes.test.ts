import type { IDataObject } from 'n8n-workflow';
import { MaatooForm } from '../../nodes/MaatooForm/MaatooForm.node';
import { MaatooNote } from '../../nodes/MaatooNote/MaatooNote.node';
import { registerNodeType } from '../support/maatooRun';
import { createContact, email, uniqueName } from './fixtures';
import { createForm, submit } from './formFixtures';
import { byId, runOn } from './nodeRun';
import { onEachBackend } from './suite';

registerNodeType('maatooForm', new MaatooForm());
registerNodeType('maatooNote', new MaatooNote());

onEachBackend('nodes', 'Maatoo Form', ({ backend, check }) => {
	const run = (parameters: IDataObject, options: Parameters<typeof runOn>[3] = {}) =>
		runOn(backend(), 'maatooForm', parameters, options);

	check(
		'Get, Get Many, Get Submissions (all, paged, date range), of a Contact, Get Submission, Delete',
		async () => {
			const name = uniqueName('Node form');
			const form = await createForm(backend(), name);
			const ann = email(backend(), 'node-form-ann');
			const bob = email(backend(), 'node-form-bob');
			await submit(backend(), form, { email: ann, message: 'One', colors: ['red'] });
			await submit(backend(), form, { email: bob, message: 'Two' });
			await submit(backend(), form, { email: ann, message: 'Three' });

			const got = await run({ operation: 'get', formId: byId(form.id) });
			expect(got.json[0]).toMatchObject({ id: form.id, name });
			const found = await run({ operation: 'getAll', returnAll: true, options: { search: name } });
			expect(found.json.map((row) => row.id)).toEqual([form.id]);

			const all = await run({
				operation: 'getSubmissions',
				formId: byId(form.id),
				returnAll: true,
				options: { pageSize: 2 },
			});
			expect(all.json.map((row) => [row.email, row.message, row.colors])).toEqual([
				[ann, 'One', 'red'],
				[bob, 'Two', ''],
				[ann, 'Three', ''],
			]);
			expect(all.json[0]).toMatchObject({
				formId: form.id,
				contactId: expect.any(Number),
				submissionId: expect.any(Number),
				dateSubmitted: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
				page: null,
			});
			const none = await run({
				operation: 'getSubmissions',
				formId: byId(form.id),
				returnAll: true,
				options: { submittedAfter: '2999-01-01T00:00:00Z' },
			});
			expect(none.json).toEqual([]);
			const since = await run({
				operation: 'getSubmissions',
				formId: byId(form.id),
				returnAll: true,
				options: { submittedAfter: '2000-01-01', submittedBefore: '2999-01-01' },
			});
			expect(since.json).toHaveLength(3);

			const annId = all.json[0].contactId;
			for (const options of [{}, { submittedAfter: '2000-01-01' }]) {
				const mine = await run({
					operation: 'getContactSubmissions',
					formId: byId(form.id),
					contactId: { __rl: true, mode: 'email', value: ann },
					returnAll: true,
					options,
				});
				expect(mine.json.map((row) => row.message)).toEqual(['One', 'Three']);
				expect(mine.json.every((row) => row.contactId === annId)).toBe(true);
			}

			const one = await run({
				operation: 'getSubmission',
				formId: byId(form.id),
				submissionId: String(all.json[1].submissionId),
			});
			expect(one.json).toEqual([all.json[1]]);
			const raw = await run({
				operation: 'getSubmission',
				formId: byId(form.id),
				submissionId: String(all.json[1].submissionId),
				simplify: false,
			});
			expect(raw.json[0]).toMatchObject({ id: all.json[1].submissionId, results: { email: bob } });

			const missing = await run(
				{ operation: 'getSubmissions', formId: byId(999999999), returnAll: true },
				{ continueOnFail: true },
			);
			expect(missing.json[0].error).toBe('The form 999999999 does not exist [item 0]');

			const deleted = await run({ operation: 'delete', formId: byId(form.id) });
			expect(deleted.json).toEqual([{ id: form.id, deleted: true }]);
			const gone = await run({ operation: 'get', formId: byId(form.id) }, { continueOnFail: true });
			expect(gone.json[0].error).toBe(`The form ${form.id} does not exist [item 0]`);
		},
		{ timeout: 120_000 },
	);
});

onEachBackend('nodes', 'Maatoo Note', ({ backend, check }) => {
	const run = (parameters: IDataObject, options: Parameters<typeof runOn>[3] = {}) =>
		runOn(backend(), 'maatooNote', parameters, options);

	check(
		'Create, Get, Get Many (one contact, by type, all), Update, Delete; a missing contact fails its item',
		async () => {
			const address = email(backend(), 'node-notes');
			const contactId = await createContact(backend(), { email: address });
			const tag = uniqueName('note');
			const created = await run(
				{
					operation: 'create',
					contactId: { __rl: true, mode: 'email', value: address },
					text: '={{ $json.text }}',
					type: '={{ $json.type }}',
					additionalFields: { dateTime: '2026-11-30T14:45:00Z' },
				},
				{
					items: [
						{ text: `${tag} call`, type: 'call' },
						{ text: `${tag} meeting`, type: 'meeting' },
					],
				},
			);
			expect(created.json).toEqual([
				{
					id: expect.any(Number),
					contactId,
					type: 'call',
					text: `${tag} call`,
					dateTime: '2026-11-30T14:45:00+00:00',
				},
				expect.objectContaining({ contactId, type: 'meeting' }),
			]);
			const [call, meeting] = created.json;

			const got = await run({ operation: 'get', noteId: byId(call.id) });
			expect(got.json).toEqual([call]);
			const mine = await run({
				operation: 'getAll',
				scope: 'contact',
				contactId: byId(contactId),
				returnAll: true,
			});
			expect(mine.json.map((row) => row.id)).toEqual([meeting.id, call.id]);
			expect(mine.json.every((row) => row.contactId === contactId)).toBe(true);
			const calls = await run({
				operation: 'getAll',
				scope: 'contact',
				contactId: byId(contactId),
				returnAll: true,
				options: { type: 'call' },
			});
			expect(calls.json.map((row) => row.id)).toEqual([call.id]);
			const searched = await run({
				operation: 'getAll',
				scope: 'all',
				returnAll: true,
				options: { search: tag },
			});
			expect(searched.json.map((row) => row.id)).toEqual([call.id, meeting.id]);

			const updated = await run({
				operation: 'update',
				noteId: byId(call.id),
				updateFields: { text: `${tag} call, updated` },
			});
			expect(updated.json[0]).toMatchObject({
				id: call.id,
				type: 'call',
				text: `${tag} call, updated`,
			});

			const missing = await run(
				{ operation: 'create', contactId: byId(999999999), text: 'x', type: 'general' },
				{ continueOnFail: true },
			);
			expect(missing.json[0].error).toBe('The contact 999999999 does not exist [item 0]');

			for (const note of [call, meeting]) {
				const deleted = await run({ operation: 'delete', noteId: byId(note.id) });
				expect(deleted.json).toEqual([{ id: note.id, deleted: true }]);
			}
			await backend().api('DELETE', `/contacts/${contactId}/delete`);
		},
		{ timeout: 120_000 },
	);
});
