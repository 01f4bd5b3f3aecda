import { campaignBody, createCampaign, createSegment } from './campaignFixture';
import { expectShape } from './expectShape';
import { createContact, email, uniqueName } from './fixtures';
import * as S from './schemas';
import { onEachBackend } from './suite';

/* eslint-disable @typescript-eslint/no-explicit-any */

const EVENTS_REQUIRED =
	'At least one event is required. Use the Launch Campaign Builder button to add one.';
const SOURCES_REQUIRED =
	'At least one contact source is required. Use the Launch Campaign Builder button to add one.';

onEachBackend('contract', 'Campaigns', ({ backend, check }) => {
	check(
		'create with events from JSON, list, search, get, patch, delete; no events or no source is a 400',
		async () => {
			const segmentId = await createSegment(backend());
			const body = campaignBody(segmentId);
			const created = await backend().raw('POST', '/api/campaigns/new', body);
			expect(created.status).toBe(201);
			const campaign = expectShape(S.one('campaign', S.campaign), created.body).campaign;
			expect(campaign.events).toHaveLength(1);
			expect(campaign.events[0]).toMatchObject({
				type: 'lead.changetags',
				name: 'Tag the contact',
			});
			expect(campaign.lists.map((list) => list.id)).toEqual([segmentId]);
			// the temporary event id in the canvas is replaced by the saved one
			const canvas = campaign.canvasSettings as any;
			expect(canvas.nodes.map((node: any) => node.id)).toContain(String(campaign.events[0].id));

			const list = expectShape(
				S.keyedList('campaigns', S.campaign, 'int'),
				(await backend().raw('GET', `/api/campaigns?search=${encodeURIComponent(body.name)}`)).body,
			);
			expect(Object.keys(list.campaigns)).toEqual([String(campaign.id)]);
			const none = await backend().raw('GET', '/api/campaigns?search=no-campaign-has-this-zz');
			expect(none.text).toBe('{"total":0,"campaigns":[]}');

			expectShape(
				S.one('campaign', S.campaign),
				(await backend().raw('GET', `/api/campaigns/${campaign.id}`)).body,
			);
			const patched = expectShape(
				S.one('campaign', S.campaign),
				(
					await backend().raw('PATCH', `/api/campaigns/${campaign.id}/edit`, {
						description: 'patched',
					})
				).body,
			).campaign;
			expect(patched).toMatchObject({ description: 'patched', name: body.name });
			expect(patched.events).toHaveLength(1);

			// The JSON of a Get posted back: saved event IDs are not temporary ones, so Mautic saves
			// new events but leaves the canvas pointing at the original campaign's events.
			const again = await backend().raw('POST', '/api/campaigns/new', {
				...(patched as any),
				name: uniqueName('Contract campaign copy'),
			});
			expect(again.status).toBe(201);
			const copy = expectShape(S.one('campaign', S.campaign), again.body).campaign;
			expect(copy.events).toHaveLength(1);
			expect(copy.events[0].id).not.toBe(campaign.events[0].id);
			const copyCanvas = copy.canvasSettings as any;
			expect(copyCanvas.nodes.map((node: any) => node.id)).toContain(String(campaign.events[0].id));
			expect(copyCanvas.nodes.map((node: any) => node.id)).not.toContain(String(copy.events[0].id));
			await backend().raw('DELETE', `/api/campaigns/${copy.id}/delete`);

			for (const [without, message] of [
				[{ events: [] }, EVENTS_REQUIRED],
				[{ lists: [] }, SOURCES_REQUIRED],
			] as const) {
				const refused = await backend().raw('POST', '/api/campaigns/new', {
					...campaignBody(segmentId),
					...without,
				});
				expect(refused.status).toBe(400);
				expect(expectShape(S.controllerError, refused.body).errors[0].message).toBe(message);
			}

			const deleted = expectShape(
				S.one('campaign', S.campaign),
				(await backend().raw('DELETE', `/api/campaigns/${campaign.id}/delete`)).body,
			);
			expect(deleted.campaign.id).toBeNull();
			const gone = await backend().raw('GET', `/api/campaigns/${campaign.id}`);
			expect(gone.status).toBe(404);
			expect(expectShape(S.controllerError, gone.body).errors[0].message).toBe(
				'Item was not found.',
			);
		},
	);

	check(
		'membership: add and remove answer {"success":1} and repeat harmlessly; the members list pages in contact order',
		async () => {
			const campaignId = await createCampaign(backend());
			const first = await createContact(backend(), { email: email(backend(), 'camp-a') });
			const second = await createContact(backend(), { email: email(backend(), 'camp-b') });
			for (const contactId of [second, first, first]) {
				const added = await backend().raw(
					'POST',
					`/api/campaigns/${campaignId}/contact/${contactId}/add`,
				);
				expect(added.status).toBe(200);
				expectShape(S.success, added.body);
			}
			const all = expectShape(
				S.campaignContacts,
				(await backend().raw('GET', `/api/campaigns/${campaignId}/contacts`)).body,
			);
			expect(all.total).toBe('2');
			const firstRow = all.contacts.find((row) => row.lead_id === String(first));
			// a second add of a member of a campaign without restarts changes nothing
			expect(firstRow).toMatchObject({
				campaign_id: String(campaignId),
				manually_added: '1',
				manually_removed: '0',
				rotation: '1',
			});

			const page = expectShape(
				S.campaignContacts,
				(
					await backend().raw(
						'GET',
						`/api/campaigns/${campaignId}/contacts?order%5B0%5D%5Bcol%5D=lead_id&order%5B0%5D%5Bdir%5D=ASC&start=1&limit=1`,
					)
				).body,
			);
			expect(page.total).toBe('2');
			expect(page.contacts.map((row) => Number(row.lead_id))).toEqual([Math.max(first, second)]);

			for (let round = 0; round < 2; round++) {
				const removed = await backend().raw(
					'POST',
					`/api/campaigns/${campaignId}/contact/${first}/remove`,
				);
				expectShape(S.success, removed.body);
			}
			const left = expectShape(
				S.campaignContacts,
				(await backend().raw('GET', `/api/campaigns/${campaignId}/contacts`)).body,
			);
			expect(left.contacts.map((row) => Number(row.lead_id))).toEqual([second]);
		},
	);

	check('a restartable campaign starts a member over on a second add (new rotation)', async () => {
		const campaignId = await createCampaign(backend(), { allowRestart: true });
		const contactId = await createContact(backend(), { email: email(backend(), 'restart') });
		for (let round = 0; round < 2; round++) {
			await backend().api('POST', `/campaigns/${campaignId}/contact/${contactId}/add`);
		}
		const members = expectShape(
			S.campaignContacts,
			(await backend().raw('GET', `/api/campaigns/${campaignId}/contacts`)).body,
		);
		expect(members.contacts[0].rotation).toBe('2');
	});

	check('missing IDs: 404 with the messages Mautic gives for each route', async () => {
		const campaignId = await createCampaign(backend());
		const contactId = await createContact(backend(), { email: email(backend(), 'camp-404') });
		const cases: Array<[string, string, string]> = [
			['POST', `/api/campaigns/${campaignId}/contact/999999/add`, 'Item was not found.'],
			['POST', `/api/campaigns/999999/contact/${contactId}/add`, 'Item was not found.'],
			['POST', `/api/campaigns/${campaignId}/contact/999999/remove`, 'Contact not found.'],
			['POST', `/api/campaigns/999999/contact/${contactId}/remove`, 'Item was not found.'],
			['GET', '/api/campaigns/999999/contacts', 'Item was not found.'],
			['POST', '/api/campaigns/clone/999999', 'Item was not found.'],
			['DELETE', '/api/campaigns/999999/delete', 'Item was not found.'],
		];
		for (const [method, path, message] of cases) {
			const answer = await backend().raw(method, path);
			expect([path, answer.status]).toEqual([path, 404]);
			expect(expectShape(S.controllerError, answer.body).errors[0].message).toBe(message);
		}
	});

	check(
		'clone answers the copy: unpublished, same name, without events and sources (5.1)',
		async () => {
			const campaignId = await createCampaign(backend());
			const original = (await backend().api('GET', `/campaigns/${campaignId}`)).campaign;
			const cloned = await backend().raw('POST', `/api/campaigns/clone/${campaignId}`);
			expect(cloned.status).toBe(200);
			const copy = expectShape(S.one('campaign', S.campaign), cloned.body).campaign;
			expect(copy.id).not.toBe(campaignId);
			expect(copy).toMatchObject({
				name: original.name,
				isPublished: false,
				events: [],
				lists: [],
			});
			expect((await backend().api('GET', `/campaigns/${copy.id}`)).campaign.events).toEqual([]);
			await backend().api('DELETE', `/campaigns/${copy.id}/delete`);
		},
	);
});
