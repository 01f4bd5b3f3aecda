import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { descriptionField } from '../shared/descriptions/entityFields';
import { failItem } from '../shared/engine/itemErrors';

/** The optional stage fields of Create and Update (Mautic's StageType form). */
export const stageOptionalFields: INodeProperties[] = [
	descriptionField,
	{
		displayName: 'Published',
		name: 'isPublished',
		type: 'boolean',
		default: true,
		description:
			'Whether the stage is published (campaigns only move contacts into published stages)',
	},
	{
		displayName: 'Weight',
		name: 'weight',
		type: 'number',
		typeOptions: { numberPrecision: 0 },
		default: 0,
		description:
			'Order of the stage in the funnel; a campaign never moves a contact to a stage of lower weight',
	},
];

/** The fields given, with the weight checked to be a whole number. */
export function stageFieldsOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	label: string,
): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined) continue;
		if (key === 'weight' && !Number.isSafeInteger(Number(value))) {
			failItem(
				ctx,
				itemIndex,
				`The field "${label} → Weight" needs a whole number, got "${String(value)}"`,
			);
		}
		body[key] = key === 'weight' ? Number(value) : value;
	}
	return body;
}
