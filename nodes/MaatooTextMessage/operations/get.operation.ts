import { getOperation as entityGet } from '../../shared/entities/entity';
import { textMessageEntity } from '../textMessageEntity';

export const getOperation = entityGet(textMessageEntity);
