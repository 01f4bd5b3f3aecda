import { getManyOperation } from '../../shared/entities/entity';
import { stageEntity } from '../../shared/stages/stageEntity';

export const getAllOperation = getManyOperation(stageEntity, {
	description: 'List stages, optionally searched',
	searchMatches: 'name or description',
	searchPlaceholder: 'e.g. qualified',
	publishedOnly: true,
});
