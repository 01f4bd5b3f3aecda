import { editOperation } from '../../shared/entities/entity';
import { tagEntity } from '../../shared/tags/tagEntity';
import { tagNameOf } from '../tagName';

export const updateOperation = editOperation(tagEntity, {
	value: 'update',
	name: 'Update',
	action: 'Rename a tag',
	description: 'Give a tag a new name; contacts keep it under the new name',
	method: 'PATCH',
	properties: [
		{
			displayName: 'New Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. newsletter-2025',
		},
	],
	body: (ctx, itemIndex) => ({ tag: tagNameOf(ctx, itemIndex, 'New Name') }),
});
