import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

/** The free-text description most Mautic entities have. */
export const descriptionField: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	typeOptions: { rows: 2 },
	default: '',
};

/** The fields an Update adds in its `updateFields` collection; at least one must be given. */
export function updateFieldsOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes = Object.fromEntries(
		Object.entries(fields).filter(([, value]) => value !== undefined),
	);
	if (Object.keys(changes).length === 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The field "Update Fields" is empty: add at least one field to change',
			{
				itemIndex,
			},
		);
	}
	return changes;
}

/** A collection of optional fields: "Additional Fields" on create, "Update Fields" on update. */
export function fieldsCollection(
	displayName: string,
	name: string,
	options: INodeProperties[],
): INodeProperties {
	return { displayName, name, type: 'collection', placeholder: 'Add Field', default: {}, options };
}
