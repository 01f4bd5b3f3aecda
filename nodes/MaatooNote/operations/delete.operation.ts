import { deleteOperation as entityDelete } from '../../shared/entities/entity';
import { noteEntity } from '../noteEntity';

export const deleteOperation = entityDelete(noteEntity, 'Delete a note');
