import type { IDataObject } from 'n8n-workflow';
import { startFakeMautic } from '../fake-mautic';
import { basicCredential, mappedFields, runNode } from '../support/maatooRun';
import { mauticApi, seedContacts } from '../support/seed';

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;

beforeAll(async () => {
	fake = await startFakeMautic({});
	fake.store.addField({ alias: 'shop_customer_id', label: 'Shop customer ID', type: 'number' });
	fake.store.addField({ alias: 'newsletter_opt_in', label: 'Newsletter opt-in', type: 'boolean' });
	fake.store.addField({ alias: 'last_order_date', label: 'Last order date', type: 'date' });
	fake.store.addField({
		alias: 'favourite_category',
		label: 'Favourite category',
		type: 'select',
		properties: {
			list: [
				{ label: 'Shoes', value: 'shoes' },
				{ label: 'Bags', value: 'bags' },
			],
		},
	});
	fake.store.addField({
		alias: 'interests',
		label: 'Interests',
		type: 'multiselect',
		properties: {
			list: [
				{ label: 'Running', value: 'running' },
				{ label: 'Hiking', value: 'hiking' },
				{ label: 'Yoga', value: 'yoga' },
			],
		},
	});
});

afterAll(async () => fake?.close());
beforeEach(() => fake.clearRequests());

const credential = () => basicCredential(fake.url);
const apiRequests = () => fake.requests.filter((request: any) => request.path.startsWith('/api/'));

async function contactByEmail(email: string): Promise<IDataObject | undefined> {
	const body = await mauticApi(
		fake.url,
		'GET',
		`/contacts?search=${encodeURIComponent(`email:${email}`)}`,
	);
	const contacts = Object.values((body.contacts ?? {}) as Record<string, IDataObject>);
	return contacts[0];
}

const fieldsOf = (contact: IDataObject | undefined) =>
	((contact?.fields as IDataObject)?.all ?? {}) as IDataObject;
const tagsOf = (contact: IDataObject | undefined) =>
	((contact?.tags ?? []) as IDataObject[]).map((tag) => tag.tag).sort();

const FIELD_TYPES = {
	shop_customer_id: 'number',
	newsletter_opt_in: 'boolean',
	last_order_date: 'dateTime',
	favourite_category: 'options',
	interests: 'array',
};

describe('Contact: Create or Update', () => {
	test('one item: creates, then a second run with the same email updates the same contact', async () => {
		const create = await runNode({
			type: 'maatooContact',
			credential: credential(),
			parameters: {
				operation: 'upsert',
				fields: mappedFields({ email: 'solo@example.com', firstname: 'Solo' }),
				tagsToAdd: 'new, lead',
			},
		});
		const update = await runNode({
			type: 'maatooContact',
			credential: credential(),
			parameters: {
				operation: 'upsert',
				fields: mappedFields({ email: 'solo@example.com', lastname: 'Again' }),
				tagsToAdd: 'customer',
				tagsToRemove: 'lead',
			},
		});
		expect(update.json[0].id).toBe(create.json[0].id);
		const stored = await contactByEmail('solo@example.com');
		expect(fieldsOf(stored)).toMatchObject({ firstname: 'Solo', lastname: 'Again' });
		expect(tagsOf(stored)).toEqual(['customer', 'new']);
		expect(
			apiRequests().filter((request: any) => request.path === '/api/contacts/new'),
		).toHaveLength(2);
	});

	test('1,000 items go out in 5 batch calls and land as 1,000 contacts with typed values', async () => {
		const items = Array.from({ length: 1000 }, (_, index) => ({
			email: `bulk${index}@example.com`,
			firstname: `Bulk${index}`,
			customerId: 5000 + index,
			optIn: index % 2 === 0,
			lastOrder: '2026-05-01',
			category: index % 3 ? 'shoes' : 'bags',
			interests: ['running', 'yoga'],
		}));
		const { json, items: output } = await runNode({
			type: 'maatooContact',
			credential: credential(),
			items,
			parameters: {
				operation: 'upsert',
				fields: mappedFields(
					{
						email: '={{ $json.email }}',
						firstname: '={{ $json.firstname }}',
						shop_customer_id: '={{ $json.customerId }}',
						newsletter_opt_in: '={{ $json.optIn }}',
						last_order_date: '={{ $json.lastOrder }}',
						favourite_category: '={{ $json.category }}',
						interests: '={{ $json.interests }}',
					},
					FIELD_TYPES,
				),
				tagsToAdd: 'imported',
			},
		});
		expect(json).toHaveLength(1000);
		expect(
			output.every((item, index) => (item.pairedItem as { item: number }).item === index),
		).toBe(true);
		expect(apiRequests().map((request: any) => request.path)).toEqual(
			Array(5).fill('/api/contacts/batch/new'),
		);
		const stored = await contactByEmail('bulk7@example.com');
		expect(fieldsOf(stored)).toMatchObject({
			firstname: 'Bulk7',
			shop_customer_id: 5007,
			// Mautic drops numeric zeros on POST and PATCH, so "no" on a new contact stays empty.
			newsletter_opt_in: null,
			last_order_date: '2026-05-01',
			favourite_category: 'shoes',
			interests: 'running|yoga',
		});
		expect(tagsOf(stored)).toEqual(['imported']);
		// List reads answer values as strings, as Mautic's DBAL does.
		expect(fieldsOf(await contactByEmail('bulk6@example.com')).newsletter_opt_in).toBe('1');
		expect(json[7]).toMatchObject({
			email: 'bulk7@example.com',
			firstname: 'Bulk7',
			tags: ['imported'],
		});
	});

	test('bad values fail their own item with the field named; the others are written', async () => {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: credential(),
			continueOnFail: true,
			items: [
				{ email: 'good1@example.com', customerId: '12' },
				{ email: 'not-an-email', customerId: '13' },
				{ email: 'good3@example.com', customerId: 'twelve' },
				{ email: 'good4@example.com', category: 'hats' },
				{ email: 'good5@example.com' },
			],
			parameters: {
				operation: 'upsert',
				fields: mappedFields(
					{
						email: '={{ $json.email }}',
						shop_customer_id: '={{ $json.customerId }}',
						favourite_category: '={{ $json.category }}',
					},
					{ shop_customer_id: 'number', favourite_category: 'string' },
				),
			},
		});
		expect(json[0]).toMatchObject({ email: 'good1@example.com' });
		expect(json[1].error).toBe(
			'The field "email" needs an email address, got "not-an-email" [item 1]',
		);
		// n8n's own mapper validation catches the wrong type and names field and item.
		expect(json[2].error).toMatch(/shop_customer_id.*\[item 2\]/);
		expect(json[3].error).toBe(
			'Mautic rejected the data: favourite_category: This value is not valid. [item 3]',
		);
		expect(json[4]).toMatchObject({ email: 'good5@example.com' });
		expect(await contactByEmail('good1@example.com')).toBeDefined();
		expect(await contactByEmail('good5@example.com')).toBeDefined();
	});

	test('Mautic refusing an entry of a batch fails that item only', async () => {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: credential(),
			continueOnFail: true,
			items: [
				{ email: 'mid1@example.com', category: 'shoes' },
				{ email: 'mid2@example.com', category: 'hats' },
				{ email: 'mid3@example.com', category: 'bags' },
			],
			parameters: {
				operation: 'upsert',
				fieldsMode: 'mapper',
				fields: mappedFields({
					email: '={{ $json.email }}',
					favourite_category: '={{ $json.category }}',
				}),
			},
		});
		expect(json[0]).toMatchObject({ email: 'mid1@example.com', favourite_category: 'shoes' });
		expect(json[1].error).toMatch(/^Mautic rejected the data: favourite_category: .* \[item 1\]$/);
		expect(json[2]).toMatchObject({ email: 'mid3@example.com', favourite_category: 'bags' });
		expect(apiRequests()).toHaveLength(1);
	});

	test('JSON mode refuses unknown aliases instead of dropping them', async () => {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: credential(),
			continueOnFail: true,
			items: [{}, {}, {}],
			parameters: {
				operation: 'upsert',
				fieldsMode: 'json',
				fieldsJson:
					'={{ [{ email: "json1@example.com", shop_customer_id: "77" }, { email: "json2@example.com", fristname: "Typo" }, { email: "json3@example.com", shop_customer_id: "twelve" }][$itemIndex] }}',
			},
		});
		expect(json[0]).toMatchObject({ email: 'json1@example.com', shop_customer_id: 77 });
		expect(json[1].error).toMatch(
			/^The field "fristname" does not exist in this Mautic instance.*\[item 1\]$/,
		);
		expect(json[2].error).toBe(
			'The field "shop_customer_id" needs a number, got "twelve" [item 2]',
		);
		expect(await contactByEmail('json2@example.com')).toBeUndefined();
	});

	test('a batch larger than the instance accepts is split to the limit Mautic names, and every item is written', async () => {
		fake.setConfig({ batchLimit: 2 });
		try {
			const { json } = await runNode({
				type: 'maatooContact',
				credential: credential(),
				continueOnFail: true,
				items: [
					{ email: 'big1@example.com' },
					{ email: 'big2@example.com' },
					{ email: 'big3@example.com' },
				],
				parameters: {
					operation: 'upsert',
					fields: mappedFields({ email: '={{ $json.email }}' }),
					options: { batchSize: 3 },
				},
			});
			expect(json.map((item) => item.error)).toEqual([undefined, undefined, undefined]);
			expect(json.map((item) => item.email)).toEqual([
				'big1@example.com',
				'big2@example.com',
				'big3@example.com',
			]);
		} finally {
			fake.setConfig({ batchLimit: 200 });
		}
	});

	test('owner, IP address, last active and overwrite with blank reach Mautic', async () => {
		await runNode({
			type: 'maatooContact',
			credential: credential(),
			parameters: {
				operation: 'upsert',
				fields: mappedFields({ email: 'owned@example.com', city: 'Bern' }),
			},
		});
		const { json } = await runNode({
			type: 'maatooContact',
			credential: credential(),
			parameters: {
				operation: 'upsert',
				fields: mappedFields({ email: 'owned@example.com', city: '' }),
				additionalFields: {
					owner: '1',
					ipAddress: '203.0.113.9',
					lastActive: '2026-11-01T10:00:00Z',
					overwriteWithBlank: true,
				},
			},
		});
		expect(json[0]).toMatchObject({ ownerId: 1, city: null });
		const stored = await contactByEmail('owned@example.com');
		expect((stored?.owner as IDataObject)?.id).toBe(1);
		expect(JSON.stringify(stored?.ipAddresses)).toContain('203.0.113.9');
	});
});

describe('Contact: Update, Create or Replace, Delete', () => {
	let ids: number[];
	beforeAll(async () => {
		ids = await seedContacts(fake.url, 4, (index) => ({
			email: `edit${index}@example.com`,
			firstname: `Edit${index}`,
			city: 'Lyon',
		}));
	});

	test('Update patches several contacts in one batch call; a missing one fails alone', async () => {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: credential(),
			continueOnFail: true,
			items: [{ id: ids[0] }, { id: 987654 }, { id: ids[1] }],
			parameters: {
				operation: 'update',
				contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				fields: mappedFields({ lastname: 'Patched' }),
			},
		});
		expect(json[0]).toMatchObject({ id: ids[0], lastname: 'Patched', city: 'Lyon' });
		expect(json[1].error).toBe('The contact 987654 does not exist [item 1]');
		expect(json[2]).toMatchObject({ id: ids[1], lastname: 'Patched' });
		expect(apiRequests().map((request: any) => `${request.method} ${request.path}`)).toEqual([
			'PATCH /api/contacts/batch/edit',
		]);
	});

	test('Create or Replace clears fields that are not given', async () => {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: credential(),
			parameters: {
				operation: 'replace',
				contactId: { __rl: true, mode: 'email', value: 'edit2@example.com' },
				fields: mappedFields({ email: 'edit2@example.com', firstname: 'Replaced' }),
			},
		});
		expect(json[0]).toMatchObject({ id: ids[2], firstname: 'Replaced', city: null });
	});

	test('Delete removes contacts in one batch call and reports a missing one', async () => {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: credential(),
			continueOnFail: true,
			items: [{ id: ids[3] }, { id: 876543 }],
			parameters: {
				operation: 'delete',
				contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
		});
		expect(json[0]).toEqual({ id: ids[3], deleted: true });
		expect(json[1].error).toBe('The contact 876543 does not exist [item 1]');
		await expect(mauticApi(fake.url, 'GET', `/contacts/${ids[3]}`)).rejects.toThrow('404');
	});

	test('Delete of one item uses the single endpoint', async () => {
		const [id] = await seedContacts(fake.url, 1, () => ({ email: 'single-delete@example.com' }));
		fake.clearRequests();
		const { json } = await runNode({
			type: 'maatooContact',
			credential: credential(),
			parameters: { operation: 'delete', contactId: { __rl: true, mode: 'id', value: String(id) } },
		});
		expect(json).toEqual([{ id, deleted: true }]);
		expect(apiRequests().map((request: any) => `${request.method} ${request.path}`)).toEqual([
			`DELETE /api/contacts/${id}/delete`,
		]);
	});
});
