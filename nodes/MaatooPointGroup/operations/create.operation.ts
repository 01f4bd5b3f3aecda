import type { IDataObject } from 'n8n-workflow';
import { descriptionField, fieldsCollection } from '../../shared/descriptions/entityFields';
import { createOperation as entityCreate } from '../../shared/entities/entity';
import { pointGroupEntity } from '../pointGroupEntity';

export const createOperation = entityCreate(pointGroupEntity, {
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
		fieldsCollection('Additional Fields', 'additionalFields', [descriptionField]),
	],
	body(ctx, itemIndex) {
		const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = { name: ctx.getNodeParameter('name', itemIndex) as string };
		if (additional.description !== undefined) body.description = additional.description;
		return body;
	},
});
