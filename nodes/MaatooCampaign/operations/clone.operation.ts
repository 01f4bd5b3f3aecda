import { recordInAnswer, type Operation } from '../../shared/engine';
import { campaignLocator, resolveCampaignId } from '../descriptions/campaignLocator';

export const cloneOperation: Operation = {
	value: 'clone',
	name: 'Clone',
	action: 'Clone a campaign',
	description:
		"Copy a campaign: Mautic's API saves the copy unpublished, under the same name and without its events and sources (clone in Mautic for a full copy)",
	properties: [campaignLocator({ description: 'The campaign to copy' })],
	async request(ctx, itemIndex) {
		const id = await resolveCampaignId(ctx, itemIndex);
		return {
			method: 'POST',
			path: `/campaigns/clone/${id}`,
			entity: { label: 'campaign', id },
			notRepeatedBecause: 'a repeat could make a second copy',
		};
	},
	output: (response, ctx, itemIndex) =>
		recordInAnswer(ctx, itemIndex, response, 'campaign', { label: 'campaign', changes: true }),
};
