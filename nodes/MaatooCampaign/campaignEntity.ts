import type { Entity } from '../shared/entities/entity';
import { campaignLocatorSpec } from './descriptions/campaignLocator';

/** Campaigns: `/api/campaigns`, `{"campaign": …}` / `{"campaigns": {id: …}}`. */
export const campaignEntity: Entity = {
	path: '/campaigns',
	key: 'campaign',
	listKey: 'campaigns',
	label: 'campaign',
	pluralLabel: 'campaigns',
	locator: campaignLocatorSpec,
	uiPath: 's/campaigns',
};
