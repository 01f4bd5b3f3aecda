import { getOperation as entityGet } from '../../shared/entities/entity';
import { campaignEntity } from '../campaignEntity';

export const getOperation = entityGet(
	campaignEntity,
	'Get one campaign by ID or link, with its events, segments and forms',
);
