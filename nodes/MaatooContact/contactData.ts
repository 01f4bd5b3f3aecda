import { fieldsCollection } from '../shared/descriptions/entityFields';
import {
	NodeOperationError,
	jsonParse,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	type ResourceMapperValue,
} from 'n8n-workflow';
import { contactFieldCatalog } from '../shared/contacts/contactFieldCatalog';
import {
	FieldValueError,
	kindOfMapperField,
	kindOfMauticField,
	toMauticValue,
	type FieldKind,
} from '../shared/contacts/contactFieldTypes';
import { itemParameter } from '../shared/parameters/itemParameters';
import { mauticIdOf } from '../shared/locators/locatorValue';
import { failItem as fail } from '../shared/engine/itemErrors';

/** Parameters shared by Create or Update, Update and Create or Replace. Names are a contract. */
export const contactDataProperties: INodeProperties[] = [
	{
		displayName: 'Define Fields',
		name: 'fieldsMode',
		type: 'options',
		options: [
			{
				name: 'With the Field Mapper',
				value: 'mapper',
				description: 'Pick fields of the instance, typed',
			},
			{ name: 'As JSON', value: 'json', description: 'An object of field alias → value' },
		],
		default: 'mapper',
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			loadOptionsDependsOn: ['authentication'],
			resourceMapper: {
				resourceMapperMethod: 'getContactFieldMapping',
				mode: 'add',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: false,
				multiKeyMatch: false,
				supportAutoMap: true,
			},
		},
		displayOptions: { show: { fieldsMode: ['mapper'] } },
	},
	{
		displayName: 'Fields (JSON)',
		name: 'fieldsJson',
		type: 'json',
		default: '{\n  "email": "",\n  "firstname": ""\n}',
		description:
			'Field aliases and values; unknown aliases are refused rather than silently dropped',
		displayOptions: { show: { fieldsMode: ['json'] } },
	},
	{
		displayName: 'Tags to Add',
		name: 'tagsToAdd',
		type: 'string',
		default: '',
		placeholder: 'e.g. newsletter, vip',
		description: 'Comma-separated tags to add; tags that do not exist yet are created',
	},
	{
		displayName: 'Tags to Remove',
		name: 'tagsToRemove',
		type: 'string',
		default: '',
		placeholder: 'e.g. prospect',
		description: 'Comma-separated tags to take off the contact',
	},
	{
		displayName: 'Existing Tags to Add',
		name: 'existingTagsToAdd',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTags' },
		default: [],
		description:
			'Tags of this Mautic instance to add, picked from a list; added to those in "Tags to Add". Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Existing Tags to Remove',
		name: 'existingTagsToRemove',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTags' },
		default: [],
		description:
			'Tags of this Mautic instance to take off, picked from a list; taken off with those in "Tags to Remove". Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	fieldsCollection('Additional Fields', 'additionalFields', [
		{
			displayName: 'IP Address',
			name: 'ipAddress',
			type: 'string',
			default: '',
			description: 'An IP address to record for the contact',
		},
		{
			displayName: 'Last Active',
			name: 'lastActive',
			type: 'dateTime',
			default: '',
		},
		{
			displayName: 'Overwrite With Blank',
			name: 'overwriteWithBlank',
			type: 'boolean',
			default: false,
			description: 'Whether empty values clear fields; by default Mautic ignores them',
		},
		{
			displayName: 'Owner Name or ID',
			name: 'owner',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getOwners' },
			default: '',
			description:
				'Mautic user who owns the contact. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	]),
];

/** Each tag once (Mautic compares tag names without case). */
function uniqueTags(tags: string[]): string[] {
	const seen = new Set<string>();
	return tags.filter((tag) => {
		const key = tag.toLowerCase();
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

function tagList(raw: unknown): string[] {
	const values = Array.isArray(raw) ? raw : String(raw ?? '').split(',');
	return values.map((tag) => String(tag).trim()).filter(Boolean);
}

function convert(
	ctx: IExecuteFunctions,
	itemIndex: number,
	alias: string,
	kind: FieldKind,
	value: unknown,
): IDataObject[string] {
	try {
		return toMauticValue(kind, value) as IDataObject[string];
	} catch (error) {
		const reason =
			error instanceof FieldValueError
				? error.message
				: `could not be read: ${(error as Error).message}`;
		throw new NodeOperationError(ctx.getNode(), `The field "${alias}" ${reason}`, { itemIndex });
	}
}

type MapperField = ResourceMapperValue['schema'][number];

/** The mapper's schema by field id; the schema is shared by every item of a run, so this is too. */
const schemaIndexes = new WeakMap<object, Map<string, MapperField>>();
function schemaIndex(mapping: ResourceMapperValue): Map<string, MapperField> {
	const fields = mapping.schema ?? [];
	let index = schemaIndexes.get(fields);
	if (!index) {
		index = new Map(fields.map((field) => [field.id, field]));
		schemaIndexes.set(fields, index);
	}
	return index;
}

/** Field values from the mapper: typed by the schema n8n saved with the node. */
function mapperFields(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const mapping = itemParameter<ResourceMapperValue>(ctx, 'fields', itemIndex);
	const schema = schemaIndex(mapping);
	const source: IDataObject =
		mapping.mappingMode === 'autoMapInputData'
			? ctx.getInputData()[itemIndex].json
			: ((mapping.value ?? {}) as IDataObject);
	const fields: IDataObject = {};
	for (const [alias, value] of Object.entries(source)) {
		const field = schema.get(alias);
		// Automatic mapping takes the input properties that are fields and leaves the rest.
		if (!field || field.removed) {
			if (mapping.mappingMode === 'autoMapInputData') continue;
			fail(ctx, itemIndex, `The field "${alias}" does not exist in this Mautic instance`);
		}
		if (value === undefined) continue;
		fields[alias] = convert(ctx, itemIndex, alias, kindOfMapperField(field), value);
	}
	return fields;
}

/** Field values from JSON: checked against the instance's live field list. */
async function jsonFields(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const raw = ctx.getNodeParameter('fieldsJson', itemIndex, '{}');
	const parsed =
		typeof raw === 'string'
			? jsonParse<unknown>(raw, { errorMessage: 'The field "Fields (JSON)" is not valid JSON' })
			: raw;
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		fail(ctx, itemIndex, 'The field "Fields (JSON)" must be an object of field alias → value');
	}
	const catalogue = await contactFieldCatalog(ctx);
	const fields: IDataObject = {};
	for (const [alias, value] of Object.entries(parsed as IDataObject)) {
		const field = catalogue.get(alias);
		if (!field) {
			const known = [...catalogue.keys()]
				.filter((key) => key.includes(alias.toLowerCase().slice(0, 4)))
				.slice(0, 5);
			fail(
				ctx,
				itemIndex,
				`The field "${alias}" does not exist in this Mautic instance${known.length ? ` (did you mean ${known.map((key) => `"${key}"`).join(', ')}?)` : ''}`,
			);
		}
		fields[alias] = convert(ctx, itemIndex, alias, kindOfMauticField(field), value);
	}
	return fields;
}

/** The request body for one item: fields, tags (`-tag` removes), owner, IP, last active, blanks. */
export async function contactPayload(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject> {
	const mode = itemParameter<string>(ctx, 'fieldsMode', itemIndex, 'mapper');
	const payload = mode === 'json' ? await jsonFields(ctx, itemIndex) : mapperFields(ctx, itemIndex);

	const add = uniqueTags([
		...tagList(itemParameter(ctx, 'tagsToAdd', itemIndex, '')),
		...tagList(itemParameter(ctx, 'existingTagsToAdd', itemIndex, [])),
	]);
	const remove = uniqueTags([
		...tagList(itemParameter(ctx, 'tagsToRemove', itemIndex, '')),
		...tagList(itemParameter(ctx, 'existingTagsToRemove', itemIndex, [])),
	]);
	if (add.length + remove.length > 0) payload.tags = [...add, ...remove.map((tag) => `-${tag}`)];

	const extra = itemParameter<IDataObject>(ctx, 'additionalFields', itemIndex, {});
	if (extra.owner !== undefined && extra.owner !== '') {
		const owner = mauticIdOf(String(extra.owner).trim());
		if (owner === undefined)
			fail(ctx, itemIndex, `The field "Owner" needs a user ID, got "${String(extra.owner)}"`);
		payload.owner = owner;
	}
	if (extra.ipAddress) payload.ipAddress = String(extra.ipAddress).trim();
	if (extra.lastActive) {
		payload.lastActive = convert(
			ctx,
			itemIndex,
			'Last Active',
			{ kind: 'datetime' },
			extra.lastActive,
		);
	}
	if (extra.overwriteWithBlank) payload.overwriteWithBlank = true;
	return payload;
}
