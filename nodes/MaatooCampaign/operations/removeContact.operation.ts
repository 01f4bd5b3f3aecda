import type { Operation } from '../../shared/engine';
import { contactLocator } from '../../shared/locators/contactLocator';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import { campaignLocator, resolveCampaignId } from '../descriptions/campaignLocator';
import { changeCampaignMembership, MEMBERSHIP_CONCURRENCY } from '../membership';

export const removeContactOperation: Operation = {
	value: 'removeContact',
	name: 'Remove Contact',
	action: 'Remove a contact from a campaign',
	description:
		"Remove each item's contact from a campaign (succeeds when it was not a member); Mautic then keeps it out until it is added by hand again",
	properties: [
		campaignLocator(),
		contactLocator({
			description: 'The contact of each item, usually an expression such as {{ $json.id }}',
		}),
	],
	concurrency: MEMBERSHIP_CONCURRENCY,
	async run(ctx, itemIndex) {
		const campaignId = await resolveCampaignId(ctx, itemIndex);
		const contactId = await resolveContactId(ctx, itemIndex);
		await changeCampaignMembership(ctx, itemIndex, campaignId, contactId, 'remove');
		return { campaignId, contactId, removed: true };
	},
};
