import { deleteOperation as entityDelete } from '../../shared/entities/entity';
import { campaignEntity } from '../campaignEntity';

export const deleteOperation = entityDelete(
	campaignEntity,
	'Delete a campaign with its events and history; its contacts stay',
);
