import { fieldsCollection, updateFieldsOf } from '../../shared/descriptions/entityFields';
import { editOperation } from '../../shared/entities/entity';
import { stageEntity } from '../../shared/stages/stageEntity';
import { stageFieldsOf, stageOptionalFields } from '../stageFields';

export const updateOperation = editOperation(stageEntity, {
	value: 'update',
	name: 'Update',
	action: 'Update a stage',
	description: 'Change the name, description, weight or publishing of a stage',
	method: 'PATCH',
	properties: [
		fieldsCollection('Update Fields', 'updateFields', [
			...stageOptionalFields,
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		]),
	],
	body: (ctx, itemIndex) =>
		stageFieldsOf(ctx, itemIndex, updateFieldsOf(ctx, itemIndex), 'Update Fields'),
});
