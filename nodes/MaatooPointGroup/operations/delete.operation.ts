import { deleteOperation as entityDelete } from '../../shared/entities/entity';
import { pointGroupEntity } from '../pointGroupEntity';

export const deleteOperation = entityDelete(
	pointGroupEntity,
	'Delete a point group and the scores contacts have in it',
);
