import { getOperation as entityGet } from '../../shared/entities/entity';
import { pointGroupEntity } from '../pointGroupEntity';

export const getOperation = entityGet(pointGroupEntity);
