import type { IDataObject } from 'n8n-workflow';
import { executeOperations, standardBatchResults, type Operation } from '../../nodes/shared/engine';
import { stubContext } from '../support/stubContext';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

/** A batch operation over three items like Create or Update: entries are the item's email. */
function upsertOperation(emails: string[], size = 2): Operation {
	return {
		value: 'upsert',
		name: 'Upsert',
		action: 'Upsert',
		description: '',
		properties: [],
		batch: {
			use: (_ctx, count) => count > 1,
			entry: (_ctx, itemIndex) => {
				if (emails[itemIndex] === '') throw new Error('The field "Email" is empty');
				return { email: emails[itemIndex] };
			},
			plan: () => ({
				size,
				entityLabel: 'contact',
				request: (entries) => ({
					method: 'POST',
					path: '/contacts/batch/new',
					body: entries,
					idempotent: true,
				}),
				results: standardBatchResults('contacts', (entity, statusCode) => ({
					...entity,
					statusCode,
				})),
			}),
		},
	};
}

/** What a Mautic batch/new answers: index-keyed, the failed index left out of `contacts`. */
function batchAnswer(entries: IDataObject[]) {
	const contacts: Record<string, unknown> = {};
	const statusCodes: Record<string, number> = {};
	const errors: Record<string, unknown> = {};
	entries.forEach((entry, index) => {
		if (String(entry.email).includes('@')) {
			contacts[index] = { id: 100 + index, email: entry.email };
			statusCodes[index] = 201;
		} else {
			statusCodes[index] = 400;
			errors[index] = {
				code: 400,
				message: `email: ${entry.email} is invalid.`,
				details: { email: [`${entry.email} is invalid.`] },
				type: null,
			};
		}
	});
	return {
		status: 201,
		body: { contacts, statusCodes, ...(Object.keys(errors).length ? { errors } : {}) },
	};
}

describe('the execute loop and batch runner', () => {
	test('maps each entry of a batch back to its item, a failed one in the middle included', async () => {
		const emails = ['a@x.io', 'broken', 'c@x.io'];
		const { ctx, calls } = stubContext(
			(options) => batchAnswer(JSON.parse(String(options.body))),
			{ operation: 'upsert' },
			{ itemCount: 3, continueOnFail: true },
		);
		const [output] = await executeOperations(ctx, [upsertOperation(emails, 3)]);
		expect(calls).toHaveLength(1);
		expect(output).toHaveLength(3);
		expect(output[0]).toMatchObject({
			json: { id: 100, email: 'a@x.io', statusCode: 201 },
			pairedItem: { item: 0 },
		});
		expect(output[1].json.error).toBe(
			'Mautic rejected the data: email: broken is invalid. [item 1]',
		);
		expect(output[1].json.errorDetails).toContain('Field "email": broken is invalid.');
		expect(output[1].pairedItem).toEqual({ item: 1 });
		expect(output[2]).toMatchObject({
			json: { id: 102, email: 'c@x.io' },
			pairedItem: { item: 2 },
		});
	});

	test('chunks by the batch size and keeps input order across chunks', async () => {
		const emails = ['a@x.io', 'b@x.io', 'c@x.io', 'd@x.io', 'e@x.io'];
		const { ctx, calls } = stubContext(
			(options) => batchAnswer(JSON.parse(String(options.body))),
			{ operation: 'upsert' },
			{ itemCount: 5 },
		);
		const [output] = await executeOperations(ctx, [upsertOperation(emails, 2)]);
		expect(calls.map((call) => JSON.parse(String(call.body)).length)).toEqual([2, 2, 1]);
		expect(output.map((item) => item.json.email)).toEqual(emails);
		expect(output.map((item) => item.pairedItem)).toEqual(emails.map((_, item) => ({ item })));
	});

	test('bad input fails its own item before anything is sent; the rest still go', async () => {
		const { ctx, calls } = stubContext(
			(options) => batchAnswer(JSON.parse(String(options.body))),
			{ operation: 'upsert' },
			{ itemCount: 3, continueOnFail: true },
		);
		const [output] = await executeOperations(ctx, [upsertOperation(['a@x.io', '', 'c@x.io'])]);
		expect(JSON.parse(String(calls[0].body))).toEqual([{ email: 'a@x.io' }, { email: 'c@x.io' }]);
		expect(output[1].json.error).toBe('The field "Email" is empty [item 1]');
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('without Continue On Fail a failed entry stops the run and names the item', async () => {
		const { ctx } = stubContext(
			(options) => batchAnswer(JSON.parse(String(options.body))),
			{ operation: 'upsert' },
			{ itemCount: 3 },
		);
		await expect(
			executeOperations(ctx, [upsertOperation(['a@x.io', 'broken', 'c@x.io'], 3)]),
		).rejects.toMatchObject({
			message: 'Mautic rejected the data: email: broken is invalid. [item 1]',
			context: expect.objectContaining({ itemIndex: 1 }),
		});
	});

	test('a whole batch call that fails marks every item of that chunk', async () => {
		const { ctx } = stubContext(
			() => ({
				status: 500,
				body: {
					errors: [
						{ code: 500, message: 'A max of 200 entities are supported at a time.', details: [] },
					],
				},
			}),
			{ operation: 'upsert' },
			{ itemCount: 2, continueOnFail: true },
		);
		const [output] = await executeOperations(ctx, [upsertOperation(['a@x.io', 'b@x.io'])]);
		expect(output.map((item) => item.json.error)).toEqual([
			'Batch too large: A max of 200 entities are supported at a time. [item 0]',
			'Batch too large: A max of 200 entities are supported at a time. [item 1]',
		]);
	});

	test('per-item operations pair outputs and continue past a failed item', async () => {
		const operation: Operation = {
			value: 'get',
			name: 'Get',
			action: 'Get',
			description: '',
			properties: [],
			request: (_ctx, itemIndex) => ({
				method: 'GET',
				path: `/contacts/${itemIndex + 1}`,
				entity: { label: 'contact', id: itemIndex + 1 },
			}),
			output: (response) => (response.body as IDataObject).contact as IDataObject,
		};
		const { ctx } = stubContext(
			(options) =>
				String(options.url).endsWith('/2')
					? { status: 404, body: { errors: [{ code: 404, message: 'Item was not found.' }] } }
					: { body: { contact: { id: Number(String(options.url).split('/').pop()) } } },
			{ operation: 'get' },
			{ itemCount: 3, continueOnFail: true },
		);
		const [output] = await executeOperations(ctx, [operation]);
		expect(output.map((item) => item.json)).toEqual([
			{ id: 1 },
			{
				error: 'The contact 2 does not exist [item 1]',
				errorDetails: 'Mautic says: "Item was not found.". GET /api/contacts/2 answered 404.',
			},
			{ id: 3 },
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});
