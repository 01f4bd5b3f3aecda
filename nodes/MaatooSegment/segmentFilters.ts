import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import {
	findFilterField,
	segmentFilterCatalog,
	type SegmentFilterCatalog,
} from './methods/segmentFilterFields';
import { failItem as fail } from '../shared/engine/itemErrors';

/**
 * Mautic's segment filter operators (LeadBundle/Segment/OperatorOptions). The UI offers the
 * documented ones plus the comparisons and list checks Mautic's own segment builder shows. Values
 * are Mautic's and are stored in saved workflows, except "equals": n8n reads any parameter value
 * that starts with "=" as an expression, so it is stored as `eq` (Mautic's own name for it).
 */
const UI_OPERATORS = [
	{ name: 'Contains', value: 'contains' },
	{ name: 'Does Not Match Regular Expression', value: '!regexp' },
	{ name: 'Ends With', value: 'endsWith' },
	{ name: 'Equals', value: 'eq' },
	{ name: 'Greater Than', value: 'gt' },
	{ name: 'Greater Than or Equal', value: 'gte' },
	{ name: 'In List (Comma-Separated)', value: 'in' },
	{ name: 'Is Empty', value: 'empty' },
	{ name: 'Is Not Empty', value: '!empty' },
	{ name: 'Less Than', value: 'lt' },
	{ name: 'Less Than or Equal', value: 'lte' },
	{ name: 'Like (Use % as Wildcard)', value: 'like' },
	{ name: 'Matches Regular Expression', value: 'regexp' },
	{ name: 'Not Equals', value: '!=' },
	{ name: 'Not In List (Comma-Separated)', value: '!in' },
	{ name: 'Not Like', value: '!like' },
	{ name: 'Starts With', value: 'startsWith' },
];

/** UI values Mautic spells differently. */
const MAUTIC_OPERATOR: Record<string, string> = { eq: '=' };

/** What the UI accepts: its own values, and Mautic's "=" when an expression gives it. */
const UI_VALUES = new Set([...UI_OPERATORS.map((operator) => operator.value), '=']);

/** Every operator Mautic knows, accepted in JSON mode (some are hidden in Mautic's own UI). */
const ALL_OPERATORS = new Set([
	'=',
	...UI_OPERATORS.map((operator) => operator.value).filter((value) => !(value in MAUTIC_OPERATOR)),
	'!gt',
	'!lt',
	'between',
	'!between',
	'date',
]);

const WITHOUT_VALUE = ['empty', '!empty'];
const LIST_VALUE = ['in', '!in'];
const GLUES = ['and', 'or'];

const DEFINE_BELOW = {
	name: 'Define Below',
	value: 'fields',
	description: 'Build the filters field by field',
};
const KEEP_CURRENT = {
	name: 'Keep Current Filters',
	value: 'keep',
	description: "Leave the segment's filters as they are",
};
const USING_JSON = {
	name: 'Using JSON',
	value: 'json',
	description: "Give Mautic's filter list as JSON",
};
const MODE_DESCRIPTION =
	'Which contacts Mautic puts in the segment on its own. Contacts added by hand stay members either way.';

/**
 * How the filters are given. Update adds "keep": its PATCH leaves the filters alone unless asked,
 * since Mautic replaces the whole filter list whenever `filters` is sent.
 */
export function filterProperties(options: { keepOption: boolean }): INodeProperties[] {
	const modeProperty: INodeProperties = options.keepOption
		? {
				displayName: 'Filters',
				name: 'filterMode',
				type: 'options',
				options: [DEFINE_BELOW, KEEP_CURRENT, USING_JSON],
				default: 'keep',
				description: MODE_DESCRIPTION,
			}
		: {
				displayName: 'Filters',
				name: 'filterMode',
				type: 'options',
				options: [DEFINE_BELOW, USING_JSON],
				default: 'fields',
				description: MODE_DESCRIPTION,
			};
	return [
		modeProperty,
		{
			displayName: 'Filter Conditions',
			name: 'filters',
			type: 'fixedCollection',
			placeholder: 'Add Filter',
			typeOptions: { multipleValues: true, sortable: true },
			default: {},
			displayOptions: { show: { filterMode: ['fields'] } },
			options: [
				{
					displayName: 'Filter',
					name: 'filter',
					values: [
						{
							displayName: 'Field Name or ID',
							name: 'field',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getSegmentFilterFields' },
							default: '',
							description:
								'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						},
						{
							displayName: 'Glue',
							name: 'glue',
							type: 'options',
							options: [
								{ name: 'And', value: 'and' },
								{ name: 'Or', value: 'or' },
							],
							default: 'and',
							description: 'How this filter joins the ones before it (ignored on the first filter)',
						},
						{
							displayName: 'Operator',
							name: 'operator',
							type: 'options',
							options: UI_OPERATORS,
							default: 'eq',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description: 'Dates as YYYY-MM-DD; yes/no fields as 1 or 0',
							displayOptions: { hide: { operator: WITHOUT_VALUE } },
						},
					],
				},
			],
		},
		{
			displayName: 'Filters (JSON)',
			name: 'filtersJson',
			type: 'json',
			default: '[]',
			displayOptions: { show: { filterMode: ['json'] } },
			description:
				'Mautic\'s filter list: [{"glue":"and","field":"city","operator":"=","properties":{"filter":"Berlin"}}]. "object" and "type" are filled in from the instance\'s fields when left out.',
		},
	];
}

interface UiFilter {
	field?: string;
	operator?: string;
	value?: string;
	glue?: string;
}

function checkGlue(
	ctx: IExecuteFunctions,
	itemIndex: number,
	position: number,
	glue: unknown,
): string {
	const value =
		glue === undefined || glue === null || glue === '' ? 'and' : String(glue).toLowerCase();
	if (!GLUES.includes(value)) {
		fail(
			ctx,
			itemIndex,
			`Filter ${position}: the field "Glue" must be "and" or "or", got "${String(glue)}"`,
		);
	}
	return value;
}

function checkOperator(
	ctx: IExecuteFunctions,
	itemIndex: number,
	position: number,
	operator: unknown,
	allowed: Set<string>,
): string {
	const value = typeof operator === 'string' ? operator.trim() : '';
	if (!value) fail(ctx, itemIndex, `Filter ${position}: the field "Operator" is empty`);
	if (!allowed.has(value)) {
		fail(
			ctx,
			itemIndex,
			`Filter ${position}: the field "Operator" has "${value}", which is not a Mautic segment operator`,
			`Mautic knows: ${[...allowed].join(', ')}`,
		);
	}
	return value;
}

function unknownField(
	ctx: IExecuteFunctions,
	itemIndex: number,
	position: number,
	field: string,
): never {
	return fail(
		ctx,
		itemIndex,
		`Filter ${position}: the field "Field" has "${field}", which is not a contact or company field of this Mautic instance`,
		'Pick the field from the list, or check its alias in Mautic under Settings → Custom Fields.',
	);
}

/** Yes/no fields filter on 1 and 0. */
function booleanFilterValue(value: string): string {
	const text = value.trim().toLowerCase();
	if (['true', 'yes', 'y', 'on'].includes(text)) return '1';
	if (['false', 'no', 'n', 'off'].includes(text)) return '0';
	return value;
}

function uiFilter(
	ctx: IExecuteFunctions,
	itemIndex: number,
	catalog: SegmentFilterCatalog,
	filter: UiFilter,
	position: number,
): IDataObject {
	const name = String(filter.field ?? '').trim();
	if (!name) fail(ctx, itemIndex, `Filter ${position}: the field "Field" is empty`);
	const chosen = checkOperator(ctx, itemIndex, position, filter.operator ?? 'eq', UI_VALUES);
	const operator = MAUTIC_OPERATOR[chosen] ?? chosen;
	const glue = checkGlue(ctx, itemIndex, position, filter.glue);
	const field = findFilterField(catalog, name) ?? unknownField(ctx, itemIndex, position, name);
	const raw = filter.value === undefined || filter.value === null ? '' : String(filter.value);
	let value: unknown = raw;
	if (WITHOUT_VALUE.includes(operator)) value = null;
	else if (LIST_VALUE.includes(operator))
		value = raw
			.split(',')
			.map((part) => part.trim())
			.filter(Boolean);
	else if (field.type === 'boolean') value = booleanFilterValue(raw);
	return {
		glue,
		field: field.alias,
		object: field.object,
		type: field.type,
		operator,
		properties: { filter: value },
	};
}

function parseJsonFilters(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const raw = ctx.getNodeParameter('filtersJson', itemIndex, '[]') as unknown;
	let parsed: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return [];
		try {
			parsed = JSON.parse(raw);
		} catch (error) {
			fail(
				ctx,
				itemIndex,
				`The field "Filters (JSON)" is not valid JSON: ${(error as Error).message}`,
			);
		}
	}
	if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
		// Mautic itself answers filters keyed by position sometimes; accept that shape too.
		parsed = Object.values(parsed as IDataObject);
	}
	if (
		!Array.isArray(parsed) ||
		parsed.some((entry) => !entry || typeof entry !== 'object' || Array.isArray(entry))
	) {
		fail(ctx, itemIndex, 'The field "Filters (JSON)" must be a list of filter objects');
	}
	return parsed as IDataObject[];
}

function jsonFilter(
	ctx: IExecuteFunctions,
	itemIndex: number,
	catalog: SegmentFilterCatalog,
	filter: IDataObject,
	position: number,
): IDataObject {
	const name = typeof filter.field === 'string' ? filter.field.trim() : '';
	if (!name) fail(ctx, itemIndex, `Filter ${position}: the field "Field" is empty`);
	const operator = checkOperator(ctx, itemIndex, position, filter.operator, ALL_OPERATORS);
	const glue = checkGlue(ctx, itemIndex, position, filter.glue);
	const known = findFilterField(catalog, name);
	// A filter Mautic offers besides fields (tags, owner, segment membership…) names its own type.
	if (!known && !filter.type) unknownField(ctx, itemIndex, position, name);
	const { filter: legacyValue, display: legacyDisplay, ...rest } = filter;
	const properties: IDataObject = {
		...(filter.properties &&
		typeof filter.properties === 'object' &&
		!Array.isArray(filter.properties)
			? (filter.properties as IDataObject)
			: {}),
	};
	if (legacyValue !== undefined && properties.filter === undefined) properties.filter = legacyValue;
	if (legacyDisplay !== undefined && properties.display === undefined)
		properties.display = legacyDisplay;
	return {
		...rest,
		glue,
		field: known ? known.alias : name,
		object: filter.object ?? known?.object ?? 'lead',
		type: filter.type ?? known?.type,
		operator,
		properties,
	};
}

/**
 * The `filters` to send, or undefined to leave them alone (Update with "Keep Current Filters").
 * Field names are checked against the instance's contact and company fields, and each filter's
 * `object` and `type` come from there.
 */
export async function segmentFilters(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject[] | undefined> {
	const mode = ctx.getNodeParameter('filterMode', itemIndex, 'fields') as string;
	if (mode === 'keep') return undefined;
	if (mode === 'json') {
		const filters = parseJsonFilters(ctx, itemIndex);
		if (filters.length === 0) return [];
		const catalog = await segmentFilterCatalog(ctx);
		return filters.map((filter, index) => jsonFilter(ctx, itemIndex, catalog, filter, index + 1));
	}
	const filters = (ctx.getNodeParameter('filters.filter', itemIndex, []) as UiFilter[]) ?? [];
	if (filters.length === 0) return [];
	const catalog = await segmentFilterCatalog(ctx);
	return filters.map((filter, index) => uiFilter(ctx, itemIndex, catalog, filter, index + 1));
}
