import { getOperation as entityGet } from '../../shared/entities/entity';
import { stageEntity } from '../../shared/stages/stageEntity';

export const getOperation = entityGet(stageEntity);
