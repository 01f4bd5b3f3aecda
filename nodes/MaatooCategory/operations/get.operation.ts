import { getOperation as entityGet } from '../../shared/entities/entity';
import { categoryEntity } from '../categoryEntity';

export const getOperation = entityGet(categoryEntity);
