import { getManyOperation } from '../../shared/entities/entity';
import { tagEntity } from '../../shared/tags/tagEntity';

export const getAllOperation = getManyOperation(tagEntity, {
	description: 'List tags, optionally searched',
	searchMatches: 'name',
	searchPlaceholder: 'e.g. newsletter',
	pageSize: true,
});
