import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import {
	DEFAULT_PAGE_SIZE,
	limitProperty,
	maxRetriesOption,
	pageSizeOption,
	returnAllAndLimit,
	returnAllProperty,
	simplifyProperty,
	optionsCollection,
} from '../../shared/descriptions/listParameters';
import { compactContactList } from '../../shared/contacts/compactContactList';
import { simplifyContact } from '../../shared/contacts/simplifyContact';
import type { Operation } from '../../shared/engine';

/** Mautic's `where` expressions; values are stored in saved workflows. */
const OPERATORS = [
	{ name: 'Equals', value: 'eq' },
	{ name: 'Not Equals', value: 'neq' },
	{ name: 'Greater Than', value: 'gt' },
	{ name: 'Greater Than or Equal', value: 'gte' },
	{ name: 'Less Than', value: 'lt' },
	{ name: 'Less Than or Equal', value: 'lte' },
	{ name: 'Like (Use % as Wildcard)', value: 'like' },
	{ name: 'Not Like', value: 'notLike' },
	{ name: 'In List (Comma-Separated)', value: 'in' },
	{ name: 'Not In List (Comma-Separated)', value: 'notIn' },
	{ name: 'Is Empty', value: 'isEmpty' },
	{ name: 'Is Not Empty', value: 'isNotEmpty' },
	{ name: 'Is Null', value: 'isNull' },
	{ name: 'Is Not Null', value: 'isNotNull' },
];
const OPERATORS_WITHOUT_VALUE = ['isEmpty', 'isNotEmpty', 'isNull', 'isNotNull'];

interface Condition {
	field?: string;
	operator?: string;
	value?: string;
}

function whereOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	conditions: Condition[],
): IDataObject[] {
	return conditions.map((condition, position) => {
		const field = (condition.field ?? '').trim();
		if (!field) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Condition ${position + 1}: the field "Field" is empty`,
				{
					itemIndex,
				},
			);
		}
		const expr = condition.operator ?? 'eq';
		if (OPERATORS_WITHOUT_VALUE.includes(expr)) return { col: field, expr };
		return { col: field, expr, val: condition.value ?? '' };
	});
}

export const getAllOperation: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many contacts',
	description: 'List contacts, optionally filtered, sorted and searched',
	properties: [
		returnAllProperty,
		limitProperty,
		simplifyProperty,
		{
			displayName: 'Conditions',
			name: 'conditions',
			type: 'fixedCollection',
			placeholder: 'Add Condition',
			typeOptions: { multipleValues: true },
			default: {},
			description: 'Only contacts matching all conditions',
			options: [
				{
					displayName: 'Condition',
					name: 'condition',
					values: [
						{
							displayName: 'Field Name or ID',
							name: 'field',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getContactColumns' },
							default: '',
							description:
								'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						},
						{
							displayName: 'Operator',
							name: 'operator',
							type: 'options',
							options: OPERATORS,
							default: 'eq',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							displayOptions: { hide: { operator: OPERATORS_WITHOUT_VALUE } },
						},
					],
				},
			],
		},
		optionsCollection([
			{
				displayName: 'Minimal',
				name: 'minimal',
				type: 'boolean',
				default: false,
				description: 'Whether to skip tags, owner and other details: faster on large lists',
			},
			{
				displayName: 'Order By Name or ID',
				name: 'orderBy',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getContactColumns' },
				default: '',
				description:
					'Mautic sorts by last activity when empty. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Order Direction',
				name: 'orderByDir',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'ASC' },
					{ name: 'Descending', value: 'DESC' },
				],
				default: 'ASC',
			},
			maxRetriesOption,
			pageSizeOption,
			{
				displayName: 'Pagination',
				name: 'pagination',
				type: 'options',
				options: [
					{
						name: 'By Offset',
						value: 'offset',
						description: "Mautic's usual paging; keeps the chosen order",
					},
					{
						name: 'By ID (Consistent Export)',
						value: 'idCursor',
						description:
							'Pages by contact ID in ascending order: contacts added or deleted during a long export cause no duplicates or gaps, and deep pages stay fast. Ignores Order By.',
					},
				],
				default: 'offset',
			},
			{
				displayName: 'Published Only',
				name: 'publishedOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to return only published contacts',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. tag:vip or segment:newsletter',
				description:
					'Mautic search string: free text, or commands such as email:, tag:, segment:, owner:, is:anonymous',
			},
		]),
	],
	list(ctx, itemIndex) {
		const { returnAll, limit } = returnAllAndLimit(ctx, itemIndex);
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const conditions =
			(ctx.getNodeParameter('conditions.condition', itemIndex, []) as Condition[]) ?? [];
		const qs: IDataObject = {};
		if (options.search) qs.search = options.search;
		if (options.orderBy) {
			qs.orderBy = options.orderBy;
			qs.orderByDir = options.orderByDir ?? 'ASC';
		}
		if (options.publishedOnly) qs.published = 1;
		if (options.minimal) qs.minimal = 1;
		if (conditions.length > 0) qs.where = whereOf(ctx, itemIndex, conditions);
		const simplify = ctx.getNodeParameter('simplify', itemIndex, true) as boolean;
		return {
			path: '/contacts',
			key: 'contacts',
			qs,
			returnAll,
			limit,
			pageSize: Number(options.pageSize) || DEFAULT_PAGE_SIZE,
			paging: options.pagination === 'idCursor' ? 'idCursor' : 'offset',
			map: simplify ? simplifyContact : undefined,
			compact: simplify ? compactContactList : undefined,
		};
	},
};
