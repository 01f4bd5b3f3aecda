import type { IDataObject } from 'n8n-workflow';
import { compactGroupedFields } from '../../nodes/shared/contacts/compactContactList';
import { simplifyContact } from '../../nodes/shared/contacts/simplifyContact';
import { keysInWrittenOrder } from '../../nodes/shared/transport';
import { startFakeMautic } from '../fake-mautic';
import { ADMIN } from '../support/maatooRun';

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;
let pageText: string;

/** Values chosen to trip a text-level rewrite: quotes, backslashes, braces, JSON-looking text, Unicode. */
const TRICKY_TEXT = [
	'plain',
	'say "hi"',
	'back\\slash\\',
	'{"id":"1","label":"L","alias":"a","type":"text","group":"core","value":"v"}',
	'},"all":{"id":1',
	'Zürich 🚀 \u2028 line',
	'',
];

beforeAll(async () => {
	fake = await startFakeMautic({});
	fake.store.addField({
		alias: 'shoe_size',
		type: 'number',
		properties: { scale: 1 },
		group: 'personal',
	});
	fake.store.addField({ alias: 'newsletter', type: 'boolean', group: 'personal' });
	fake.store.addField({
		alias: 'interests',
		type: 'multiselect',
		group: 'professional',
		properties: {
			list: [
				{ label: 'A', value: 'a' },
				{ label: 'B', value: 'b' },
			],
		},
	});
	fake.store.addField({ alias: 'notes_json', type: 'textarea', group: 'professional' });
	fake.store.addField({ alias: 'renewal', type: 'date', group: 'personal' });
	for (let index = 0; index < 60; index++) {
		fake.store.createContact(
			{
				email: `compact${index}@example.com`,
				firstname: TRICKY_TEXT[index % TRICKY_TEXT.length],
				lastname: index % 4 ? `Last${index}` : null,
				city: index % 3 ? 'Basel' : null,
				shoe_size: index % 2 ? 42.5 : null,
				newsletter: index % 2,
				interests: index % 5 ? 'a|b' : null,
				notes_json: TRICKY_TEXT[(index + 3) % TRICKY_TEXT.length],
				renewal: index % 6 ? '2027-01-15' : null,
			},
			{ tags: index % 2 ? ['vip', 'a "quoted" tag'] : [] },
		);
	}
	const response = await fetch(`${fake.url}/api/contacts?limit=100&orderBy=email&orderByDir=DESC`, {
		headers: {
			authorization: `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`,
		},
	});
	pageText = await response.text();
});

afterAll(async () => fake?.close());

function simplifiedRows(text: string): IDataObject[] {
	const contacts = (JSON.parse(text) as IDataObject).contacts as Record<string, IDataObject>;
	return keysInWrittenOrder(text, 'contacts', Object.keys(contacts)).map((id) =>
		simplifyContact(contacts[id]),
	);
}

describe('compacting a contact list page', () => {
	test('gives the same simplified contacts, in the same order, from a far shorter text', () => {
		const compacted = compactGroupedFields(pageText);
		expect(simplifiedRows(compacted)).toEqual(simplifiedRows(pageText));
		expect(simplifiedRows(pageText)).toHaveLength(60);
		expect(compacted.length).toBeLessThan(pageText.length / 4);
	});

	test('keeps every value outside the field groups as it was', () => {
		const whole = JSON.parse(pageText) as { contacts: Record<string, IDataObject> };
		const compacted = JSON.parse(compactGroupedFields(pageText)) as {
			contacts: Record<string, IDataObject>;
		};
		for (const [id, contact] of Object.entries(whole.contacts)) {
			const { fields, ...rest } = contact;
			const { fields: compactedFields, ...compactedRest } = compacted.contacts[id];
			expect(compactedRest).toEqual(rest);
			expect((compactedFields as IDataObject).all).toEqual((fields as IDataObject).all);
		}
	});

	test('text that only looks like a field entry, inside a string, is left alone', () => {
		const value = TRICKY_TEXT[3];
		const text = JSON.stringify({
			contacts: { 1: { id: 1, fields: { all: { id: 1, notes: value } } } },
		});
		expect(compactGroupedFields(text)).toBe(text);
	});

	test('an entry of another shape (a list value) is kept whole, its neighbours compacted', () => {
		const entry = (alias: string, value: unknown) => ({
			id: '9',
			label: alias,
			alias,
			type: 'text',
			group: 'core',
			value,
		});
		const contact = {
			id: 3,
			fields: {
				core: { a: entry('a', 'x'), b: entry('b', ['x', 'y']) },
				all: { id: 3, a: 'x', b: ['x', 'y'] },
			},
		};
		const text = JSON.stringify({ contacts: { 3: contact } });
		const compacted = JSON.parse(compactGroupedFields(text)) as any;
		expect(compacted.contacts['3'].fields.core).toEqual({ a: 0, b: entry('b', ['x', 'y']) });
		expect(simplifyContact(compacted.contacts['3'])).toEqual(simplifyContact(contact));
	});

	test('a field value of many megabytes still gives the right contact', () => {
		const huge = `${'x'.repeat(9_000_000)}\\"end`;
		const entry = {
			id: '40',
			label: 'Notes',
			alias: 'notes',
			type: 'textarea',
			group: 'core',
			value: huge,
			normalizedValue: huge,
		};
		const contact = { id: 8, fields: { core: { notes: entry }, all: { id: 8, notes: huge } } };
		const text = JSON.stringify({ contacts: { 8: contact } });
		const compacted = JSON.parse(compactGroupedFields(text)) as any;
		expect(simplifyContact(compacted.contacts['8'])).toEqual(simplifyContact(contact));
	});
});
