import { createOperation as entityCreate } from '../../shared/entities/entity';
import { tagEntity } from '../../shared/tags/tagEntity';
import { tagNameOf } from '../tagName';

export const createOperation = entityCreate(tagEntity, {
	description:
		'Create a tag; when one of that name exists in any case, Mautic returns it, saved with the case given here',
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. newsletter',
		},
	],
	body: (ctx, itemIndex) => ({ tag: tagNameOf(ctx, itemIndex, 'Name') }),
});
