import { getManyOperation } from '../../shared/entities/entity';
import { textMessageEntity } from '../textMessageEntity';

export const getAllOperation = getManyOperation(textMessageEntity, {
	description: 'List text messages, optionally searched',
	searchMatches: 'name',
	searchPlaceholder: 'e.g. shipping',
	publishedOnly: true,
});
