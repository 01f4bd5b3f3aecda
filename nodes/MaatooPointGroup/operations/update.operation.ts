import { pointGroupLocator } from '../../shared/locators/pointGroupLocator';
import type { Operation } from '../../shared/engine';
import { descriptionField, updateFieldsOf } from '../../shared/descriptions/entityFields';
import { pointGroupIdOf, pointGroupOf } from '../pointGroupData';

export const updateOperation: Operation = {
	value: 'update',
	name: 'Update',
	action: 'Update a point group',
	description: 'Change the name or description of a point group',
	properties: [
		pointGroupLocator(),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [descriptionField, { displayName: 'Name', name: 'name', type: 'string', default: '' }],
		},
	],
	async request(ctx, itemIndex) {
		const id = await pointGroupIdOf(ctx, itemIndex);
		const body = updateFieldsOf(ctx, itemIndex);
		return { method: 'PATCH', path: `/points/groups/${id}/edit`, body, entity: { label: 'point group', id } };
	},
	output: (response) => pointGroupOf(response),
};
