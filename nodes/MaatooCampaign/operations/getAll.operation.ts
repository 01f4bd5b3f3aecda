import { getManyOperation } from '../../shared/entities/entity';
import { campaignEntity } from '../campaignEntity';

export const getAllOperation = getManyOperation(campaignEntity, {
	description: 'List campaigns, optionally searched',
	searchMatches: 'name or description',
	searchPlaceholder: 'e.g. welcome',
	publishedOnly: true,
	pageSize: true,
});
