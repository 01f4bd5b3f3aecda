import { getOperation as entityGet } from '../../shared/entities/entity';
import { tagEntity } from '../../shared/tags/tagEntity';

export const getOperation = entityGet(tagEntity);
