import {
	jsonParse,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';
import { descriptionField, fieldsCollection } from '../shared/descriptions/entityFields';
import { failItem } from '../shared/engine/itemErrors';

export const nameProperty: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Key accounts',
};

const optionalFields: INodeProperties[] = [
	{
		displayName: 'Alias',
		name: 'alias',
		type: 'string',
		default: '',
		description: 'Made from the name when empty; Mautic keeps aliases unique',
	},
	descriptionField,
	{
		displayName: 'Filters (JSON)',
		name: 'filters',
		type: 'json',
		default: '[]',
		description:
			'Segment filters on company fields as Mautic stores them, e.g. [{"glue":"and","field":"companycity","object":"company","type":"text","operator":"=","properties":{"filter":"Bern"}}]',
	},
	{ displayName: 'Name', name: 'name', type: 'string', default: '' },
	{
		displayName: 'Public Name',
		name: 'publicName',
		type: 'string',
		default: '',
		description: 'The name shown outside Mautic; the name when empty',
	},
	{
		displayName: 'Published',
		name: 'isPublished',
		type: 'boolean',
		default: true,
		description: 'Whether the company segment is published',
	},
];

export const additionalFieldsProperty = fieldsCollection(
	'Additional Fields',
	'additionalFields',
	optionalFields.filter((field) => field.name !== 'name'),
);
export const updateFieldsProperty = fieldsCollection(
	'Update Fields',
	'updateFields',
	optionalFields,
);

/** The body of a create, update or replace: the fields given, filters parsed and checked. */
export function companySegmentPayload(
	ctx: IExecuteFunctions,
	itemIndex: number,
	kind: 'create' | 'update' | 'replace',
): IDataObject {
	const collection = kind === 'update' ? 'updateFields' : 'additionalFields';
	const fields = ctx.getNodeParameter(collection, itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (kind !== 'update') body.name = ctx.getNodeParameter('name', itemIndex) as string;
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined) continue;
		if (key !== 'filters') {
			body[key] = value;
			continue;
		}
		const parsed =
			typeof value === 'string'
				? jsonParse<unknown>(value || '[]', {
						errorMessage: 'The field "Filters (JSON)" is not valid JSON',
					})
				: value;
		if (!Array.isArray(parsed))
			failItem(ctx, itemIndex, 'The field "Filters (JSON)" must be a list of filters');
		body.filters = parsed as IDataObject[];
	}
	if (kind === 'update' && Object.keys(body).length === 0)
		failItem(
			ctx,
			itemIndex,
			'The field "Update Fields" is empty: add at least one field to change',
		);
	if (body.name !== undefined && String(body.name).trim() === '')
		failItem(ctx, itemIndex, 'The field "Name" is empty');
	return body;
}
