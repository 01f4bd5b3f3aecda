import { expectShape } from './expectShape';
import { createContact, email, uniqueName } from './fixtures';
import * as S from './schemas';
import { onEachBackend } from './suite';

/* eslint-disable @typescript-eslint/no-explicit-any */

const all = (company: any) => company.fields.all;
const list = (rows: any): any[] => (Array.isArray(rows) ? rows : Object.values(rows ?? {}));

onEachBackend('contract', 'Companies', ({ backend, check }) => {
	check(
		'create, get, list, patch, put, delete a company; a nameless one is a 400, a bad number a 400',
		async () => {
			const name = uniqueName('Contract company');
			const created = await backend().raw('POST', '/api/companies/new', {
				companyname: name,
				companycity: 'Bern',
				companynumber_of_employees: 12,
			});
			expect(created.status).toBe(201);
			const company = expectShape(S.one('company', S.company), created.body).company;
			expect(all(company)).toMatchObject({
				companyname: name,
				companycity: 'Bern',
				companynumber_of_employees: 12,
			});

			const got = expectShape(
				S.one('company', S.company),
				(await backend().raw('GET', `/api/companies/${company.id}`)).body,
			);
			expect(all(got.company).companyname).toBe(name);

			const found = expectShape(
				S.keyedList('companies', S.company, 'string'),
				(await backend().raw('GET', `/api/companies?search=${encodeURIComponent(name)}`)).body,
			);
			expect(Object.keys(found.companies)).toEqual([String(company.id)]);
			const byWhere = (await backend().api(
				'GET',
				`/companies?where[0][expr]=orX&where[0][val][0][col]=companyname&where[0][val][0][expr]=eq&where[0][val][0][val]=${encodeURIComponent(name.toUpperCase())}`,
			)) as any;
			expect(Object.keys(byWhere.companies)).toEqual([String(company.id)]);
			const byIds = (await backend().api('GET', `/companies?search=ids:${company.id}`)) as any;
			expect(Object.keys(byIds.companies)).toEqual([String(company.id)]);

			const patched = expectShape(
				S.one('company', S.company),
				(
					await backend().raw('PATCH', `/api/companies/${company.id}/edit`, {
						companyzipcode: '3000',
					})
				).body,
			);
			expect(all(patched.company)).toMatchObject({ companycity: 'Bern', companyzipcode: '3000' });
			const put = expectShape(
				S.one('company', S.company),
				(
					await backend().raw('PUT', `/api/companies/${company.id}/edit`, {
						companyname: name,
						companywebsite: 'https://example.com',
					})
				).body,
			);
			expect(all(put.company)).toMatchObject({ companycity: null, companyzipcode: null });

			const nameless = await backend().raw('POST', '/api/companies/new', { companycity: 'x' });
			expect(nameless.status).toBe(400);
			expect(expectShape(S.validationError, nameless.body).errors[0].message).toBe(
				'companyname: This field is required.',
			);
			const badNumber = await backend().raw('PATCH', `/api/companies/${company.id}/edit`, {
				companynumber_of_employees: 'many',
			});
			expect(badNumber.status).toBe(400);
			expect(expectShape(S.validationError, badNumber.body).errors[0].message).toBe(
				'companynumber_of_employees: This value is not valid.',
			);
			const missing = await backend().raw('PATCH', '/api/companies/999999999/edit', {});
			expect(missing.status).toBe(404);
			expect(expectShape(S.controllerError, missing.body).errors[0].message).toBe(
				'Item was not found.',
			);

			const deleted = expectShape(
				S.one('company', S.company),
				(await backend().raw('DELETE', `/api/companies/${company.id}/delete`)).body,
			);
			expect(deleted.company.id).toBeNull();
			expect((await backend().raw('GET', `/api/companies/${company.id}`)).status).toBe(404);
		},
	);

	check(
		'POST /companies/new merges into the company of that name (any case) and clears the fields not sent',
		async () => {
			const name = uniqueName('Merge company');
			const first = (
				await backend().api('POST', '/companies/new', { companyname: name, companycity: 'Bern' })
			).company;
			const again = await backend().raw('POST', '/api/companies/new', {
				companyname: name.toLowerCase(),
				companyzipcode: '3000',
			});
			expect(again.status).toBe(200);
			const merged = expectShape(S.one('company', S.company), again.body).company;
			expect(merged.id).toBe(first.id);
			expect(all(merged)).toMatchObject({
				companyname: name.toLowerCase(),
				companyzipcode: '3000',
				companycity: null,
			});
			await backend().api('DELETE', `/companies/${first.id}/delete`);
		},
	);

	check(
		'batch new refuses a duplicate name with a 422 per entry; batch edit (PATCH, PUT) and batch delete by index',
		async () => {
			const name = uniqueName('Batch company');
			const existing = (await backend().api('POST', '/companies/new', { companyname: name }))
				.company;
			const answer = await backend().raw('POST', '/api/companies/batch/new', [
				{ companyname: name.toUpperCase() },
				{ companyname: `${name} two` },
				{ companycity: 'nameless' },
			]);
			expect(answer.status).toBe(201);
			const batch = expectShape(
				S.batchAnswer('companies', S.company, S.batchEntryError),
				answer.body,
			) as any;
			expect(list(batch.statusCodes)).toEqual([422, 201, 400]);
			expect(batch.errors['0'] ?? batch.errors[0]).toMatchObject({
				code: 422,
				message: 'companyname: This field must be unique.',
				details: { companyname: ['This field must be unique.'] },
			});
			const second = batch.companies['1'] ?? batch.companies[1];
			expect(all(second).companyname).toBe(`${name} two`);

			const edited = expectShape(
				S.batchAnswer('companies', S.company, S.batchEntryError),
				(
					await backend().raw('PATCH', '/api/companies/batch/edit', [
						{ id: existing.id, companycity: 'Thun' },
						{ id: 999999999, companycity: 'x' },
					])
				).body,
			) as any;
			expect(list(edited.statusCodes)).toEqual([200, 404]);
			expect(all(list(edited.companies)[0]).companycity).toBe('Thun');

			const replaced = expectShape(
				S.batchAnswer('companies', S.company, S.batchEntryError),
				(
					await backend().raw('PUT', '/api/companies/batch/edit', [
						{ id: existing.id, companyname: name, companyzipcode: '3000' },
					])
				).body,
			) as any;
			expect(list(replaced.statusCodes)).toEqual([200]);
			expect(all(list(replaced.companies)[0])).toMatchObject({
				companycity: null,
				companyzipcode: '3000',
			});

			const removed = (await backend().api(
				'DELETE',
				`/companies/batch/delete?ids=${existing.id},${second.id},999999999`,
			)) as any;
			expect(
				list(removed.companies)
					.map((row: any) => row.id)
					.sort(),
			).toEqual([existing.id, second.id].sort());
		},
	);

	check(
		'contacts: add and remove answer {"success":1}; missing company or contact 404; a contact lists its companies; search company_id:',
		async () => {
			const company = (
				await backend().api('POST', '/companies/new', { companyname: uniqueName('Linked co') })
			).company;
			const contactId = await createContact(backend(), { email: email(backend(), 'linked') });
			expectShape(
				S.success,
				(await backend().raw('POST', `/api/companies/${company.id}/contact/${contactId}/add`)).body,
			);
			const missingContact = await backend().raw(
				'POST',
				`/api/companies/${company.id}/contact/999999999/add`,
			);
			expect(missingContact.status).toBe(404);
			expect(expectShape(S.controllerError, missingContact.body).errors[0].message).toBe(
				'Contact not found.',
			);
			const missingCompany = await backend().raw(
				'POST',
				`/api/companies/999999999/contact/${contactId}/add`,
			);
			expect(missingCompany.status).toBe(404);
			expect(expectShape(S.controllerError, missingCompany.body).errors[0].message).toBe(
				'Item was not found.',
			);
			const ofContact = expectShape(
				S.contactCompanies,
				(await backend().raw('GET', `/api/contacts/${contactId}/companies`)).body,
			);
			expect(ofContact.companies.map((row) => row.company_id)).toEqual([String(company.id)]);
			expect(ofContact.companies[0].is_primary).toBe('1');
			const members = (await backend().api(
				'GET',
				`/contacts?search=${encodeURIComponent(`company_id:${company.id}`)}`,
			)) as any;
			expect(Object.keys(members.contacts)).toEqual([String(contactId)]);

			expectShape(
				S.success,
				(await backend().raw('POST', `/api/companies/${company.id}/contact/${contactId}/remove`))
					.body,
			);
			const removeMissing = await backend().raw(
				'POST',
				`/api/companies/${company.id}/contact/999999999/remove`,
			);
			expect(removeMissing.status).toBe(404);
			expect(expectShape(S.controllerError, removeMissing.body).errors[0].message).toBe(
				'Item was not found.',
			);
			const none = (await backend().api(
				'GET',
				`/contacts?search=${encodeURIComponent(`company_id:${company.id}`)}`,
			)) as any;
			expect(Number(none.total)).toBe(0);
			await backend().api('DELETE', `/companies/${company.id}/delete`);
		},
	);

	check('a contact saved with a `company` value is linked to that company', async () => {
		const name = uniqueName('Field co');
		const existing = (await backend().api('POST', '/companies/new', { companyname: name })).company;
		const saved = (
			await backend().api('POST', '/contacts/new', {
				email: email(backend(), 'fieldco'),
				company: name.toLowerCase(),
			})
		).contact;
		expect(saved.fields.all.company).toBe(name);
		const ofContact = expectShape(
			S.contactCompanies,
			(await backend().raw('GET', `/api/contacts/${saved.id}/companies`)).body,
		);
		expect(ofContact.companies.map((row) => Number(row.company_id))).toEqual([existing.id]);
		await backend().api('DELETE', `/companies/${existing.id}/delete`);
	});

	check(
		'/fields/company lists the core company fields, companyname a unique identifier',
		async () => {
			const fields = (await backend().api('GET', '/fields/company?limit=200')) as any;
			const byAlias = Object.fromEntries(
				list(fields.fields).map((field: any) => [field.alias, field]),
			);
			expect(byAlias.companyname).toMatchObject({ object: 'company', isUniqueIdentifier: true });
			expect(byAlias.companynumber_of_employees.type).toBe('number');
			expect(byAlias.companyindustry.type).toBe('select');
		},
	);
});
