import type { IDataObject } from 'n8n-workflow';
import type { Operation } from '../../shared/engine';
import { descriptionField } from '../../shared/descriptions/entityFields';
import { pointGroupOf } from '../pointGroupData';

export const createOperation: Operation = {
	value: 'create',
	name: 'Create',
	action: 'Create a point group',
	description: 'Create a new point group',
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Umbrellas',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [descriptionField],
		},
	],
	request(ctx, itemIndex) {
		const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = { name: ctx.getNodeParameter('name', itemIndex) as string };
		if (additional.description !== undefined) body.description = additional.description;
		return { method: 'POST', path: '/points/groups/new', body, entity: { label: 'point group' } };
	},
	output: (response) => pointGroupOf(response),
};
