import type { IDataObject } from 'n8n-workflow';
import { fieldsCollection } from '../../shared/descriptions/entityFields';
import { createOperation as entityCreate } from '../../shared/entities/entity';
import { textMessageEntity } from '../textMessageEntity';
import { messageField, textMessageFieldsOf, textMessageOptionalFields } from '../textMessageFields';

export const createOperation = entityCreate(textMessageEntity, {
	description: 'Create a new text message',
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Shipping notice',
			description: 'Internal name of the text message',
		},
		{ ...messageField, required: true },
		fieldsCollection('Additional Fields', 'additionalFields', textMessageOptionalFields),
	],
	body(ctx, itemIndex) {
		const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		return {
			name: ctx.getNodeParameter('name', itemIndex) as string,
			message: ctx.getNodeParameter('message', itemIndex) as string,
			...textMessageFieldsOf(ctx, itemIndex, additional, 'Additional Fields'),
		};
	},
});
