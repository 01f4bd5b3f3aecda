import type { IDataObject } from 'n8n-workflow';
import { RUN_TAG } from './backends';
import { createContacts, uniqueName } from './fixtures';
import { byId, runOn } from './nodeRun';
import { onEachBackend } from './suite';

onEachBackend('nodes', 'Maatoo Segment', ({ backend, check }) => {
	const run = (parameters: IDataObject, options: Parameters<typeof runOn>[3] = {}) =>
		runOn(backend(), 'maatooSegment', parameters, options);

	check(
		'Create with UI filters, Get, Get Many by search, Update, Create or Replace, Delete',
		async () => {
			const name = uniqueName('Node segment');
			const created = await run({
				operation: 'create',
				name,
				additionalFields: { description: 'From n8n', isGlobal: true, isPublished: true },
				filterMode: 'fields',
				filters: {
					filter: [
						{ field: 'city', operator: 'eq', value: 'Berlin', glue: 'and' },
						{ field: 'email', operator: '!empty', value: '', glue: 'and' },
					],
				},
			});
			const segment = created.json[0];
			expect(segment).toMatchObject({ name, description: 'From n8n', isGlobal: true });
			const stored = (await backend().api('GET', `/segments/${segment.id}`)).list;
			expect(stored.filters).toEqual([
				expect.objectContaining({
					field: 'city',
					operator: '=',
					type: 'text',
					properties: { filter: 'Berlin' },
				}),
				expect.objectContaining({ field: 'email', operator: '!empty' }),
			]);
			expect((await run({ operation: 'get', segmentId: byId(segment.id) })).json[0]).toMatchObject({
				id: segment.id,
				name,
			});
			const found = await run({ operation: 'getAll', returnAll: true, options: { search: name } });
			expect(found.json.map((row) => row.id)).toEqual([segment.id]);
			const updated = await run({
				operation: 'update',
				segmentId: byId(segment.id),
				updateFields: { name: `${name} patched` },
			});
			expect(updated.json[0]).toMatchObject({
				id: segment.id,
				name: `${name} patched`,
				description: 'From n8n',
			});
			// Create or Replace: what is not given is cleared
			const replaced = await run({
				operation: 'replace',
				segmentId: byId(segment.id),
				name: `${name} replaced`,
			});
			expect(replaced.json[0]).toMatchObject({
				id: segment.id,
				name: `${name} replaced`,
				description: null,
				filters: [],
			});
			const deleted = await run({ operation: 'delete', segmentId: byId(segment.id) });
			expect(deleted.json[0]).toMatchObject({ id: segment.id, deleted: true });
			const missing = await run(
				{ operation: 'get', segmentId: byId(segment.id) },
				{ expectError: true },
			);
			expect(missing.result.error?.message).toBe(
				`The segment ${segment.id} does not exist [item 0]`,
			);
		},
	);

	check(
		'Add Contact, Remove Contact, Add Contacts in bulk (a missing one reported), Get Contacts in order',
		async () => {
			const segment = (
				await backend().api('POST', '/segments/new', {
					name: uniqueName('Node members'),
					isPublished: true,
					isGlobal: true,
				})
			).list;
			const ids = await createContacts(
				backend(),
				Array.from({ length: 12 }, (_, index) => ({
					email: `${RUN_TAG}-${backend().name}-seg${index}@example.com`,
					firstname: `Seg${index}`,
				})),
			);
			const added = await run(
				{ operation: 'addContact', segmentId: byId(segment.id), contactId: '={{ $json.contact }}' },
				{ items: [{ contact: ids[0] }, { contact: ids[1] }] },
			);
			expect(added.json).toEqual([
				expect.objectContaining({ segmentId: segment.id, contactId: ids[0] }),
				expect.objectContaining({ segmentId: segment.id, contactId: ids[1] }),
			]);
			const removed = await run(
				{
					operation: 'removeContact',
					segmentId: byId(segment.id),
					contactId: '={{ $json.contact }}',
				},
				{ items: [{ contact: ids[1] }] },
			);
			expect(removed.json[0]).toMatchObject({ segmentId: segment.id, contactId: ids[1] });

			const bulk = await run(
				{ operation: 'addContacts', segmentId: byId(segment.id), contactId: '={{ $json.id }}' },
				{ items: [...ids.slice(2).map((id) => ({ id })), { id: 999999999 }], continueOnFail: true },
			);
			expect(bulk.json.slice(0, 10).every((row) => !row.error)).toBe(true);
			expect(bulk.json[10].error).toMatch(/999999999/);

			const members = await run({
				operation: 'getContacts',
				segmentId: byId(segment.id),
				returnAll: true,
				options: { pageSize: 4 },
			});
			expect(members.json.map((contact) => contact.id)).toEqual([ids[0], ...ids.slice(2)]);
			expect(members.json[0]).toMatchObject({
				email: `${RUN_TAG}-${backend().name}-seg0@example.com`.toLowerCase(),
				firstname: 'Seg0',
			});
		},
	);
});

onEachBackend('nodes', 'Maatoo Point Group', ({ backend, check }) => {
	const run = (parameters: IDataObject, options: Parameters<typeof runOn>[3] = {}) =>
		runOn(backend(), 'maatooPointGroup', parameters, options);

	check(
		'Create, Get, Get Many, Update and Delete a point group; a missing one is a clear error',
		async () => {
			const name = uniqueName('Node group');
			const created = (
				await run({ operation: 'create', name, additionalFields: { description: 'Rain gear' } })
			).json[0];
			expect(created).toMatchObject({ name, description: 'Rain gear' });
			expect(
				(await run({ operation: 'get', pointGroupId: byId(created.id) })).json[0],
			).toMatchObject({ id: created.id, name });
			const found = await run({ operation: 'getAll', returnAll: true, options: { search: name } });
			expect(found.json.map((row) => row.id)).toEqual([created.id]);
			const updated = await run({
				operation: 'update',
				pointGroupId: byId(created.id),
				updateFields: { name: `${name} after` },
			});
			expect(updated.json[0]).toMatchObject({
				id: created.id,
				name: `${name} after`,
				description: 'Rain gear',
			});
			const deleted = await run({ operation: 'delete', pointGroupId: byId(created.id) });
			expect(deleted.json[0]).toMatchObject({ id: created.id, deleted: true });
			const missing = await run(
				{ operation: 'get', pointGroupId: byId(created.id) },
				{ continueOnFail: true },
			);
			expect(missing.json[0].error).toBe(`The point group ${created.id} does not exist [item 0]`);
		},
	);
});
