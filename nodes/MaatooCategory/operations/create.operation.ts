import type { IDataObject } from 'n8n-workflow';
import { fieldsCollection } from '../../shared/descriptions/entityFields';
import { createOperation as entityCreate } from '../../shared/entities/entity';
import { categoryBundles, categoryEntity } from '../categoryEntity';
import { categoryFieldsOf, categoryOptionalFields } from '../categoryFields';

export const createOperation = entityCreate(categoryEntity, {
	description: 'Create a category for one type of item (or for all: Global)',
	properties: [
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Product news',
		},
		{
			displayName: 'Type',
			name: 'bundle',
			type: 'options',
			options: categoryBundles,
			default: 'global',
			description:
				'What the category files; Mautic cannot change it later. Global categories are offered for every type.',
		},
		fieldsCollection('Additional Fields', 'additionalFields', categoryOptionalFields),
	],
	body(ctx, itemIndex) {
		const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		return {
			title: ctx.getNodeParameter('title', itemIndex) as string,
			bundle: ctx.getNodeParameter('bundle', itemIndex) as string,
			...categoryFieldsOf(ctx, itemIndex, additional, 'Additional Fields'),
		};
	},
});
