import type { IDataObject } from 'n8n-workflow';
import { splitEvents } from '../../nodes/MaatooTrigger/events';

const contact = (id: number | null, firstname = 'Ada') => ({
	id,
	points: 0,
	fields: {
		core: { firstname: { alias: 'firstname', value: firstname } },
		social: [],
		personal: [],
		professional: [],
	},
	tags: [],
});

const split = (payload: IDataObject, order: 'ASC' | 'DESC' = 'ASC', simplify = true) =>
	splitEvents(payload, { order, simplify });

describe('splitting a Mautic webhook body into events', () => {
	test('every event of every type becomes one item with event type, timestamp and its objects', () => {
		const items = split({
			'mautic.lead_company_change': [
				{
					added: true,
					contact: contact(1),
					company: { id: 9, fields: { all: { companyname: 'ACME' } } },
					timestamp: '2024-10-24T10:00:00+00:00',
				},
			],
			'mautic.company_post_save': [{ company: { id: 9 }, timestamp: '2024-10-24T10:00:01+00:00' }],
		});
		expect(items).toEqual([
			{
				event: 'mautic.lead_company_change',
				timestamp: '2024-10-24T10:00:00+00:00',
				added: true,
				contact: { id: 1, firstname: 'Ada', points: 0, tags: [] },
				company: { id: 9, fields: { all: { companyname: 'ACME' } } },
			},
			{
				event: 'mautic.company_post_save',
				timestamp: '2024-10-24T10:00:01+00:00',
				company: { id: 9 },
			},
		]);
	});

	test('a deleted contact (id null in the payload) gets the id of the delete event', () => {
		const [item] = split({
			'mautic.lead_post_delete': [
				{ id: 42, contact: contact(null, 'Gone'), timestamp: '2024-10-24T10:00:00+00:00' },
			],
		});
		expect(item).toMatchObject({
			event: 'mautic.lead_post_delete',
			id: 42,
			contact: { id: 42, firstname: 'Gone' },
		});
		const [raw] = split(
			{ 'mautic.lead_post_delete': [{ id: 42, contact: contact(null) }] },
			'ASC',
			false,
		);
		expect((raw.contact as IDataObject).id).toBeNull();
	});

	test("events are put in time order across types; events of one second keep Mautic's order", () => {
		const payload = {
			'mautic.lead_post_save_update': [
				{ contact: contact(3), timestamp: '2024-10-24T10:00:05+00:00' },
				{ contact: contact(4), timestamp: '2024-10-24T10:00:05+00:00' },
			],
			'mautic.lead_post_save_new': [
				{ contact: contact(1), timestamp: '2024-10-24T10:00:01+00:00' },
				{ contact: contact(2), timestamp: '2024-10-24T12:00:05+02:00' },
			],
		};
		const ids = (items: IDataObject[]) => items.map((item) => (item.contact as IDataObject).id);
		expect(ids(split(payload))).toEqual([1, 3, 4, 2]);
		expect(ids(split(payload, 'DESC'))).toEqual([3, 4, 2, 1]);
	});

	test("without readable timestamps the order is Mautic's", () => {
		const items = split({
			b: [{ n: 1 }, { n: 2, timestamp: 'yesterday' }],
			a: [{ n: 3, timestamp: '2024-10-24T10:00:00+00:00' }],
		});
		expect(items.map((item) => item.n)).toEqual([1, 2, 3]);
		expect(items[0].timestamp).toBeNull();
	});

	test('the top-level timestamp of a test payload is no event; it dates events without their own', () => {
		const items = split({
			'mautic.page_on_hit': [{ hit: { id: 1 } }],
			timestamp: '2024-10-24T12:00:00+00:00',
		});
		expect(items).toEqual([
			{ event: 'mautic.page_on_hit', timestamp: '2024-10-24T12:00:00+00:00', hit: { id: 1 } },
		]);
	});

	test('entries that are no objects are skipped; a single object under a type is one event', () => {
		const items = split({
			'mautic.email_on_open': [null, 3, 'x', { stat: { id: 5 } }],
			'mautic.sms_on_send': { smsId: 2 },
			other: 7,
		});
		expect(items.map((item) => item.event)).toEqual(['mautic.email_on_open', 'mautic.sms_on_send']);
	});

	test('an empty body gives no items', () => {
		expect(split({})).toEqual([]);
	});
});
