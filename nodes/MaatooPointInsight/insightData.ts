import { optionsCollection } from '../shared/descriptions/listParameters';
import { mauticIdOf } from '../shared/locators/locatorValue';
import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { updateFieldsOf } from '../shared/descriptions/entityFields';
import { contactFieldCatalog } from '../shared/contacts/contactFieldCatalog';
import { isInsightTarget } from './methods/textCustomFields';
import { pointGroupCatalog } from './pointGroupCatalog';
import type { MauticResponse } from '../shared/transport';
import { failItem as fail } from '../shared/engine/itemErrors';

export const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	placeholder: 'e.g. Main interest',
};

/** Values are stored in saved workflows: keep them. Mautic 7 knows one type and one action. */
export const insightTypeField: INodeProperties = {
	displayName: 'Insight Type',
	name: 'insightType',
	type: 'options',
	options: [
		{
			name: 'Compare Point Groups',
			value: 'compare_point_groups',
			description: "Find the point group in which the contact's score is highest",
		},
	],
	default: 'compare_point_groups',
};

export const insightActionField: INodeProperties = {
	displayName: 'Action',
	name: 'insightAction',
	type: 'options',
	options: [
		{
			name: 'Set Custom Field',
			value: 'set_custom_field',
			description: 'Write the winning group into a text field of the contact, as "ID (Name)"',
		},
	],
	default: 'set_custom_field',
};

export const customFieldField: INodeProperties = {
	displayName: 'Custom Field Name or ID',
	name: 'customField',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTextCustomFields' },
	default: '',
	description:
		'The text field that receives the winning point group. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const pointGroupsField: INodeProperties = {
	displayName: 'Point Group Names or IDs',
	name: 'pointGroups',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getPointGroups' },
	default: [],
	description:
		'The point groups to compare, at least two. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const checkOptionsProperty: INodeProperties = optionsCollection([
	{
		displayName: 'Skip Checks',
		name: 'skipChecks',
		type: 'boolean',
		default: false,
		description:
			'Whether to send the custom field and point groups without checking them first. Mautic does not check them: an insight with a wrong field or group silently does nothing.',
	},
]);

/** Mautic wraps one insight as `{"insight": {…}}`. */
export function insightOf(response: MauticResponse): IDataObject {
	return (response.body as IDataObject).insight as IDataObject;
}

/** Point group IDs from the multi-select, or from an expression: a list, one ID, or "1, 2, 3". */
export function pointGroupIds(ctx: IExecuteFunctions, itemIndex: number, raw: unknown): number[] {
	const values = Array.isArray(raw)
		? raw
		: typeof raw === 'string'
			? raw.split(',')
			: raw === undefined || raw === null
				? []
				: [raw];
	const ids: number[] = [];
	for (const value of values) {
		const text = String(value).trim();
		if (text === '') continue;
		const id = mauticIdOf(text);
		if (id === undefined)
			fail(ctx, itemIndex, `The field "Point Groups" needs point group IDs, got "${text}"`);
		if (!ids.includes(id!)) ids.push(id!);
	}
	return ids;
}

const SKIP_HINT = 'Turn on Options → "Skip Checks" to send it anyway.';

function listed(names: string[]): string {
	return names.length > 0 ? names.join(', ') : 'none';
}

async function checkCustomField(
	ctx: IExecuteFunctions,
	itemIndex: number,
	alias: unknown,
): Promise<void> {
	if (alias === null || alias === undefined || String(alias).trim() === '') {
		fail(
			ctx,
			itemIndex,
			'The field "Custom Field" is empty',
			'A Point Insight writes the winning point group into a text custom field: choose one.',
		);
	}
	const catalogue = await contactFieldCatalog(ctx);
	const field = catalogue.get(String(alias));
	const textFields = [...catalogue.values()]
		.filter(isInsightTarget)
		.map((candidate) => candidate.alias);
	const hint = `Text fields on this instance: ${listed(textFields)}. ${SKIP_HINT}`;
	if (!field) fail(ctx, itemIndex, `The custom field "${String(alias)}" does not exist`, hint);
	if (field.type !== 'text') {
		fail(
			ctx,
			itemIndex,
			`The custom field "${field.alias}" is a ${field.type} field, not a text field`,
			`A Point Insight writes text such as "47 (Umbrellas)". ${hint}`,
		);
	}
	if (!isInsightTarget(field))
		fail(
			ctx,
			itemIndex,
			`The custom field "${field.alias}" is unpublished`,
			`Mautic writes only into published fields. ${hint}`,
		);
}

async function checkPointGroups(
	ctx: IExecuteFunctions,
	itemIndex: number,
	ids: number[],
): Promise<void> {
	if (ids.length < 2) {
		fail(
			ctx,
			itemIndex,
			`Choose at least two point groups to compare (got ${ids.length})`,
			`An insight names the group in which a contact scores highest; with fewer than two there is nothing to compare. ${SKIP_HINT}`,
		);
	}
	const catalogue = await pointGroupCatalog(ctx, itemIndex);
	const missing = ids.filter((id) => !catalogue.has(id));
	if (missing.length === 0) return;
	const existing = [...catalogue.values()].map((group) => `${group.id} (${group.name})`);
	fail(
		ctx,
		itemIndex,
		missing.length === 1
			? `Point group ${missing[0]} does not exist`
			: `Point groups ${missing.join(', ')} do not exist`,
		`Point groups on this instance: ${listed(existing)}. ${SKIP_HINT}`,
	);
}

/**
 * Mautic accepts any custom field and point group IDs and the insight then silently does
 * nothing; so check the ones this body sets against the instance, unless the user opted out.
 */
export async function checkInsightBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
): Promise<void> {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.skipChecks) return;
	if ('customField' in body) await checkCustomField(ctx, itemIndex, body.customField);
	if ('pointGroups' in body) await checkPointGroups(ctx, itemIndex, body.pointGroups as number[]);
}

/** The full body of Create and Create or Replace. */
export function completeInsightBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const customField = String(ctx.getNodeParameter('customField', itemIndex, '') ?? '').trim();
	const body: IDataObject = {
		name: ctx.getNodeParameter('name', itemIndex) as string,
		insightType: ctx.getNodeParameter('insightType', itemIndex, 'compare_point_groups') as string,
		insightAction: ctx.getNodeParameter('insightAction', itemIndex, 'set_custom_field') as string,
		customField: customField === '' ? null : customField,
		pointGroups: pointGroupIds(ctx, itemIndex, ctx.getNodeParameter('pointGroups', itemIndex, [])),
	};
	if (additional.description !== undefined) body.description = additional.description;
	return body;
}

/** The body of Update: only the fields the user added. */
export function changedInsightBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const body = updateFieldsOf(ctx, itemIndex);
	if ('pointGroups' in body) body.pointGroups = pointGroupIds(ctx, itemIndex, body.pointGroups);
	if ('customField' in body) body.customField = String(body.customField ?? '').trim() || null;
	return body;
}
