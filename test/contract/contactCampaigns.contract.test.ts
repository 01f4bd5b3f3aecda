import { z } from 'zod';
import { createCampaign } from './campaignFixture';
import { expectShape } from './expectShape';
import { createContact, email } from './fixtures';
import * as S from './schemas';
import { onEachBackend } from './suite';

/** GET /contacts/{id}/campaigns of a member: keyed by campaign id, the membership row merged in. */
const contactCampaigns = z
	.object({
		total: z.literal(1),
		campaigns: z.record(
			z.string().regex(/^\d+$/),
			z
				.object({
					id: z.number().int(),
					name: z.string(),
					listMembership: z.array(z.number().int()),
					dateAdded: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/),
					manuallyRemoved: z.literal(false),
					manuallyAdded: z.boolean(),
				})
				.strict(),
		),
	})
	.strict();

onEachBackend('contract', 'A contact’s campaigns', ({ backend, check }) => {
	check('a contact added by hand lists the campaign; once removed, none', async () => {
		const campaignId = await createCampaign(backend());
		const contactId = await createContact(backend(), {
			email: email(backend(), 'campaign-member'),
		});
		const path = `/api/contacts/${contactId}/campaigns`;
		expectShape(S.emptySubList('campaigns'), (await backend().raw('GET', path)).body);

		await backend().api('POST', `/campaigns/${campaignId}/contact/${contactId}/add`);
		const listed = expectShape(contactCampaigns, (await backend().raw('GET', path)).body);
		expect(Object.keys(listed.campaigns)).toEqual([String(campaignId)]);
		expect(listed.campaigns[String(campaignId)]).toMatchObject({
			id: campaignId,
			manuallyAdded: true,
		});

		await backend().api('POST', `/campaigns/${campaignId}/contact/${contactId}/remove`);
		expectShape(S.emptySubList('campaigns'), (await backend().raw('GET', path)).body);

		await backend().api('DELETE', `/campaigns/${campaignId}/delete`);
		await backend().api('DELETE', `/contacts/${contactId}/delete`);
	});
});
