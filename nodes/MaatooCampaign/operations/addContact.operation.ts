import type { Operation } from '../../shared/engine';
import { contactLocator } from '../../shared/locators/contactLocator';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import { campaignLocator, resolveCampaignId } from '../descriptions/campaignLocator';
import { changeCampaignMembership, MEMBERSHIP_CONCURRENCY } from '../membership';

export const addContactOperation: Operation = {
	value: 'addContact',
	name: 'Add Contact',
	action: 'Add a contact to a campaign',
	description: `Add each item's contact to a campaign (${MEMBERSHIP_CONCURRENCY} requests at a time)`,
	properties: [
		{
			displayName:
				'Adding a current member changes nothing, unless the campaign allows restarts (Allow Restart): then Mautic starts the contact through it again and its emails go out again. For such campaigns an add whose answer is lost is not repeated; the item fails with a note to check',
			name: 'restartNotice',
			type: 'notice',
			default: '',
		},
		campaignLocator(),
		contactLocator({
			description: 'The contact of each item, usually an expression such as {{ $json.id }}',
		}),
	],
	concurrency: MEMBERSHIP_CONCURRENCY,
	async run(ctx, itemIndex) {
		const campaignId = await resolveCampaignId(ctx, itemIndex);
		const contactId = await resolveContactId(ctx, itemIndex);
		await changeCampaignMembership(ctx, itemIndex, campaignId, contactId, 'add');
		return { campaignId, contactId, added: true };
	},
};
