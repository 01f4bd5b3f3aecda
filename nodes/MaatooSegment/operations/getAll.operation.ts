import { getManyOperation } from '../../shared/entities/entity';
import { segmentEntity } from '../segmentEntity';

export const getAllOperation = getManyOperation(segmentEntity, {
	description: 'List segments, sorted by name, optionally searched',
	searchMatches: 'name or alias',
	searchPlaceholder: 'e.g. newsletter',
	publishedOnly: true,
	pageSize: true,
});
