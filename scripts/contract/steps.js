// @ts-check
/** The request sequence scripts/contract/diff.js sends to both backends (what the nodes send). */
'use strict';

/** @type {Array<{ name: string, run: (call: any, ctx: any) => Promise<any> }>} */
const steps = [
	{
		name: 'contactNew',
		run: async (call, { tag, state }) => {
			const created = await call('POST', '/api/contacts/new', {
				email: `${tag}-a@example.com`,
				firstname: 'Ann',
				tags: ['x', 'y'],
				city: 'Bern',
			});
			state.contactId = created.body.contact.id;
			const again = await call('POST', '/api/contacts/new', {
				email: `${tag}-a@example.com`,
				lastname: 'Again',
				tags: ['-x'],
			});
			return { created, again };
		},
	},
	{
		name: 'contactGet',
		run: async (call, { state }) => ({
			one: await call('GET', `/api/contacts/${state.contactId}`),
			missing: await call('GET', '/api/contacts/999999'),
		}),
	},
	{
		name: 'contactList',
		run: async (call, { tag }) => ({
			found: await call(
				'GET',
				`/api/contacts?search=${encodeURIComponent(`email:${tag}-a@example.com`)}&limit=5`,
			),
			minimal: await call(
				'GET',
				`/api/contacts?search=${encodeURIComponent(`email:${tag}-a@example.com`)}&minimal=1`,
			),
			none: await call(
				'GET',
				`/api/contacts?search=${encodeURIComponent('email:nobody-xyz@example.com')}`,
			),
			where: await call(
				'GET',
				`/api/contacts?where[0][col]=email&where[0][expr]=eq&where[0][val]=${tag}-a@example.com`,
			),
		}),
	},
	{
		name: 'contactEdit',
		run: async (call, { state, tag }) => ({
			patch: await call('PATCH', `/api/contacts/${state.contactId}/edit`, {
				lastname: 'Patched',
				city: '',
			}),
			blank: await call('PATCH', `/api/contacts/${state.contactId}/edit`, {
				city: '',
				overwriteWithBlank: true,
			}),
			put: await call('PUT', `/api/contacts/${state.contactId}/edit`, {
				email: `${tag}-a@example.com`,
				firstname: 'Put',
			}),
			patchMissing: await call('PATCH', '/api/contacts/999999/edit', { lastname: 'x' }),
			badEmail: await call('POST', '/api/contacts/new', { email: 'not-an-email' }),
		}),
	},
	{
		name: 'contactBatch',
		run: async (call, { tag, state }) => {
			const created = await call('POST', '/api/contacts/batch/new', [
				{ email: `${tag}-b1@example.com`, firstname: 'B1' },
				{ email: 'broken' },
				{ email: `${tag}-b3@example.com`, tags: 'one,two' },
			]);
			const ids = Object.values(created.body.contacts || {}).map((c) => c.id);
			state.batchIds = ids;
			const edited = await call('PATCH', '/api/contacts/batch/edit', [
				{ id: ids[0], lastname: 'E' },
				{ id: 999999, lastname: 'x' },
				{ lastname: 'noid' },
			]);
			const replaced = await call('PUT', '/api/contacts/batch/edit', [
				{ id: ids[1], email: `${tag}-b3@example.com`, firstname: 'R' },
			]);
			const tooMany = await call(
				'POST',
				'/api/contacts/batch/new',
				Array.from({ length: 201 }, (_, i) => ({ email: `${tag}-many${i}@example.com` })),
			);
			const deleted = await call(
				'DELETE',
				`/api/contacts/batch/delete?ids=${ids.join(',')},999999`,
			);
			return { created, edited, replaced, tooMany, deleted };
		},
	},
	{
		name: 'contactDelete',
		run: async (call, { tag }) => {
			const created = await call('POST', '/api/contacts/new', { email: `${tag}-del@example.com` });
			const deleted = await call('DELETE', `/api/contacts/${created.body.contact.id}/delete`);
			const again = await call('DELETE', `/api/contacts/${created.body.contact.id}/delete`);
			return { deleted, again };
		},
	},
	{
		name: 'dnc',
		run: async (call, { state }) => ({
			add: await call('POST', `/api/contacts/${state.contactId}/dnc/email/add`, {
				reason: 1,
				comments: 'by phone',
			}),
			get: await call('GET', `/api/contacts/${state.contactId}`),
			remove: await call('POST', `/api/contacts/${state.contactId}/dnc/email/remove`),
			removeAgain: await call('POST', `/api/contacts/${state.contactId}/dnc/email/remove`),
			badReason: await call('POST', `/api/contacts/${state.contactId}/dnc/email/add`, {
				reason: 0,
			}),
		}),
	},
	{
		name: 'utm',
		run: async (call, { state }) => {
			const add = await call('POST', `/api/contacts/${state.contactId}/utm/add`, {
				utm_source: 'news',
				utm_campaign: 'autumn',
				url: 'https://shop.example.com/',
			});
			const got = await call('GET', `/api/contacts/${state.contactId}`);
			const utmId = got.body.contact.utmtags[0] && got.body.contact.utmtags[0].id;
			const remove = await call('POST', `/api/contacts/${state.contactId}/utm/${utmId}/remove`);
			const removeMissing = await call(
				'POST',
				`/api/contacts/${state.contactId}/utm/999999/remove`,
			);
			return { add, got, remove, removeMissing };
		},
	},
	{
		name: 'points',
		run: async (call, { state }) => ({
			plus: await call('POST', `/api/contacts/${state.contactId}/points/plus/5`, {
				eventName: 'Webinar',
				actionName: 'n8n',
			}),
			badOperator: await call('POST', `/api/contacts/${state.contactId}/points/set/5`),
			missing: await call('POST', '/api/contacts/999999/points/plus/5'),
			after: await call('GET', `/api/contacts/${state.contactId}`),
		}),
	},
	{
		name: 'pointGroups',
		run: async (call, { state, tag }) => {
			const created = await call('POST', '/api/points/groups/new', {
				name: `${tag} group`,
				description: 'd',
			});
			const id = created.body.pointGroup.id;
			state.groupId = id;
			return {
				created,
				invalid: await call('POST', '/api/points/groups/new', { description: 'no name' }),
				list: await call('GET', '/api/points/groups?limit=2'),
				one: await call('GET', `/api/points/groups/${id}`),
				patch: await call('PATCH', `/api/points/groups/${id}/edit`, { description: 'e' }),
				noScore: await call('GET', `/api/contacts/${state.contactId}/points/groups/${id}`),
				plus: await call('POST', `/api/contacts/${state.contactId}/points/groups/${id}/plus/10`),
				set: await call('POST', `/api/contacts/${state.contactId}/points/groups/${id}/set/21`),
				badOp: await call('POST', `/api/contacts/${state.contactId}/points/groups/${id}/pow/2`),
				missingGroup: await call(
					'POST',
					`/api/contacts/${state.contactId}/points/groups/999999/plus/2`,
				),
				missingContact: await call('POST', `/api/contacts/999999/points/groups/${id}/plus/2`),
				score: await call('GET', `/api/contacts/${state.contactId}/points/groups/${id}`),
				scores: await call('GET', `/api/contacts/${state.contactId}/points/groups`),
			};
		},
	},
	{
		name: 'pointGroupDelete',
		run: async (call, { tag }) => {
			const created = await call('POST', '/api/points/groups/new', { name: `${tag} gone` });
			const id = created.body.pointGroup.id;
			return {
				deleted: await call('DELETE', `/api/points/groups/${id}/delete`),
				after: await call('GET', `/api/points/groups/${id}`),
			};
		},
	},
	{
		name: 'segments',
		run: async (call, { state, tag }) => {
			const created = await call('POST', '/api/segments/new', {
				name: `${tag} seg`,
				isPublished: true,
				isGlobal: true,
				filters: [
					{
						glue: 'and',
						field: 'city',
						object: 'lead',
						type: 'text',
						operator: '=',
						properties: { filter: 'Bern' },
					},
				],
			});
			const id = created.body.list.id;
			state.segmentId = id;
			return {
				created,
				invalid: await call('POST', '/api/segments/new', { description: 'x' }),
				list: await call('GET', `/api/segments?search=${encodeURIComponent(tag)}`),
				none: await call(
					'GET',
					`/api/segments?search=${encodeURIComponent('nothing-matches-zzz')}`,
				),
				one: await call('GET', `/api/segments/${id}`),
				patch: await call('PATCH', `/api/segments/${id}/edit`, { description: 'patched' }),
				add: await call('POST', `/api/segments/${id}/contact/${state.contactId}/add`),
				addMissingContact: await call('POST', `/api/segments/${id}/contact/999999/add`),
				addMissingSegment: await call(
					'POST',
					`/api/segments/999999/contact/${state.contactId}/add`,
				),
				bulk: await call('POST', `/api/segments/${id}/contacts/add`, {
					ids: [state.contactId, 999999],
				}),
				bulkNoIds: await call('POST', `/api/segments/${id}/contacts/add`, {}),
				ofContact: await call('GET', `/api/contacts/${state.contactId}/segments`),
				members: await call(
					'GET',
					`/api/contacts?search=${encodeURIComponent(`segment:${created.body.list.alias}`)}`,
				),
				remove: await call('POST', `/api/segments/${id}/contact/${state.contactId}/remove`),
				removeAgain: await call('POST', `/api/segments/${id}/contact/${state.contactId}/remove`),
				ofContactNone: await call('GET', `/api/contacts/${state.contactId}/segments`),
				deleted: await call('DELETE', `/api/segments/${id}/delete`),
				after: await call('GET', `/api/segments/${id}`),
			};
		},
	},
	{
		name: 'lookups',
		run: async (call, { state }) => ({
			owners: await call('GET', '/api/contacts/list/owners'),
			listFields: await call('GET', '/api/contacts/list/fields'),
			fields: await call('GET', '/api/fields/contact?limit=3'),
			companyFields: await call('GET', '/api/fields/company?limit=2'),
			self: await call('GET', '/api/users/self'),
			notes: await call('GET', `/api/contacts/${state.contactId}/notes`),
			campaigns: await call('GET', `/api/contacts/${state.contactId}/campaigns`),
			companies: await call('GET', `/api/contacts/${state.contactId}/companies`),
			devices: await call('GET', `/api/contacts/${state.contactId}/devices`),
		}),
	},
	{
		name: 'activity',
		run: async (call, { state }) => ({
			one: await call('GET', `/api/contacts/${state.contactId}/activity?limit=2&page=1`),
			all: await call('GET', '/api/contacts/activity?limit=2&page=1'),
		}),
	},
	{
		name: 'fieldNew',
		run: async (call) => ({
			// one alias for every run: a real Mautic keeps its fields, and each new one is a new column
			created: await call('POST', '/api/fields/contact/new', {
				label: 'Contract number',
				alias: 'contract_number',
				type: 'number',
				group: 'core',
			}),
			invalid: await call('POST', '/api/fields/contact/new', { type: 'text' }),
		}),
	},
	{
		name: 'hooks',
		run: async (call, { tag }) => {
			const triggers = await call('GET', '/api/hooks/triggers');
			const created = await call('POST', '/api/hooks/new', {
				name: `${tag} hook`,
				webhookUrl: 'http://127.0.0.1:9/x',
				secret: 's3',
				triggers: ['mautic.lead_post_save_new'],
				eventsOrderbyDir: 'ASC',
				isPublished: true,
			});
			const id = created.body.hook.id;
			return {
				triggers,
				created,
				invalid: await call('POST', '/api/hooks/new', { name: 'x' }),
				list: await call('GET', `/api/hooks?search=${encodeURIComponent(tag)}`),
				one: await call('GET', `/api/hooks/${id}`),
				put: await call('PUT', `/api/hooks/${id}/edit`, {
					name: `${tag} hook`,
					webhookUrl: 'http://127.0.0.1:9/x',
					triggers: ['mautic.lead_points_change'],
					isPublished: true,
				}),
				deleted: await call('DELETE', `/api/hooks/${id}/delete`),
				after: await call('GET', `/api/hooks/${id}`),
			};
		},
	},
	{
		name: 'auth',
		run: async (call, { oauth }) => {
			const token = await call('POST', '/oauth/v2/token', undefined, {
				auth: null,
				form: {
					grant_type: 'client_credentials',
					client_id: oauth.clientId,
					client_secret: oauth.clientSecret,
				},
			});
			return {
				token,
				bearer: await call('GET', '/api/users/self', undefined, {
					auth: { bearer: token.body.access_token },
				}),
				badClient: await call('POST', '/oauth/v2/token', undefined, {
					auth: null,
					form: {
						grant_type: 'client_credentials',
						client_id: oauth.clientId,
						client_secret: 'wrong',
					},
				}),
				badGrant: await call('POST', '/oauth/v2/token', undefined, {
					auth: null,
					form: {
						grant_type: 'refresh_token',
						refresh_token: 'nope',
						client_id: oauth.clientId,
						client_secret: oauth.clientSecret,
					},
				}),
				badBearer: await call('GET', '/api/contacts?limit=1', undefined, {
					auth: { bearer: 'not-a-token' },
				}),
				badBasic: await call('GET', '/api/contacts?limit=1', undefined, {
					auth: { username: 'admin', password: 'wrong' },
				}),
				noAuth: await call('GET', '/api/contacts?limit=1', undefined, { auth: null }),
				noRoute: await call('GET', '/api/contacts/abc'),
			};
		},
	},
];

module.exports = { steps };
