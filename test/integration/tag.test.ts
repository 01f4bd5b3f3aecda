import type { IDataObject } from 'n8n-workflow';
import { MaatooContact } from '../../nodes/MaatooContact/MaatooContact.node';
import { MaatooTag } from '../../nodes/MaatooTag/MaatooTag.node';
import { getTags, searchTags } from '../../nodes/shared/tags/tagEntity';
import { startFakeMautic } from '../fake-mautic';
import { basicCredential, mappedFields, registerNodeType, runNode } from '../support/maatooRun';
import { loadOptionsContext } from '../support/loadOptions';
import { mauticApi } from '../support/seed';

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;

registerNodeType('maatooTag', new MaatooTag());
registerNodeType('maatooContact', new MaatooContact());

beforeAll(async () => {
	fake = await startFakeMautic({ version: '5.1.0' });
});
afterAll(async () => fake?.close());
beforeEach(() => fake.clearRequests());

const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });
const requestsTo = (method: string, path: string) =>
	fake.requests.filter((r: any) => r.method === method && r.path === `/api${path}`);

async function run(
	parameters: IDataObject,
	options: { items?: IDataObject[]; continueOnFail?: boolean; type?: string } = {},
) {
	return await runNode({
		type: options.type ?? 'maatooTag',
		credential: basicCredential(fake.url),
		parameters,
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

describe('Tag: create, update, get, get many, delete', () => {
	test('create sends the name as `tag`; an existing name (any case) answers that tag', async () => {
		const { json } = await run(
			{ operation: 'create', name: '={{ $json.name }}' },
			{ items: [{ name: ' newsletter ' }, { name: 'Newsletter' }] },
		);
		expect(json[0]).toEqual({ id: json[0].id, tag: 'newsletter', description: null });
		expect(json[1].id).toBe(json[0].id);
		expect(requestsTo('POST', '/tags/new').map((r: any) => r.body)).toEqual([
			{ tag: 'newsletter' },
			{ tag: 'Newsletter' },
		]);
		expect(fake.store.tags.size).toBe(1);
	});

	test('create: an empty name or one with HTML fails before sending', async () => {
		const { json } = await run(
			{ operation: 'create', name: '={{ $json.name }}' },
			{
				items: [{ name: '  ' }, { name: '<b>vip</b>' }, { name: 'score<5' }, { name: 'a\u0000b' }],
				continueOnFail: true,
			},
		);
		expect(json[0].error).toBe('The field "Name" is empty [item 0]');
		expect(json[1].error).toBe(
			'The field "Name" contains HTML, which Mautic would strip from the tag name [item 1]',
		);
		// Mautic cuts a name at a "<" even without a ">" ("score<5" is saved as "score").
		expect(json[2].error).toBe(
			'The field "Name" contains "<", which Mautic would cut from the tag name with what follows it [item 2]',
		);
		expect(json[3].error).toBe(
			'The field "Name" contains a null character, which Mautic would strip from the tag name [item 3]',
		);
		expect(requestsTo('POST', '/tags/new')).toHaveLength(0);
	});

	test('update renames the tag; contacts keep it under the new name', async () => {
		const tag = fake.store.ensureTag('old-name');
		const c = fake.store.createContact({ email: 'tagged@example.com' }, { tags: ['old-name'] });
		const { json } = await run({ operation: 'update', tagId: byId(tag.id), name: 'new-name' });
		expect(json[0]).toEqual({ id: tag.id, tag: 'new-name', description: null });
		expect(requestsTo('PATCH', `/tags/${tag.id}/edit`)[0].body).toEqual({ tag: 'new-name' });
		const stored = await mauticApi(fake.url, 'GET', `/contacts/${c.id}`);
		expect(((stored.contact as any).tags as IDataObject[]).map((t) => t.tag)).toEqual(['new-name']);
	});

	test('get, missing tag, non-numeric ID', async () => {
		const tag = fake.store.ensureTag('gettable');
		const { json } = await run(
			{ operation: 'get', tagId: '={{ $json.tag }}' },
			{
				items: [{ tag: byId(tag.id) }, { tag: byId(99999) }, { tag: byId('vip') }],
				continueOnFail: true,
			},
		);
		expect(json[0]).toEqual({ id: tag.id, tag: 'gettable', description: null });
		expect(json[1].error).toBe('The tag 99999 does not exist [item 1]');
		expect(json[2].error).toBe('The field "Tag" needs a numeric ID, got "vip" [item 2]');
	});

	test('get many: all in pages, limited, searched', async () => {
		for (let i = 0; i < 12; i++) fake.store.ensureTag(`bulk-${String(i).padStart(2, '0')}`);
		const all = await run({ operation: 'getAll', returnAll: true, options: { pageSize: 5 } });
		expect(all.json.map((t) => t.id)).toEqual([...fake.store.tags.keys()]);
		expect(requestsTo('GET', '/tags').length).toBeGreaterThan(2);
		const three = await run({ operation: 'getAll', returnAll: false, limit: 3 });
		expect(three.json).toHaveLength(3);
		const searched = await run({
			operation: 'getAll',
			returnAll: true,
			options: { search: 'bulk-1' },
		});
		expect(searched.json.map((t) => t.tag)).toEqual(['bulk-10', 'bulk-11']);
	});

	test('Name Contains and list search find names with & or a quote, which Mautic encodes in a where', async () => {
		const qa = fake.store.ensureTag("zz-Q&A O'Brien");
		const searched = await run({
			operation: 'getAll',
			returnAll: true,
			options: { search: "Q&A O'B" },
		});
		expect(searched.json.map((t) => t.tag)).toEqual(["zz-Q&A O'Brien"]);
		const found = await searchTags.call(loadOptionsContext(fake.url, 'maatooTag'), 'q&a');
		expect(found.results).toEqual([{ name: `zz-Q&A O'Brien (#${qa.id})`, value: String(qa.id) }]);
	});

	test('delete takes the tag off contacts; a second delete is a missing tag', async () => {
		const tag = fake.store.ensureTag('doomed-tag');
		const c = fake.store.createContact({ email: 'doomed@example.com' }, { tags: ['doomed-tag'] });
		const { json } = await run({ operation: 'delete', tagId: byId(tag.id) });
		expect(json).toEqual([{ id: tag.id, deleted: true }]);
		expect(fake.store.contacts.get(c.id).tagIds).toEqual([]);
		const again = await run({ operation: 'delete', tagId: byId(tag.id) }, { continueOnFail: true });
		expect(again.json[0].error).toBe(`The tag ${tag.id} does not exist [item 0]`);
	});

	test('list search and the Contact node tag dropdown list the instance tags by name', async () => {
		const tag = fake.store.ensureTag('zz-findable');
		const found = await searchTags.call(loadOptionsContext(fake.url, 'maatooTag'), 'findable');
		expect(found.results).toEqual([{ name: `zz-findable (#${tag.id})`, value: String(tag.id) }]);
		const options = await getTags.call(loadOptionsContext(fake.url, 'maatooContact'));
		const names = [...fake.store.tags.values()]
			.map((t: any) => t.tag)
			.sort((a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
		expect(options.map((o) => o.value)).toEqual(names);
		expect(options[0]).toEqual({ name: names[0], value: names[0] });
	});
});

describe('Contact: tags picked from the list', () => {
	test('existing tags to add and remove join the typed ones, each once', async () => {
		fake.store.ensureTag('picked-a');
		fake.store.ensureTag('picked-b');
		fake.store.createContact({ email: 'picker@example.com' }, { tags: ['picked-b', 'typed-old'] });
		const { json } = await run(
			{
				operation: 'upsert',
				fields: mappedFields({ email: 'picker@example.com' }),
				tagsToAdd: 'typed-new, Picked-A',
				existingTagsToAdd: ['picked-a'],
				tagsToRemove: 'typed-old',
				existingTagsToRemove: ['picked-b'],
			},
			{ type: 'maatooContact' },
		);
		expect(requestsTo('POST', '/contacts/new')[0].body.tags).toEqual([
			'typed-new',
			'Picked-A',
			'-typed-old',
			'-picked-b',
		]);
		const stored = await mauticApi(fake.url, 'GET', `/contacts/${json[0].id}`);
		expect(((stored.contact as any).tags as IDataObject[]).map((t) => t.tag).sort()).toEqual([
			'picked-a',
			'typed-new',
		]);
	});
});
