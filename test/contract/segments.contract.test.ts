import { expectShape } from './expectShape';
import { createContact, email, uniqueName } from './fixtures';
import * as S from './schemas';
import { onEachBackend } from './suite';

/* eslint-disable @typescript-eslint/no-explicit-any */

onEachBackend('contract', 'Segments', ({ backend, check }) => {
	check(
		'create, list, get, patch and delete a segment with filters; a nameless one is a 400',
		async () => {
			const name = uniqueName('Contract segment');
			const filters = [
				{
					glue: 'and',
					field: 'city',
					object: 'lead',
					type: 'text',
					operator: '=',
					properties: { filter: 'Bern' },
				},
			];
			const created = await backend().raw('POST', '/api/segments/new', {
				name,
				isPublished: true,
				isGlobal: true,
				filters,
			});
			expect(created.status).toBe(201);
			const segment = expectShape(S.one('list', S.segment), created.body).list;
			expect(segment.filters).toEqual(filters);

			const list = expectShape(
				S.keyedList('lists', S.segment, 'int'),
				(await backend().raw('GET', `/api/segments?search=${encodeURIComponent(name)}`)).body,
			);
			expect(Object.keys(list.lists)).toEqual([String(segment.id)]);
			const none = await backend().raw(
				'GET',
				`/api/segments?search=${encodeURIComponent('no-segment-has-this-name-zz')}`,
			);
			expect(none.text).toBe('{"total":0,"lists":[]}');

			expectShape(
				S.one('list', S.segment),
				(await backend().raw('GET', `/api/segments/${segment.id}`)).body,
			);
			const patched = expectShape(
				S.one('list', S.segment),
				(
					await backend().raw('PATCH', `/api/segments/${segment.id}/edit`, {
						description: 'patched',
					})
				).body,
			);
			expect(patched.list).toMatchObject({ description: 'patched', filters });

			const invalid = await backend().raw('POST', '/api/segments/new', { description: 'no name' });
			expect(invalid.status).toBe(400);
			expect(expectShape(S.validationError, invalid.body).errors[0].message).toBe(
				'name: A name is required.',
			);

			const deleted = expectShape(
				S.one('list', S.segment),
				(await backend().raw('DELETE', `/api/segments/${segment.id}/delete`)).body,
			);
			expect(deleted.list.id).toBeNull();
			expect((await backend().raw('GET', `/api/segments/${segment.id}`)).status).toBe(404);
		},
	);

	check(
		'membership: add and remove answer {"success":1}; bulk add reports each id; a contact lists its segments',
		async () => {
			const segment = (
				await backend().api('POST', '/segments/new', {
					name: uniqueName('Members'),
					isPublished: true,
					isGlobal: true,
				})
			).list;
			const id = await createContact(backend(), { email: email(backend(), 'member') });
			expectShape(
				S.success,
				(await backend().raw('POST', `/api/segments/${segment.id}/contact/${id}/add`)).body,
			);
			const missingContact = await backend().raw(
				'POST',
				`/api/segments/${segment.id}/contact/999999999/add`,
			);
			expect(missingContact.status).toBe(404);
			expect(expectShape(S.controllerError, missingContact.body).errors[0].message).toBe(
				'Contact not found.',
			);
			const missingSegment = await backend().raw(
				'POST',
				`/api/segments/999999999/contact/${id}/add`,
			);
			expect(missingSegment.status).toBe(404);
			expect(expectShape(S.controllerError, missingSegment.body).errors[0].message).toBe(
				'Item was not found.',
			);

			const ofContact = expectShape(
				S.contactSegments,
				(await backend().raw('GET', `/api/contacts/${id}/segments`)).body,
			);
			expect(Object.keys(ofContact.lists)).toEqual([String(segment.id)]);
			const members = (await backend().api(
				'GET',
				`/contacts?search=${encodeURIComponent(`segment:${segment.alias}`)}`,
			)) as any;
			expect(Object.keys(members.contacts)).toEqual([String(id)]);

			const bulk = expectShape(
				S.bulkAdd,
				(
					await backend().raw('POST', `/api/segments/${segment.id}/contacts/add`, {
						ids: [id, 999999999],
					})
				).body,
			);
			expect(bulk.details).toEqual({
				[String(id)]: { success: true },
				'999999999': { success: false },
			});
			const noIds = await backend().raw('POST', `/api/segments/${segment.id}/contacts/add`, {});
			expect(noIds.status).toBe(400);
			expect(expectShape(S.controllerError, noIds.body).errors[0].message).toBe(
				'This is a bad request.',
			);

			expectShape(
				S.success,
				(await backend().raw('POST', `/api/segments/${segment.id}/contact/${id}/remove`)).body,
			);
			expectShape(
				S.success,
				(await backend().raw('POST', `/api/segments/${segment.id}/contact/${id}/remove`)).body,
			);
			expect((await backend().raw('GET', `/api/contacts/${id}/segments`)).text).toBe(
				'{"total":0,"lists":[]}',
			);
		},
	);
});

onEachBackend('contract', 'Point groups and group scores', ({ backend, check }) => {
	check(
		'create, list (an array), get, patch and delete a point group; a nameless one is a 400',
		async () => {
			const name = uniqueName('Contract group');
			const created = await backend().raw('POST', '/api/points/groups/new', {
				name,
				description: 'd',
			});
			expect(created.status).toBe(201);
			const group = expectShape(S.one('pointGroup', S.pointGroup), created.body).pointGroup;
			// (a real Mautic keeps the groups of earlier runs: search for this one)
			const list = expectShape(
				S.arrayList('pointGroups', S.pointGroup),
				(await backend().raw('GET', `/api/points/groups?search=${encodeURIComponent(name)}`)).body,
			);
			expect(list.pointGroups.map((entry) => entry.id)).toEqual([group.id]);
			expectShape(
				S.one('pointGroup', S.pointGroup),
				(await backend().raw('GET', `/api/points/groups/${group.id}`)).body,
			);
			const patched = expectShape(
				S.one('pointGroup', S.pointGroup),
				(await backend().raw('PATCH', `/api/points/groups/${group.id}/edit`, { description: 'e' }))
					.body,
			);
			expect(patched.pointGroup.description).toBe('e');
			const invalid = await backend().raw('POST', '/api/points/groups/new', {
				description: 'no name',
			});
			expect(invalid.status).toBe(400);
			expect(expectShape(S.validationError, invalid.body).errors[0].message).toBe(
				'name: A name is required.',
			);
			const deleted = expectShape(
				S.one('pointGroup', S.pointGroup),
				(await backend().raw('DELETE', `/api/points/groups/${group.id}/delete`)).body,
			);
			expect(deleted.pointGroup.id).toBeNull();
			expect((await backend().raw('GET', `/api/points/groups/${group.id}`)).status).toBe(404);
		},
	);

	check(
		'group scores: [] before the first change, plus and set answer the new score, list all; errors named',
		async () => {
			const group = (
				await backend().api('POST', '/points/groups/new', { name: uniqueName('Scores') })
			).pointGroup;
			const id = await createContact(backend(), { email: email(backend(), 'score') });
			const none = await backend().raw('GET', `/api/contacts/${id}/points/groups/${group.id}`);
			expect(none.text).toBe('[]');
			expectShape(S.groupScoreAnswer, none.body);
			const plus = expectShape(
				S.groupScoreAnswer,
				(await backend().raw('POST', `/api/contacts/${id}/points/groups/${group.id}/plus/10`)).body,
			);
			expect(plus).toEqual({
				groupScore: { score: 10, group: { id: group.id, name: group.name } },
			});
			const set = expectShape(
				S.groupScoreAnswer,
				(await backend().raw('POST', `/api/contacts/${id}/points/groups/${group.id}/set/21`)).body,
			);
			expect(set).toMatchObject({ groupScore: { score: 21 } });
			const all = expectShape(
				S.arrayList('groupScores', S.groupScore),
				(await backend().raw('GET', `/api/contacts/${id}/points/groups`)).body,
			);
			expect(all.groupScores).toEqual([{ score: 21, group: { id: group.id, name: group.name } }]);

			const badOperator = await backend().raw(
				'POST',
				`/api/contacts/${id}/points/groups/${group.id}/pow/2`,
			);
			expect(badOperator.status).toBe(400);
			expect(expectShape(S.controllerError, badOperator.body).errors[0].message).toBe(
				'The requested operation is not permitted.',
			);
			const missingGroup = await backend().raw(
				'POST',
				`/api/contacts/${id}/points/groups/999999999/plus/2`,
			);
			expect(missingGroup.status).toBe(404);
			expect(expectShape(S.controllerError, missingGroup.body).errors[0].message).toBe(
				'The specified point group was not found.',
			);
			const missingContact = await backend().raw(
				'POST',
				`/api/contacts/999999999/points/groups/${group.id}/plus/2`,
			);
			expect(missingContact.status).toBe(404);
			expect(expectShape(S.controllerError, missingContact.body).errors[0].message).toBe(
				'Contact could not be found.',
			);
		},
	);
});

onEachBackend(
	'contract',
	'Point insights (Mautic 7)',
	({ backend, check }) => {
		check(
			'create, list (an array), patch and delete a point insight',
			async () => {
				const group = (
					await backend().api('POST', '/points/groups/new', { name: uniqueName('Insight group') })
				).pointGroup;
				const name = uniqueName('Insight');
				const created = await backend().raw('POST', '/api/points/insights/new', {
					name,
					insightType: 'compare_point_groups',
					insightAction: 'set_custom_field',
					customField: 'main_interest',
					pointGroups: [group.id],
				});
				expect(created.status).toBe(201);
				const insight = expectShape(S.one('insight', S.pointInsight), created.body).insight;
				const list = (await backend().api(
					'GET',
					`/points/insights?search=${encodeURIComponent(name)}`,
				)) as any;
				expect(Array.isArray(list.insights)).toBe(true);
				expect(list.insights.map((entry: any) => entry.id)).toContain(insight.id);
				expectShape(
					S.one('insight', S.pointInsight),
					(
						await backend().raw('PATCH', `/api/points/insights/${insight.id}/edit`, {
							description: 'x',
						})
					).body,
				);
				expect(
					(await backend().raw('DELETE', `/api/points/insights/${insight.id}/delete`)).status,
				).toBe(200);
				expect((await backend().raw('GET', `/api/points/insights/${insight.id}`)).status).toBe(404);
			},
			{ needs: 'pointInsights' },
		);
	},
	{ fakeVersion: '7.0.0' },
);
