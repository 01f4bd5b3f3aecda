import { getManyOperation } from '../../shared/entities/entity';
import { reportEntity } from '../reportEntity';

export const getAllOperation = getManyOperation(reportEntity, {
	description: 'List the reports this user can see, optionally searched',
	searchMatches: 'name',
	searchPlaceholder: 'e.g. emails',
});
