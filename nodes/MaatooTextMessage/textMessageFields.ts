import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { descriptionField } from '../shared/descriptions/entityFields';
import { failItem } from '../shared/engine/itemErrors';
import { mauticIdOf } from '../shared/locators/locatorValue';

export const messageField: INodeProperties = {
	displayName: 'Message',
	name: 'message',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	placeholder: 'e.g. Hi {contactfield=firstname}, your order has shipped.',
	description: 'The text sent; Mautic replaces tokens such as {contactfield=firstname} per contact',
};

/** The optional fields of Create and Update (Mautic's SmsType form). */
export const textMessageOptionalFields: INodeProperties[] = [
	{
		displayName: 'Category ID',
		name: 'category',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		description: 'ID of a category to file the text message under',
	},
	descriptionField,
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		default: 'en',
		placeholder: 'e.g. de',
		description: 'Locale of the text message, e.g. en, de, fr_CH',
	},
	{
		displayName: 'Published',
		name: 'isPublished',
		type: 'boolean',
		default: true,
		description: 'Whether the text message is published (Mautic sends only published ones)',
	},
];

/** The fields given, the category checked to be an ID. */
export function textMessageFieldsOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	label: string,
): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined) continue;
		if (key === 'category') {
			const id = mauticIdOf(String(value).trim());
			if (id === undefined) {
				failItem(
					ctx,
					itemIndex,
					`The field "${label} → Category ID" needs a positive whole number, got "${String(value)}"`,
				);
			}
			body.category = id;
			continue;
		}
		body[key] = value;
	}
	return body;
}
