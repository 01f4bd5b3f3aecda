import { getOperation as entityGet } from '../../shared/entities/entity';
import { formEntity } from '../formEntity';

export const getOperation = entityGet(formEntity, 'Get one form with its fields and actions');
