import { deleteOperation as entityDelete } from '../../shared/entities/entity';
import { formEntity } from '../formEntity';

export const deleteOperation = entityDelete(
	formEntity,
	'Delete a form with its fields, actions and every submission it received',
);
