import { entityListSearch } from '../../shared/entities/entity';
import { campaignEntity } from '../campaignEntity';

/** Resource-locator search: campaigns whose name or description matches, by name, 50 at a time. */
export const searchCampaigns = entityListSearch(campaignEntity, {
	orderBy: 'name',
	orderByDir: 'ASC',
	name: (campaign) =>
		`${String(campaign.name ?? `Campaign ${campaign.id}`)}${campaign.isPublished === false ? ' [unpublished]' : ''}`,
});
