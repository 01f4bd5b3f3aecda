import { entityLocator } from '../../shared/locators/entityLocator';

export const campaignLocatorSpec = entityLocator({
	displayName: 'Campaign',
	name: 'campaignId',
	noun: 'campaign',
	searchListMethod: 'searchCampaigns',
	exampleId: 4,
	uiPath: 's/campaigns',
	description: 'The campaign to work on',
});

/** Campaign IDs as a resource locator: pick from a search, type the ID, or paste a UI link. */
export const campaignLocator = campaignLocatorSpec.property;

/** The checked campaign ID of the Campaign parameter. */
export const resolveCampaignId = campaignLocatorSpec.idOf;
