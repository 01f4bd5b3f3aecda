import { deleteOperation as entityDelete } from '../../shared/entities/entity';
import { stageEntity } from '../../shared/stages/stageEntity';

export const deleteOperation = entityDelete(
	stageEntity,
	'Delete a stage; its contacts are then in no stage',
);
