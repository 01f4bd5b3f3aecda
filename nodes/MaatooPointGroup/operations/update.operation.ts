import { descriptionField, updateFieldsOf } from '../../shared/descriptions/entityFields';
import { editOperation } from '../../shared/entities/entity';
import { pointGroupEntity } from '../pointGroupEntity';

export const updateOperation = editOperation(pointGroupEntity, {
	value: 'update',
	name: 'Update',
	action: 'Update a point group',
	description: 'Change the name or description of a point group',
	method: 'PATCH',
	properties: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				descriptionField,
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			],
		},
	],
	body: updateFieldsOf,
});
