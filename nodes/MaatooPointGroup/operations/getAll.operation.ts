import { getManyOperation } from '../../shared/entities/entity';
import { pointGroupEntity } from '../pointGroupEntity';

export const getAllOperation = getManyOperation(pointGroupEntity, {
	description: 'List point groups, optionally searched',
	searchMatches: 'name or description',
	searchPlaceholder: 'e.g. umbrella',
});
