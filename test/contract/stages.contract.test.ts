import { expectShape } from './expectShape';
import { createContact, email, uniqueName } from './fixtures';
import * as S from './schemas';
import { onEachBackend } from './suite';

onEachBackend('contract', 'Stages', ({ backend, check }) => {
	check('create, list, get, patch, put and delete a stage; a nameless one is a 400', async () => {
		const name = uniqueName('Contract stage');
		const created = await backend().raw('POST', '/api/stages/new', { name, weight: 7 });
		expect(created.status).toBe(201);
		const stage = expectShape(S.one('stage', S.stage), created.body).stage;
		expect(stage).toMatchObject({ name, weight: 7, description: null, isPublished: true });

		const list = expectShape(
			S.arrayList('stages', S.stage),
			(await backend().raw('GET', `/api/stages?search=${encodeURIComponent(name)}`)).body,
		);
		expect(list.stages.map((s) => s.id)).toEqual([stage.id]);
		expectShape(
			S.one('stage', S.stage),
			(await backend().raw('GET', `/api/stages/${stage.id}`)).body,
		);

		const patched = expectShape(
			S.one('stage', S.stage),
			(await backend().raw('PATCH', `/api/stages/${stage.id}/edit`, { description: 'patched' }))
				.body,
		);
		expect(patched.stage).toMatchObject({ name, weight: 7, description: 'patched' });
		const replaced = expectShape(
			S.one('stage', S.stage),
			(await backend().raw('PUT', `/api/stages/${stage.id}/edit`, { name: `${name} put` })).body,
		);
		expect(replaced.stage).toMatchObject({ name: `${name} put`, weight: 0, description: null });

		const invalid = await backend().raw('POST', '/api/stages/new', { weight: 1 });
		expect(invalid.status).toBe(400);
		expect(expectShape(S.validationError, invalid.body).errors[0].message).toBe(
			'name: A name is required.',
		);
		const deleted = expectShape(
			S.one('stage', S.stage),
			(await backend().raw('DELETE', `/api/stages/${stage.id}/delete`)).body,
		);
		expect(deleted.stage.id).toBeNull();
		const missing = await backend().raw('GET', `/api/stages/${stage.id}`);
		expect(missing.status).toBe(404);
		expect(expectShape(S.controllerError, missing.body).errors[0].message).toBe(
			'Item was not found.',
		);
	});

	check(
		'add and remove answer {"success":1} and log "Manually Added/Removed"; remove clears another stage too; 404s name the missing one',
		async () => {
			const first = (await backend().api('POST', '/stages/new', { name: uniqueName('First') }))
				.stage;
			const second = (await backend().api('POST', '/stages/new', { name: uniqueName('Second') }))
				.stage;
			const contactId = await createContact(backend(), { email: email(backend(), 'stage') });
			try {
				const added = await backend().raw(
					'POST',
					`/api/stages/${first.id}/contact/${contactId}/add`,
				);
				expect(added.status).toBe(200);
				expectShape(S.success, added.body);
				const contact = (await backend().api('GET', `/contacts/${contactId}`)).contact;
				expect(expectShape(S.contactStage, contact.stage)).toMatchObject({ id: first.id });

				// Removing from a stage the contact is not in still clears its stage (LeadModel::removeFromStages).
				expectShape(
					S.success,
					(await backend().raw('POST', `/api/stages/${second.id}/contact/${contactId}/remove`))
						.body,
				);
				expect((await backend().api('GET', `/contacts/${contactId}`)).contact.stage).toBeNull();

				const log = expectShape(
					S.statsRows,
					(
						await backend().raw(
							'GET',
							`/api/stats/lead_stages_change_log?where[0][col]=lead_id&where[0][expr]=eq&where[0][val]=${contactId}&order[0][col]=id&order[0][dir]=asc`,
						)
					).body,
				);
				expect(log.stats.map((row) => [row.stage_id, row.action_name])).toEqual([
					[String(first.id), 'Manually Added'],
					[String(second.id), 'Manually Removed'],
				]);

				const noStage = await backend().raw('POST', `/api/stages/999999/contact/${contactId}/add`);
				expect(noStage.status).toBe(404);
				expect(expectShape(S.controllerError, noStage.body).errors[0].message).toBe(
					'Item was not found.',
				);
				const noContact = await backend().raw('POST', `/api/stages/${first.id}/contact/999999/add`);
				expect(noContact.status).toBe(404);
				expect(expectShape(S.controllerError, noContact.body).errors[0].message).toBe(
					'Contact not found.',
				);
			} finally {
				await backend().raw('DELETE', `/api/contacts/${contactId}/delete`);
				await backend().raw('DELETE', `/api/stages/${first.id}/delete`);
				await backend().raw('DELETE', `/api/stages/${second.id}/delete`);
			}
		},
	);

	check(
		'a contact PATCH with `stage` checks the ID (400) and logs "Stage changed" only when it differs from the last history line, which a removal leaves behind',
		async () => {
			const stage = (await backend().api('POST', '/stages/new', { name: uniqueName('Patched') }))
				.stage;
			const contactId = await createContact(backend(), { email: email(backend(), 'stage-patch') });
			const history = async () =>
				expectShape(
					S.statsRows,
					(
						await backend().raw(
							'GET',
							`/api/stats/lead_stages_change_log?where[0][col]=lead_id&where[0][expr]=eq&where[0][val]=${contactId}&order[0][col]=id&order[0][dir]=asc`,
						)
					).body,
				).stats.map((row) => [row.stage_id, row.action_name]);
			try {
				const set = (
					await backend().api('PATCH', `/contacts/${contactId}/edit`, { stage: stage.id })
				).contact;
				expect(set.stage).toMatchObject({ id: stage.id });
				expect(await history()).toEqual([[String(stage.id), 'Stage changed']]);

				await backend().api('POST', `/stages/${stage.id}/contact/${contactId}/remove`);
				const back = (
					await backend().api('PATCH', `/contacts/${contactId}/edit`, { stage: stage.id })
				).contact;
				expect(back.stage).toMatchObject({ id: stage.id });
				// In the stage again, but the history's last line still says "removed".
				expect(await history()).toEqual([
					[String(stage.id), 'Stage changed'],
					[String(stage.id), 'Manually Removed'],
				]);

				const unknown = await backend().raw('PATCH', `/api/contacts/${contactId}/edit`, {
					stage: 999999,
				});
				expect(unknown.status).toBe(400);
				expect(expectShape(S.validationError, unknown.body).errors[0].message).toBe(
					'stage: This value is not valid.',
				);
			} finally {
				await backend().raw('DELETE', `/api/contacts/${contactId}/delete`);
				await backend().raw('DELETE', `/api/stages/${stage.id}/delete`);
			}
		},
	);
});
