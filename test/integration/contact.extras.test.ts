import type { IDataObject } from 'n8n-workflow';
import { startFakeMautic } from '../fake-mautic';
import { basicCredential, runNode } from '../support/maatooRun';
import { mauticApi, seedContacts } from '../support/seed';

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;
let ids: number[];
let groupId: number;

beforeAll(async () => {
	fake = await startFakeMautic({});
	ids = await seedContacts(fake.url, 3, (index) => ({
		email: `extra${index}@example.com`,
		firstname: `Extra${index}`,
	}));
	const created = await mauticApi(fake.url, 'POST', '/points/groups/new', {
		name: 'Products',
		description: 'Product interest',
	});
	groupId = Number((created.pointGroup as IDataObject).id);
});

afterAll(async () => fake?.close());
beforeEach(() => fake.clearRequests());

const credential = () => basicCredential(fake.url);
const contact = (id: number) => ({ __rl: true, mode: 'id', value: String(id) });
const group = () => ({ __rl: true, mode: 'id', value: String(groupId) });

async function stored(id: number): Promise<IDataObject> {
	return (await mauticApi(fake.url, 'GET', `/contacts/${id}`)).contact as IDataObject;
}

describe('Contact: do not contact', () => {
	test('add with reason and comments, then remove', async () => {
		const added = await runNode({
			type: 'maatooContact',
			credential: credential(),
			parameters: {
				operation: 'addDoNotContact',
				contactId: contact(ids[0]),
				channel: 'email',
				reason: 1,
				dncFields: { comments: 'asked by phone' },
			},
		});
		expect(added.json[0].id).toBe(ids[0]);
		const dnc = (await stored(ids[0])).doNotContact as IDataObject[];
		expect(dnc).toHaveLength(1);
		expect(dnc[0]).toMatchObject({ reason: 1, comments: 'asked by phone', channel: 'email' });

		const removed = await runNode({
			type: 'maatooContact',
			credential: credential(),
			parameters: { operation: 'removeDoNotContact', contactId: contact(ids[0]), channel: 'email' },
		});
		expect(removed.json[0]).toMatchObject({ id: ids[0], recordFound: true });
		expect((await stored(ids[0])).doNotContact).toEqual([]);
	});
});

describe('Contact: UTM tags', () => {
	test('add records the visit, remove deletes it; an empty add is refused', async () => {
		await runNode({
			type: 'maatooContact',
			credential: credential(),
			parameters: {
				operation: 'addUtm',
				contactId: contact(ids[1]),
				utm: { utm_source: 'newsletter', utm_campaign: 'autumn', url: 'https://shop.example.com/' },
			},
		});
		const utmtags = (await stored(ids[1])).utmtags as IDataObject[];
		expect(utmtags).toHaveLength(1);
		expect(utmtags[0]).toMatchObject({ utmSource: 'newsletter', utmCampaign: 'autumn' });

		await runNode({
			type: 'maatooContact',
			credential: credential(),
			parameters: { operation: 'removeUtm', contactId: contact(ids[1]), utmId: utmtags[0].id },
		});
		expect((await stored(ids[1])).utmtags).toEqual([]);

		const empty = await runNode({
			type: 'maatooContact',
			credential: credential(),
			continueOnFail: true,
			parameters: { operation: 'addUtm', contactId: contact(ids[1]), utm: {} },
		});
		expect(empty.json[0].error).toBe(
			'The field "UTM Tags" is empty: add at least one value [item 0]',
		);
	});
});

describe('Contact: points', () => {
	test('add and subtract points with a log entry', async () => {
		const before = Number((await stored(ids[2])).points);
		const { json } = await runNode({
			type: 'maatooContact',
			credential: credential(),
			items: [
				{ delta: 15, op: 'plus' },
				{ delta: 5, op: 'minus' },
			],
			parameters: {
				operation: 'adjustPoints',
				contactId: contact(ids[2]),
				pointsOperator: '={{ $json.op }}',
				points: '={{ $json.delta }}',
				pointsLog: { eventName: 'Webinar', actionName: 'n8n' },
			},
		});
		expect(json).toEqual([
			{ contactId: ids[2], operator: 'plus', points: 15, success: true },
			{ contactId: ids[2], operator: 'minus', points: 5, success: true },
		]);
		expect(Number((await stored(ids[2])).points)).toBe(before + 10);
	});

	test('a fraction is refused before sending', async () => {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: credential(),
			continueOnFail: true,
			parameters: {
				operation: 'adjustPoints',
				contactId: contact(ids[2]),
				pointsOperator: 'plus',
				points: 1.5,
			},
		});
		expect(json[0].error).toBe('The field "Points" needs a whole number, got "1.5" [item 0]');
		expect(fake.requests).toHaveLength(0);
	});
});

describe('Contact: point group scores', () => {
	test('plus, set, get one and get all', async () => {
		const plus = await runNode({
			type: 'maatooContact',
			credential: credential(),
			parameters: {
				operation: 'adjustGroupScore',
				contactId: contact(ids[0]),
				pointGroupId: group(),
				scoreOperator: 'plus',
				scoreValue: 10,
			},
		});
		expect(plus.json[0]).toEqual({ contactId: ids[0], groupId, groupName: 'Products', score: 10 });
		const set = await runNode({
			type: 'maatooContact',
			credential: credential(),
			parameters: {
				operation: 'adjustGroupScore',
				contactId: contact(ids[0]),
				pointGroupId: group(),
				scoreOperator: 'set',
				scoreValue: 21,
			},
		});
		expect(set.json[0].score).toBe(21);
		const one = await runNode({
			type: 'maatooContact',
			credential: credential(),
			parameters: { operation: 'getGroupScore', contactId: contact(ids[0]), pointGroupId: group() },
		});
		expect(one.json[0]).toEqual({ contactId: ids[0], groupId, groupName: 'Products', score: 21 });
		const all = await runNode({
			type: 'maatooContact',
			credential: credential(),
			parameters: { operation: 'getGroupScores', contactId: contact(ids[0]) },
		});
		expect(all.json).toEqual([{ contactId: ids[0], groupId, groupName: 'Products', score: 21 }]);
	});

	test('no score yet is an empty score, not an error', async () => {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: credential(),
			parameters: { operation: 'getGroupScore', contactId: contact(ids[1]), pointGroupId: group() },
		});
		expect(json[0]).toEqual({ contactId: ids[1], groupId, groupName: null, score: null });
	});

	test('a missing group and a division by zero fail their items', async () => {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: credential(),
			continueOnFail: true,
			items: [
				{ group: 99999, value: 2 },
				{ group: groupId, value: 0 },
			],
			parameters: {
				operation: 'adjustGroupScore',
				contactId: contact(ids[0]),
				pointGroupId: { __rl: true, mode: 'id', value: '={{ $json.group }}' },
				scoreOperator: 'divide',
				scoreValue: '={{ $json.value }}',
			},
		});
		expect(json[0].error).toMatch(/^The contact or point group .* does not exist \[item 0\]$/);
		expect(json[1].error).toBe('The field "Value" cannot be 0 when dividing [item 1]');
	});
});

describe('Contact: lookups and activity', () => {
	test('owners and fields', async () => {
		const owners = await runNode({
			type: 'maatooContact',
			credential: credential(),
			parameters: { operation: 'getOwners' },
		});
		expect(owners.json[0]).toMatchObject({ id: 1, firstName: expect.any(String) });
		const fields = await runNode({
			type: 'maatooContact',
			credential: credential(),
			parameters: { operation: 'getFields' },
		});
		expect(fields.json.map((field) => field.alias)).toEqual(
			expect.arrayContaining(['email', 'firstname', 'lastname']),
		);
	});

	test('segments of a contact', async () => {
		const segment = await mauticApi(fake.url, 'POST', '/segments/new', {
			name: 'Extras',
			isPublished: true,
			isGlobal: true,
		});
		const segmentId = Number((segment.list as IDataObject).id);
		await mauticApi(fake.url, 'POST', `/segments/${segmentId}/contact/${ids[0]}/add`);
		const { json } = await runNode({
			type: 'maatooContact',
			credential: credential(),
			parameters: { operation: 'getSegments', contactId: contact(ids[0]) },
		});
		expect(json.map((row) => row.id)).toEqual([segmentId]);
	});

	test.each(['getNotes', 'getCampaigns', 'getCompanies', 'getDevices'])(
		'%s answers a list (empty here)',
		async (operation) => {
			const { json } = await runNode({
				type: 'maatooContact',
				credential: credential(),
				parameters: { operation, contactId: contact(ids[1]), returnAll: true },
			});
			expect(json).toEqual([]);
			expect(
				fake.requests.filter((request: any) => request.path.startsWith(`/api/contacts/${ids[1]}/`))
					.length,
			).toBe(1);
		},
	);

	test('activity of a contact pages by page number', async () => {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: credential(),
			parameters: { operation: 'getActivity', contactId: contact(ids[2]), returnAll: true },
		});
		expect(json.length).toBeGreaterThan(0);
		expect(
			fake.requests.some(
				(request: any) =>
					request.query?.page === '1' || /page=1/.test(JSON.stringify(request.query)),
			),
		).toBe(true);
	});

	test('activity of all contacts with an event filter', async () => {
		const { json } = await runNode({
			type: 'maatooContact',
			credential: credential(),
			parameters: {
				operation: 'getAllActivity',
				returnAll: false,
				limit: 5,
				activityFilters: { includeEvents: 'lead.create' },
			},
		});
		expect(json.length).toBeLessThanOrEqual(5);
	});
});
