import {
	descriptionField,
	updateFieldsOf,
	fieldsCollection,
} from '../../shared/descriptions/entityFields';
import { editOperation } from '../../shared/entities/entity';
import { pointGroupEntity } from '../pointGroupEntity';

export const updateOperation = editOperation(pointGroupEntity, {
	value: 'update',
	name: 'Update',
	action: 'Update a point group',
	description: 'Change the name or description of a point group',
	method: 'PATCH',
	properties: [
		fieldsCollection('Update Fields', 'updateFields', [
			descriptionField,
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		]),
	],
	body: updateFieldsOf,
});
