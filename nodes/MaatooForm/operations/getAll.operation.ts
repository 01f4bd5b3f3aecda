import { getManyOperation } from '../../shared/entities/entity';
import { formEntity } from '../formEntity';

export const getAllOperation = getManyOperation(formEntity, {
	description: 'List forms with their fields, optionally searched',
	searchMatches: 'name, alias or description',
	searchPlaceholder: 'e.g. newsletter',
	publishedOnly: true,
});
