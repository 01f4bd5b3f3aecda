import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { descriptionField } from '../shared/descriptions/entityFields';
import { failItem } from '../shared/engine/itemErrors';

/** The optional fields of Create and Update (Mautic's CategoryType form). */
export const categoryOptionalFields: INodeProperties[] = [
	{
		displayName: 'Alias',
		name: 'alias',
		type: 'string',
		default: '',
		placeholder: 'e.g. product-news',
		description:
			'Short name used in URLs and segment filters; Mautic makes one from the title when empty, unique within the type',
	},
	{
		displayName: 'Color',
		name: 'color',
		type: 'color',
		default: '',
		description: 'Colour of the category label in Mautic',
	},
	descriptionField,
	{
		displayName: 'Published',
		name: 'isPublished',
		type: 'boolean',
		default: true,
		description: 'Whether the category is published (offered when filing items)',
	},
];

/** The fields given; a colour is stored as Mautic's own picker does, without the `#`. */
export function categoryFieldsOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	label: string,
): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined) continue;
		if (key === 'color' && value !== '') {
			const hex = String(value).trim().replace(/^#/, '');
			if (!/^[0-9a-fA-F]{6}$/.test(hex)) {
				failItem(
					ctx,
					itemIndex,
					`The field "${label} → Color" needs a colour like #1a73e8, got "${String(value)}"`,
				);
			}
			body.color = hex.toLowerCase();
			continue;
		}
		body[key] = value;
	}
	return body;
}
