import { fieldsCollection } from '../shared/descriptions/entityFields';
import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { segmentFilters } from './segmentFilters';
import { failItem as fail } from '../shared/engine/itemErrors';

const aliasField: INodeProperties = {
	displayName: 'Alias',
	name: 'alias',
	type: 'string',
	default: '',
	placeholder: 'e.g. newsletter-subscribers',
	description:
		'Short unique name used in searches such as segment:alias. Mautic derives it from the name when empty, and makes it unique.',
};

const descriptionField: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	typeOptions: { rows: 2 },
	default: '',
};

const globalField: INodeProperties = {
	displayName: 'Global',
	name: 'isGlobal',
	type: 'boolean',
	default: true,
	description:
		'Whether every Mautic user may use the segment. When off, only its creator can add or remove contacts through the API.',
};

const publishedField: INodeProperties = {
	displayName: 'Published',
	name: 'isPublished',
	type: 'boolean',
	default: true,
	description:
		'Whether the segment is active. Mautic lets nobody add or remove contacts of an unpublished segment through the API.',
};

export const nameProperty: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Newsletter subscribers',
};

/** Create and Create or Replace: everything but the name is optional. */
export const additionalFieldsProperty: INodeProperties = fieldsCollection(
	'Additional Fields',
	'additionalFields',
	[aliasField, descriptionField, globalField, publishedField],
);

/** Update: only what is given changes. */
export const updateFieldsProperty: INodeProperties = fieldsCollection(
	'Update Fields',
	'updateFields',
	[aliasField, descriptionField, globalField, { ...nameProperty, required: false }, publishedField],
);

/** Mautic's yes/no form fields take 1 and 0 (its API docs: "a value of 0 or 1"). */
const yesNo = (value: unknown) => (value ? 1 : 0);

function fieldsBody(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.name !== undefined) {
		const name = String(fields.name).trim();
		if (!name) fail(ctx, itemIndex, 'The field "Name" is empty');
		body.name = name;
	}
	if (fields.alias !== undefined && String(fields.alias).trim() !== '')
		body.alias = String(fields.alias).trim();
	if (fields.description !== undefined) body.description = String(fields.description);
	if (fields.isPublished !== undefined) body.isPublished = yesNo(fields.isPublished);
	if (fields.isGlobal !== undefined) body.isGlobal = yesNo(fields.isGlobal);
	return body;
}

/**
 * The segment to send. Create and Create or Replace need a name and always send the filters
 * (PUT clears whatever is left out); Update sends only what was given.
 */
export async function segmentPayload(
	ctx: IExecuteFunctions,
	itemIndex: number,
	kind: 'create' | 'update' | 'replace',
): Promise<IDataObject> {
	let body: IDataObject;
	if (kind === 'update') {
		body = fieldsBody(
			ctx,
			itemIndex,
			ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
		);
	} else {
		const name = ctx.getNodeParameter('name', itemIndex, '') as string;
		const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		body = fieldsBody(ctx, itemIndex, { ...additional, name: name ?? '' });
	}
	const filters = await segmentFilters(ctx, itemIndex);
	if (filters !== undefined) body.filters = filters;
	if (kind === 'update' && Object.keys(body).length === 0) {
		fail(
			ctx,
			itemIndex,
			'The field "Update Fields" is empty: add at least one value, or change the filters',
		);
	}
	return body;
}

/** The segment in Mautic's answer (`{"list": {...}}`). */
export function segmentOf(body: unknown): IDataObject {
	return ((body as IDataObject | undefined)?.list ?? {}) as IDataObject;
}
