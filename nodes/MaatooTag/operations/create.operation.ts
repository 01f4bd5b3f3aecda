import { createOperation as entityCreate } from '../../shared/entities/entity';
import { tagEntity } from '../../shared/tags/tagEntity';
import { tagNameOf } from '../tagName';

export const createOperation = entityCreate(tagEntity, {
	description:
		'Create a tag; when one of that name exists (names are case-insensitive), Mautic returns it instead',
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
