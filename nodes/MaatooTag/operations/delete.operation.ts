import { deleteOperation as entityDelete } from '../../shared/entities/entity';
import { tagEntity } from '../../shared/tags/tagEntity';

export const deleteOperation = entityDelete(
	tagEntity,
	'Delete a tag; it is taken off every contact that has it',
);
