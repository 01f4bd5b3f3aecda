import { deleteOperation as entityDelete } from '../../shared/entities/entity';
import { emailEntity } from '../emailEntity';

export const deleteOperation = entityDelete(
	emailEntity,
	"Delete an email; its sends stay in the contacts' history",
);
