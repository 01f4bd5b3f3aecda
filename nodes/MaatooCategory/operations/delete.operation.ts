import { deleteOperation as entityDelete } from '../../shared/entities/entity';
import { categoryEntity } from '../categoryEntity';

export const deleteOperation = entityDelete(
	categoryEntity,
	'Delete a category; the items filed under it stay, without a category',
);
