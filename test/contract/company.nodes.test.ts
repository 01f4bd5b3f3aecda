import type { IDataObject } from 'n8n-workflow';
import { companyFields } from '../support/companyRun';
import { mappedFields } from '../support/maatooRun';
import { createContacts, email, uniqueName } from './fixtures';
import { byId, runOn } from './nodeRun';
import { onEachBackend } from './suite';

onEachBackend('nodes', 'Maatoo Company', ({ backend, check }) => {
	const run = (parameters: IDataObject, options: Parameters<typeof runOn>[3] = {}) =>
		runOn(backend(), 'maatooCompany', parameters, options);

	check(
		'Create or Update in batches (existing ones updated, only given fields), Update, Create or Replace, Get, Get Many, Delete',
		async () => {
			const base = uniqueName('Node co');
			const names = [0, 1, 2, 3].map((index) => `${base} ${index}`);
			const existing = (
				await backend().api('POST', '/companies/new', {
					companyname: names[0],
					companycity: 'Bern',
				})
			).company;
			const upserted = await run(
				{
					operation: 'upsert',
					fields: companyFields(
						{
							companyname: '={{ $json.name }}',
							companynumber_of_employees: '={{ $json.staff }}',
						},
						{ companynumber_of_employees: 'number' },
					),
				},
				{
					continueOnFail: true,
					items: [
						{ name: names[0].toUpperCase(), staff: 10 },
						{ name: names[1], staff: 20 },
						{ name: names[2], staff: 'many' },
						{ name: names[3], staff: 40 },
					],
				},
			);
			const [first, second, bad, fourth] = upserted.json;
			expect(first).toMatchObject({
				id: existing.id,
				companycity: 'Bern',
				companynumber_of_employees: 10,
			});
			expect(second).toMatchObject({ name: names[1], companynumber_of_employees: 20 });
			expect(bad.error).toMatch(/companynumber_of_employees.*\[item 2\]$/);
			expect(fourth).toMatchObject({ name: names[3], companynumber_of_employees: 40 });

			const updated = await run({
				operation: 'update',
				companyId: byId(second.id),
				fields: companyFields({ companyzipcode: '3000' }),
			});
			expect(updated.json[0]).toMatchObject({
				id: second.id,
				companyzipcode: '3000',
				companynumber_of_employees: 20,
			});
			const replaced = await run({
				operation: 'replace',
				companyId: byId(second.id),
				fields: companyFields({ companyname: names[1] }),
			});
			expect(replaced.json[0]).toMatchObject({
				id: second.id,
				companyzipcode: null,
				companynumber_of_employees: null,
			});
			const got = await run({ operation: 'get', companyId: byId(fourth.id) });
			expect(got.json[0]).toMatchObject({ id: fourth.id, name: names[3] });
			const listed = await run({
				operation: 'getAll',
				returnAll: true,
				options: { search: base, orderBy: 'companyname', orderByDir: 'DESC' },
			});
			expect(listed.json.map((row) => row.id)).toEqual([fourth.id, second.id, first.id]);

			const deleted = await run(
				{ operation: 'delete', companyId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
				{ items: [first, second, fourth].map((row) => ({ id: String(row.id) })) },
			);
			expect(deleted.json).toEqual(
				[first, second, fourth].map((row) => ({ id: row.id, deleted: true })),
			);
			const missing = await run(
				{ operation: 'get', companyId: byId(first.id) },
				{ expectError: true },
			);
			expect(missing.result.error?.message).toBe(`The company ${first.id} does not exist [item 0]`);
		},
	);

	check(
		'Create or Update finds the companies Mautic refuses as duplicates: accents, spaces around, &\'"<> characters',
		async () => {
			const base = uniqueName('Node dup');
			const names = [`Café ${base}`, `Smith & Sons ${base}`, `O'Brien "Q" ${base}`];
			const created = await backend().api(
				'POST',
				'/companies/batch/new',
				names.map((companyname) => ({ companyname })),
			);
			const ids = Object.values(created.companies as IDataObject).map(
				(company) => (company as IDataObject).id as number,
			);
			expect(ids).toHaveLength(3);
			const upserted = await run(
				{
					operation: 'upsert',
					fields: companyFields({ companyname: '={{ $json.name }}', companycity: 'Sion' }),
				},
				{ items: [{ name: `CAFE ${base}` }, { name: `  ${names[1]} ` }, { name: names[2] }] },
			);
			expect(upserted.json.map((row) => [row.id, row.name, row.companycity])).toEqual(
				// the given name is saved (trimmed, as Mautic's form does)
				ids.map((id, index) => [id, index === 0 ? `CAFE ${base}` : names[index], 'Sion']),
			);
			await run(
				{ operation: 'delete', companyId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
				{ items: ids.map((id) => ({ id: String(id) })) },
			);
		},
	);

	check(
		'Add Contact for many items, Get Contacts, Remove Contact; the Contact node sets a company by name',
		async () => {
			const company = (
				await backend().api('POST', '/companies/new', { companyname: uniqueName('Node links') })
			).company;
			const ids = await createContacts(
				backend(),
				[1, 2, 3].map((index) => ({ email: email(backend(), `colink${index}`) })),
			);
			const added = await run(
				{
					operation: 'addContact',
					companyId: byId(company.id),
					contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				},
				{
					continueOnFail: true,
					items: [...ids.map((id) => ({ id: String(id) })), { id: '999999999' }],
				},
			);
			expect(added.json.slice(0, 3)).toEqual(
				ids.map((contactId) => ({ companyId: company.id, contactId, added: true })),
			);
			expect(added.json[3].error).toBe('The contact 999999999 does not exist [item 3]');
			const members = await run({
				operation: 'getContacts',
				companyId: byId(company.id),
				returnAll: true,
			});
			expect(members.json.map((row) => row.id)).toEqual(ids);
			await run({
				operation: 'removeContact',
				companyId: byId(company.id),
				contactId: byId(ids[0]),
			});
			const after = await run({
				operation: 'getContacts',
				companyId: byId(company.id),
				returnAll: true,
			});
			expect(after.json.map((row) => row.id)).toEqual(ids.slice(1));

			const name = uniqueName('Contact node co');
			const contact = await runOn(backend(), 'maatooContact', {
				operation: 'upsert',
				fields: mappedFields({ email: email(backend(), 'withco'), company: name }),
			});
			expect(contact.json[0].company).toBe(name);
			const found = await run({ operation: 'getAll', returnAll: true, options: { search: name } });
			expect(found.json.map((row) => row.name)).toEqual([name]);
			const linked = await run({
				operation: 'getContacts',
				companyId: byId(found.json[0].id),
				returnAll: true,
			});
			expect(linked.json.map((row) => row.id)).toEqual([contact.json[0].id]);
			await run(
				{ operation: 'delete', companyId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
				{ items: [{ id: String(company.id) }, { id: String(found.json[0].id) }] },
			);
		},
	);
});
