import { fieldsCollection, updateFieldsOf } from '../../shared/descriptions/entityFields';
import { editOperation } from '../../shared/entities/entity';
import { categoryEntity } from '../categoryEntity';
import { categoryFieldsOf, categoryOptionalFields } from '../categoryFields';

export const updateOperation = editOperation(categoryEntity, {
	value: 'update',
	name: 'Update',
	action: 'Update a category',
	description: 'Change the title, alias, colour or description of a category (its type stays)',
	method: 'PATCH',
	properties: [
		fieldsCollection('Update Fields', 'updateFields', [
			...categoryOptionalFields,
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		]),
	],
	body: (ctx, itemIndex) =>
		categoryFieldsOf(ctx, itemIndex, updateFieldsOf(ctx, itemIndex), 'Update Fields'),
});
