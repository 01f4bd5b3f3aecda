import type { IDataObject } from 'n8n-workflow';
import { fieldsCollection } from '../../shared/descriptions/entityFields';
import { createOperation as entityCreate } from '../../shared/entities/entity';
import { stageEntity } from '../../shared/stages/stageEntity';
import { stageFieldsOf, stageOptionalFields } from '../stageFields';

export const createOperation = entityCreate(stageEntity, {
	description: 'Create a new stage',
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Qualified lead',
		},
		fieldsCollection('Additional Fields', 'additionalFields', stageOptionalFields),
	],
	body(ctx, itemIndex) {
		const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		return {
			name: ctx.getNodeParameter('name', itemIndex) as string,
			...stageFieldsOf(ctx, itemIndex, additional, 'Additional Fields'),
		};
	},
});
