import {
	NodeOperationError,
	jsonParse,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	type ResourceMapperValue,
} from 'n8n-workflow';
import { fieldsCollection } from '../shared/descriptions/entityFields';
import { fieldCatalog } from '../shared/contacts/contactFieldCatalog';
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
export const companyDataProperties: INodeProperties[] = [
	{
		displayName: 'Define Fields',
		name: 'fieldsMode',
		type: 'options',
		options: [
			{
				name: 'With the Field Mapper',
				value: 'mapper',
				description: 'Pick company fields of the instance, typed',
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
				resourceMapperMethod: 'getCompanyFieldMapping',
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
		default: '{\n  "companyname": "",\n  "companycity": ""\n}',
		description:
			'Company field aliases and values; unknown aliases are refused rather than silently dropped',
		displayOptions: { show: { fieldsMode: ['json'] } },
	},
	fieldsCollection('Additional Fields', 'additionalFields', [
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
				'Mautic user who owns the company. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	]),
];

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

/**
 * Whether each entry built here names a company by a unique identifier field (companyname by
 * default) with a value: Mautic then refuses a second creation as a duplicate, so sending the
 * entry again after a lost answer creates nothing twice.
 */
const identifies = new WeakMap<IDataObject, boolean>();
export function carriesIdentifier(entry: IDataObject): boolean {
	return identifies.get(entry) === true;
}

const filled = (value: unknown) => value !== undefined && value !== null && value !== '';

/** Field values from the mapper: typed by the schema n8n saved with the node. */
function mapperFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { fields: IDataObject; unique: string[] } {
	const mapping = itemParameter<ResourceMapperValue>(ctx, 'fields', itemIndex);
	const schema = schemaIndex(mapping);
	const source: IDataObject =
		mapping.mappingMode === 'autoMapInputData'
			? ctx.getInputData()[itemIndex].json
			: ((mapping.value ?? {}) as IDataObject);
	const fields: IDataObject = {};
	for (const [alias, value] of Object.entries(source)) {
		const field = schema.get(alias);
		if (!field || field.removed) {
			if (mapping.mappingMode === 'autoMapInputData') continue;
			fail(ctx, itemIndex, `The field "${alias}" does not exist in this Mautic instance`);
		}
		if (value === undefined) continue;
		fields[alias] = convert(ctx, itemIndex, alias, kindOfMapperField(field), value);
	}
	const unique = [...schema.values()]
		.filter((field) => field.canBeUsedToMatch)
		.map((field) => field.id);
	return { fields, unique };
}

/** Field values from JSON: checked against the instance's live company field list. */
async function jsonFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<{ fields: IDataObject; unique: string[] }> {
	const raw = ctx.getNodeParameter('fieldsJson', itemIndex, '{}');
	const parsed =
		typeof raw === 'string'
			? jsonParse<unknown>(raw, { errorMessage: 'The field "Fields (JSON)" is not valid JSON' })
			: raw;
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		fail(ctx, itemIndex, 'The field "Fields (JSON)" must be an object of field alias → value');
	}
	const catalogue = await fieldCatalog(ctx, 'company');
	const fields: IDataObject = {};
	for (const [alias, value] of Object.entries(parsed as IDataObject)) {
		const field = catalogue.get(alias);
		if (!field) {
			const known = [...catalogue.keys()]
				.filter((key) =>
					key.includes(
						alias
							.toLowerCase()
							.replace(/^company/, '')
							.slice(0, 4),
					),
				)
				.slice(0, 5);
			fail(
				ctx,
				itemIndex,
				`The field "${alias}" does not exist in this Mautic instance${known.length ? ` (did you mean ${known.map((key) => `"${key}"`).join(', ')}?)` : ''}`,
				'Company field aliases start with "company" (companyname, companycity…); custom company fields keep the alias they were given.',
			);
		}
		fields[alias] = convert(ctx, itemIndex, alias, kindOfMauticField(field), value);
	}
	const unique = [...catalogue.values()]
		.filter((field) => field.isUniqueIdentifier)
		.map((field) => field.alias);
	return { fields, unique };
}

/**
 * The request body for one item: typed field values, owner and Overwrite With Blank. With
 * `needsName` (Create or Update) an item without a company name is refused before any request:
 * Mautic requires it to create a company, and it is what a company is matched by.
 */
export async function companyPayload(
	ctx: IExecuteFunctions,
	itemIndex: number,
	needsName = false,
): Promise<IDataObject> {
	const mode = itemParameter<string>(ctx, 'fieldsMode', itemIndex, 'mapper');
	const { fields: payload, unique } =
		mode === 'json' ? await jsonFields(ctx, itemIndex) : mapperFields(ctx, itemIndex);
	if (needsName && !filled(payload.companyname)) {
		fail(
			ctx,
			itemIndex,
			'The field "companyname" is empty',
			'Create or Update needs the company name: Mautic requires it to create a company and matches existing companies by it.',
		);
	}
	const extra = itemParameter<IDataObject>(ctx, 'additionalFields', itemIndex, {});
	if (extra.owner !== undefined && extra.owner !== '') {
		const owner = mauticIdOf(String(extra.owner).trim());
		if (owner === undefined)
			fail(ctx, itemIndex, `The field "Owner" needs a user ID, got "${String(extra.owner)}"`);
		payload.owner = owner;
	}
	if (extra.overwriteWithBlank) payload.overwriteWithBlank = true;
	identifies.set(
		payload,
		unique.some((alias) => filled(payload[alias])),
	);
	return payload;
}
