import type { IDataObject } from 'n8n-workflow';
import { mappedFields } from '../support/maatooRun';
import { RUN_TAG } from './backends';
import { createContact, createContacts, email, ensureCustomFields, uniqueName } from './fixtures';
import { basicCredentialOf, byId, clientCredentialsOf, runOn } from './nodeRun';
import { onEachBackend } from './suite';

/* eslint-disable @typescript-eslint/no-explicit-any */

const FIELD_TYPES = {
	contract_number: 'number',
	contract_optin: 'boolean',
	contract_date: 'dateTime',
	contract_select: 'options',
	contract_multi: 'array',
};

onEachBackend('nodes', 'Maatoo Contact', ({ backend, check }) => {
	const run = (parameters: IDataObject, options: Parameters<typeof runOn>[3] = {}) =>
		runOn(backend(), 'maatooContact', parameters, options);
	const stored = async (id: unknown) => (await backend().api('GET', `/contacts/${id}`)).contact;

	check(
		'Create or Update: 250 items in batches with typed custom fields, tags added and removed; a bad item fails alone',
		async () => {
			await ensureCustomFields(backend());
			const prefix = `${RUN_TAG}-${backend().name}-bulk`;
			const items = Array.from({ length: 250 }, (_, index) => ({
				email: index === 7 ? 'not-an-email' : `${prefix}${index}@example.com`,
				number: 1000 + index,
				optIn: index % 2 === 0,
				date: '2026-05-01',
				category: index % 3 ? 'shoes' : 'bags',
				interests: ['running', 'yoga'],
			}));
			const { json } = await run(
				{
					operation: 'upsert',
					fields: mappedFields(
						{
							email: '={{ $json.email }}',
							contract_number: '={{ $json.number }}',
							contract_optin: '={{ $json.optIn }}',
							contract_date: '={{ $json.date }}',
							contract_select: '={{ $json.category }}',
							contract_multi: '={{ $json.interests }}',
						},
						FIELD_TYPES,
					),
					tagsToAdd: 'imported, lead',
				},
				{ items, continueOnFail: true },
			);
			expect(json).toHaveLength(250);
			expect(json[7].error).toBe(
				'The field "email" needs an email address, got "not-an-email" [item 7]',
			);
			expect(json.filter((item) => item.error)).toHaveLength(1);
			expect(json[6]).toMatchObject({
				email: `${prefix}6@example.com`,
				contract_number: 1006,
				contract_select: 'bags',
				tags: ['imported', 'lead'],
			});
			const six = await stored(json[6].id);
			expect(six.fields.all).toMatchObject({
				contract_number: 1006,
				contract_optin: 1,
				contract_date: '2026-05-01',
				contract_select: 'bags',
				contract_multi: 'running|yoga',
			});

			const again = await run({
				operation: 'upsert',
				fields: mappedFields(
					{ email: `${prefix}6@example.com`, contract_optin: false },
					FIELD_TYPES,
				),
				tagsToRemove: 'lead',
			});
			expect(again.json[0].id).toBe(json[6].id);
			const after = await stored(json[6].id);
			expect(after.fields.all.contract_optin).toBe(0);
			expect(after.tags.map((tag: any) => tag.tag)).toEqual(['imported']);
		},
	);

	check(
		'Update in one batch (a missing contact fails alone), Create or Replace clears, overwrite with blank',
		async () => {
			const ids = await createContacts(
				backend(),
				[0, 1, 2].map((index) => ({
					email: email(backend(), `edit${index}`),
					firstname: `Edit${index}`,
					city: 'Lyon',
				})),
			);
			const updated = await run(
				{
					operation: 'update',
					contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
					fields: mappedFields({ lastname: 'Patched' }),
				},
				{ items: [{ id: ids[0] }, { id: 987654321 }, { id: ids[1] }], continueOnFail: true },
			);
			expect(updated.json[0]).toMatchObject({ id: ids[0], lastname: 'Patched', city: 'Lyon' });
			expect(updated.json[1].error).toBe('The contact 987654321 does not exist [item 1]');
			expect(updated.json[2]).toMatchObject({ id: ids[1], lastname: 'Patched' });

			const address = (await stored(ids[2])).fields.all.email;
			const replaced = await run({
				operation: 'replace',
				contactId: { __rl: true, mode: 'email', value: address },
				fields: mappedFields({ email: address, firstname: 'Replaced' }),
			});
			// fields not given are cleared; empty ones show the form's empty value in that answer only
			expect(replaced.json[0]).toMatchObject({
				id: ids[2],
				firstname: 'Replaced',
				city: null,
				company: '',
			});
			expect((await stored(ids[2])).fields.all).toMatchObject({
				firstname: 'Replaced',
				city: null,
				company: null,
			});

			const blanked = await run({
				operation: 'upsert',
				fields: mappedFields({ email: (await stored(ids[0])).fields.all.email, city: '' }),
				additionalFields: { owner: '1', ipAddress: '203.0.113.9', overwriteWithBlank: true },
			});
			// a POST with overwriteWithBlank clears what it does not send, like a PUT
			expect(blanked.json[0]).toMatchObject({ id: ids[0], ownerId: 1, city: null, lastname: null });
			const owned = await stored(ids[0]);
			expect(owned.owner.id).toBe(1);
			expect(JSON.stringify(owned.ipAddresses)).toContain('203.0.113.9');
		},
	);

	check(
		'Delete: several in one batch call (a missing one reported), one through the single endpoint',
		async () => {
			const ids = await createContacts(
				backend(),
				[0, 1, 2].map((index) => ({ email: email(backend(), `del${index}`) })),
			);
			const { json } = await run(
				{ operation: 'delete', contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
				{ items: [{ id: ids[0] }, { id: 876543219 }, { id: ids[1] }], continueOnFail: true },
			);
			expect(json[0]).toEqual({ id: ids[0], deleted: true });
			expect(json[1].error).toBe('The contact 876543219 does not exist [item 1]');
			expect(json[2]).toEqual({ id: ids[1], deleted: true });
			const single = await run({ operation: 'delete', contactId: byId(ids[2]) });
			expect(single.json).toEqual([{ id: ids[2], deleted: true }]);
			for (const id of ids)
				expect((await backend().raw('GET', `/api/contacts/${id}`)).status).toBe(404);
		},
	);

	check(
		'Get by ID and by email; Get Many returns all in the server order across pages, also by ID cursor; conditions filter on the server',
		async () => {
			const tag = `${RUN_TAG}${backend().name}order`;
			const ids = await createContacts(
				backend(),
				Array.from({ length: 23 }, (_, index) => ({
					email: `${tag}${index}@example.com`,
					firstname: `Order${index}`,
					city: index < 5 ? 'Basel' : 'Chur',
				})),
			);
			const got = await run(
				{
					operation: 'get',
					contactId: { __rl: true, mode: '={{ $json.mode }}', value: '={{ $json.value }}' },
				},
				{
					items: [
						{ mode: 'id', value: String(ids[3]) },
						{ mode: 'email', value: `${tag}4@example.com` },
					],
				},
			);
			expect(got.json.map((contact) => contact.id)).toEqual([ids[3], ids[4]]);
			const all = await run({
				operation: 'getAll',
				returnAll: true,
				options: { search: tag, pageSize: 10, orderBy: 'id', orderByDir: 'DESC' },
			});
			expect(all.json.map((contact) => contact.id)).toEqual([...ids].reverse());
			expect(all.json[0]).toMatchObject({
				email: `${tag}22@example.com`,
				firstname: 'Order22',
				city: 'Chur',
				tags: [],
			});
			const basel = await run({
				operation: 'getAll',
				returnAll: true,
				options: { search: tag },
				conditions: { condition: [{ field: 'city', operator: 'eq', value: 'Basel' }] },
			});
			expect(basel.json.map((contact) => contact.id).sort((a: any, b: any) => a - b)).toEqual(
				ids.slice(0, 5),
			);
			const byCursor = await run({
				operation: 'getAll',
				returnAll: true,
				options: { search: tag, pageSize: 10, pagination: 'idCursor' },
			});
			expect(byCursor.json.map((contact) => contact.id)).toEqual(ids);
			const limited = await run({
				operation: 'getAll',
				returnAll: false,
				limit: 7,
				options: { search: tag, pageSize: 5 },
			});
			expect(limited.json).toHaveLength(7);
			const missing = await run(
				{ operation: 'get', contactId: byId(424242424) },
				{ expectError: true },
			);
			expect(missing.result.error?.message).toBe('The contact 424242424 does not exist [item 0]');
		},
	);

	check('do not contact, UTM tags and points', async () => {
		const id = await createContact(backend(), { email: email(backend(), 'extras') });
		await run({
			operation: 'addDoNotContact',
			contactId: byId(id),
			channel: 'email',
			reason: 1,
			dncFields: { comments: 'asked by phone' },
		});
		expect((await stored(id)).doNotContact).toEqual([
			expect.objectContaining({ reason: 1, comments: 'asked by phone', channel: 'email' }),
		]);
		const removed = await run({
			operation: 'removeDoNotContact',
			contactId: byId(id),
			channel: 'email',
		});
		expect(removed.json[0]).toMatchObject({ id, recordFound: true });

		await run({
			operation: 'addUtm',
			contactId: byId(id),
			utm: { utm_source: 'newsletter', utm_campaign: 'autumn', url: 'https://shop.example.com/' },
		});
		const [utm] = (await stored(id)).utmtags;
		expect(utm).toMatchObject({ utmSource: 'newsletter', utmCampaign: 'autumn' });
		await run({ operation: 'removeUtm', contactId: byId(id), utmId: utm.id });
		expect((await stored(id)).utmtags).toEqual([]);

		const points = await run(
			{
				operation: 'adjustPoints',
				contactId: byId(id),
				pointsOperator: '={{ $json.op }}',
				points: '={{ $json.delta }}',
				pointsLog: { eventName: 'Webinar', actionName: 'n8n' },
			},
			{
				items: [
					{ op: 'plus', delta: 15 },
					{ op: 'minus', delta: 5 },
				],
			},
		);
		expect(points.json).toEqual([
			{ contactId: id, operator: 'plus', points: 15, success: true },
			{ contactId: id, operator: 'minus', points: 5, success: true },
		]);
		expect((await stored(id)).points).toBe(10);
	});

	check(
		'point group scores: plus, set, get one (none yet is empty), get all; a missing group fails its item',
		async () => {
			const group = (
				await backend().api('POST', '/points/groups/new', { name: uniqueName('Node scores') })
			).pointGroup;
			const [id, other] = [
				await createContact(backend(), { email: email(backend(), 'scores') }),
				await createContact(backend(), { email: email(backend(), 'noscore') }),
			];
			const none = await run({
				operation: 'getGroupScore',
				contactId: byId(other),
				pointGroupId: byId(group.id),
			});
			expect(none.json[0]).toEqual({
				contactId: other,
				groupId: group.id,
				groupName: null,
				score: null,
			});
			const plus = await run({
				operation: 'adjustGroupScore',
				contactId: byId(id),
				pointGroupId: byId(group.id),
				scoreOperator: 'plus',
				scoreValue: 10,
			});
			expect(plus.json[0]).toEqual({
				contactId: id,
				groupId: group.id,
				groupName: group.name,
				score: 10,
			});
			const set = await run({
				operation: 'adjustGroupScore',
				contactId: byId(id),
				pointGroupId: byId(group.id),
				scoreOperator: 'set',
				scoreValue: 21,
			});
			expect(set.json[0].score).toBe(21);
			const one = await run({
				operation: 'getGroupScore',
				contactId: byId(id),
				pointGroupId: byId(group.id),
			});
			expect(one.json[0]).toEqual({
				contactId: id,
				groupId: group.id,
				groupName: group.name,
				score: 21,
			});
			const all = await run({ operation: 'getGroupScores', contactId: byId(id) });
			expect(all.json).toEqual([
				{ contactId: id, groupId: group.id, groupName: group.name, score: 21 },
			]);
			const missing = await run(
				{
					operation: 'adjustGroupScore',
					contactId: byId(id),
					pointGroupId: byId(999999999),
					scoreOperator: 'plus',
					scoreValue: 2,
				},
				{ continueOnFail: true },
			);
			expect(missing.json[0].error).toMatch(
				/^The contact or point group .* does not exist \[item 0\]$/,
			);
		},
	);

	check(
		'lookups and activity: owners, fields, segments of a contact, empty sub-lists, activity of one and of all',
		async () => {
			const owners = await run({ operation: 'getOwners' });
			expect(owners.json).toEqual(expect.arrayContaining([expect.objectContaining({ id: 1 })]));
			const fields = await run({ operation: 'getFields' });
			expect(fields.json.map((field) => field.alias)).toEqual(
				expect.arrayContaining(['email', 'firstname', 'lastname']),
			);
			const id = await createContact(backend(), { email: email(backend(), 'lookups') });
			const segment = (
				await backend().api('POST', '/segments/new', {
					name: uniqueName('Node lookups'),
					isPublished: true,
					isGlobal: true,
				})
			).list;
			await backend().api('POST', `/segments/${segment.id}/contact/${id}/add`);
			const segments = await run({ operation: 'getSegments', contactId: byId(id) });
			expect(segments.json.map((row) => row.id)).toEqual([segment.id]);
			for (const operation of ['getNotes', 'getCampaigns', 'getCompanies', 'getDevices']) {
				expect((await run({ operation, contactId: byId(id), returnAll: true })).json).toEqual([]);
			}
			await backend().api('POST', `/contacts/${id}/points/plus/1`);
			await backend().api('POST', `/contacts/${id}/points/plus/2`);
			const activity = await run({
				operation: 'getActivity',
				contactId: byId(id),
				returnAll: true,
			});
			expect(activity.json.map((event) => event.event).sort()).toEqual([
				'lead.source.identified',
				'point.gained',
				'point.gained',
				'segment_membership',
			]);
			const limited = await run({
				operation: 'getAllActivity',
				returnAll: false,
				limit: 3,
				activityFilters: { includeEvents: 'point.gained' },
			});
			expect(limited.json).toHaveLength(3);
			expect(limited.json.every((event) => event.event === 'point.gained')).toBe(true);
		},
	);

	check('OAuth2 client credentials: a token is fetched and used', async () => {
		const { json, result } = await run(
			{ operation: 'getAll', returnAll: false, limit: 1 },
			{ credential: clientCredentialsOf(backend()) },
		);
		expect(json).toHaveLength(1);
		const stored = result.credentialsStore.get('cred-oauth')?.data.oauthTokenData as IDataObject;
		expect(stored).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
		expect(stored.refresh_token).toBeUndefined();
	});

	check(
		'error answers become clear item errors (400 validation, 401); a batch over the instance limit is split to it',
		async () => {
			const invalid = await run(
				{
					operation: 'upsert',
					fields: mappedFields({
						email: '={{ $json.email }}',
						contract_select: '={{ $json.category }}',
					}),
				},
				{
					items: [
						{ email: email(backend(), 'ok'), category: 'shoes' },
						{ email: email(backend(), 'bad'), category: 'hats' },
					],
					continueOnFail: true,
				},
			);
			expect(invalid.json[0]).toMatchObject({ contract_select: 'shoes' });
			expect(invalid.json[1].error).toMatch(
				/^Mautic rejected the data: contract_select: .* \[item 1\]$/,
			);
			const unauthorised = await run(
				{ operation: 'getAll', returnAll: false, limit: 1 },
				{
					credential: basicCredentialOf(backend(), { password: 'wrong-password' }),
					expectError: true,
				},
			);
			expect(unauthorised.result.error?.message).toBe(
				'Mautic rejected the credentials (401) [item 0]',
			);
			const items = Array.from({ length: 201 }, (_, index) => ({
				email: email(backend(), `limit${index}`),
			}));
			const tooMany = await run(
				{
					operation: 'upsert',
					fields: mappedFields({ email: '={{ $json.email }}' }),
					options: { batchSize: 201 },
				},
				{ items, continueOnFail: true },
			);
			// Mautic refuses the call of 201 whole ("A max of 200 entities…"); the node sends 200 + 1.
			expect(tooMany.json.filter((item) => item.error)).toEqual([]);
			expect(tooMany.json.map((item) => item.email)).toEqual(items.map((item) => item.email));
		},
	);
});
