import { fieldsCollection, updateFieldsOf } from '../../shared/descriptions/entityFields';
import { editOperation } from '../../shared/entities/entity';
import { textMessageEntity } from '../textMessageEntity';
import { messageField, textMessageFieldsOf, textMessageOptionalFields } from '../textMessageFields';

export const updateOperation = editOperation(textMessageEntity, {
	value: 'update',
	name: 'Update',
	action: 'Update a text message',
	description: 'Change the name, message or settings of a text message',
	method: 'PATCH',
	properties: [
		fieldsCollection('Update Fields', 'updateFields', [
			...textMessageOptionalFields,
			messageField,
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		]),
	],
	body: (ctx, itemIndex) =>
		textMessageFieldsOf(ctx, itemIndex, updateFieldsOf(ctx, itemIndex), 'Update Fields'),
});
