import { deleteOperation as entityDelete } from '../../shared/entities/entity';
import { textMessageEntity } from '../textMessageEntity';

export const deleteOperation = entityDelete(textMessageEntity, 'Delete a text message');
