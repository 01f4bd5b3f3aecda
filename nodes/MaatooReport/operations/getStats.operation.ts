import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import {
	limitProperty,
	optionsCollection,
	pageSizeOption,
	returnAllAndLimit,
	returnAllProperty,
	DEFAULT_PAGE_SIZE,
} from '../../shared/descriptions/listParameters';
import { readList, type Operation } from '../../shared/engine';
import { failItem } from '../../shared/engine/itemErrors';
import { runCatalogue } from '../../shared/runState';
import { readStatsCatalogue, statsTableOf } from '../statsApi';

/** The where-expressions of Mautic's CommonRepository; Mautic silently drops any other. */
const EXPRESSIONS = [
	{ name: 'Equals', value: 'eq' },
	{ name: 'Not Equals', value: 'neq' },
	{ name: 'Less Than', value: 'lt' },
	{ name: 'Less Than or Equal', value: 'lte' },
	{ name: 'Greater Than', value: 'gt' },
	{ name: 'Greater Than or Equal', value: 'gte' },
	{ name: 'Like (% Wildcards)', value: 'like' },
	{ name: 'Not Like', value: 'notLike' },
	{ name: 'In (Comma-Separated)', value: 'in' },
	{ name: 'Not In (Comma-Separated)', value: 'notIn' },
	{ name: 'Between (Two Comma-Separated Values)', value: 'between' },
	{ name: 'Not Between', value: 'notBetween' },
	{ name: 'Is Null', value: 'isNull' },
	{ name: 'Is Not Null', value: 'isNotNull' },
	{ name: 'Is Empty', value: 'isEmpty' },
	{ name: 'Is Not Empty', value: 'isNotEmpty' },
];
const ALLOWED_EXPRESSIONS = new Set(EXPRESSIONS.map((e) => e.value));
const NO_VALUE = new Set(['isNull', 'isNotNull', 'isEmpty', 'isNotEmpty']);
const COLUMN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/**
 * What StatsApiController's InputHelper::cleanArray (FILTER_SANITIZE_SPECIAL_CHARS) turns into
 * `&#NN;` in a where value: such a value matches nothing stored, except with in/notIn, which
 * CommonRepository decodes again.
 */
// eslint-disable-next-line no-control-regex
const ENCODED = /[&"'<>\x00-\x1f]/;

/** A column of the table: its form, then (when Mautic lists the table's columns) that it is one. */
async function columnOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	table: string,
	value: unknown,
	label: string,
): Promise<string> {
	const column = String(value ?? '').trim();
	if (!COLUMN.test(column)) {
		failItem(
			ctx,
			itemIndex,
			`The field "${label}" needs a column name such as date_sent, got "${column.slice(0, 80)}"`,
		);
	}
	const catalogue = await runCatalogue(
		ctx,
		'statsTables',
		async () => await readStatsCatalogue(ctx, itemIndex),
	);
	const known = catalogue.columns[table];
	if (known?.length && !known.includes(column)) {
		failItem(
			ctx,
			itemIndex,
			`The table "${table}" has no column "${column}" (field "${label}")`,
			`Its columns: ${known.join(', ')}.`,
		);
	}
	return column;
}

export const getStatsOperation: Operation = {
	value: 'getStats',
	name: 'Get Stats',
	action: 'Get rows of a statistics table',
	description:
		'Export rows of a statistics table (email sends, page hits, stage changes…), filtered and sorted',
	properties: [
		{
			displayName: 'Table Name or ID',
			name: 'table',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getStatsTables' },
			required: true,
			default: '',
			description:
				'The statistics table to read, e.g. email_stats. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		returnAllProperty,
		limitProperty,
		{
			displayName: 'Conditions',
			name: 'conditions',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Condition',
			default: {},
			description: 'Only rows that meet all of these',
			options: [
				{
					displayName: 'Condition',
					name: 'condition',
					values: [
						{
							displayName: 'Column',
							name: 'column',
							type: 'string',
							default: '',
							placeholder: 'e.g. date_sent',
						},
						{
							displayName: 'Expression',
							name: 'expression',
							type: 'options',
							options: EXPRESSIONS,
							default: 'eq',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							placeholder: 'e.g. 2025-01-01 00:00:00',
							description:
								'Compared as Mautic stores it; dates as YYYY-MM-DD HH:MM:SS (UTC). Mautic encodes & " \' &lt; &gt; in values, so those work only with In / Not In.',
						},
					],
				},
			],
		},
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Sort Column',
			default: {},
			options: [
				{
					displayName: 'Column',
					name: 'column',
					values: [
						{
							displayName: 'Column',
							name: 'column',
							type: 'string',
							default: 'id',
							placeholder: 'e.g. date_sent',
						},
						{
							displayName: 'Direction',
							name: 'direction',
							type: 'options',
							options: [
								{ name: 'Ascending', value: 'ASC' },
								{ name: 'Descending', value: 'DESC' },
							],
							default: 'ASC',
						},
					],
				},
			],
		},
		optionsCollection([pageSizeOption]),
	],
	async run(ctx, itemIndex) {
		const table = await statsTableOf(ctx, itemIndex);
		const { returnAll, limit } = returnAllAndLimit(ctx, itemIndex);
		const conditions = (ctx.getNodeParameter('conditions.condition', itemIndex, []) ??
			[]) as IDataObject[];
		const sort = (ctx.getNodeParameter('sort.column', itemIndex, []) ?? []) as IDataObject[];
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const where: IDataObject[] = [];
		for (const [index, condition] of conditions.entries()) {
			const label = `Conditions → ${index + 1} → Column`;
			const col = await columnOf(ctx, itemIndex, table, condition.column, label);
			const expr = String(condition.expression ?? 'eq');
			if (!ALLOWED_EXPRESSIONS.has(expr)) {
				failItem(
					ctx,
					itemIndex,
					`The field "Conditions → ${index + 1} → Expression" has an unknown value "${expr}"`,
				);
			}
			const raw = String(condition.value ?? '');
			const encoded = ENCODED.exec(raw);
			if (encoded && !NO_VALUE.has(expr) && expr !== 'in' && expr !== 'notIn') {
				const shown = encoded[0] < ' ' ? 'a control character' : encoded[0];
				failItem(
					ctx,
					itemIndex,
					`The field "Conditions → ${index + 1} → Value" contains ${shown}, which Mautic's stats API turns into an HTML entity, so it would match no row`,
					'Mautic encodes & " \' < > in conditions before comparing (only In and Not In decode them). Use Like with _ (any one character) in their place, or In with the exact value.',
				);
			}
			if (NO_VALUE.has(expr)) {
				where.push({ col, expr });
			} else if (expr === 'between' || expr === 'notBetween') {
				const pair = raw.split(',').map((part) => part.trim());
				if (pair.length !== 2 || pair.some((part) => part === '')) {
					failItem(
						ctx,
						itemIndex,
						`The field "Conditions → ${index + 1} → Value" needs two values separated by a comma, got "${raw}"`,
					);
				}
				where.push({ col, expr, val: pair });
			} else if ((expr === 'in' || expr === 'notIn') && !raw.includes('"')) {
				// Mautic splits with str_getcsv and keeps spaces: "a, b" would look for " b".
				where.push({
					col,
					expr,
					val: raw
						.split(',')
						.map((part) => part.trim())
						.join(','),
				});
			} else {
				where.push({ col, expr, val: raw });
			}
		}
		const order: IDataObject[] = [];
		for (const [index, entry] of sort.entries()) {
			const col = await columnOf(
				ctx,
				itemIndex,
				table,
				entry.column,
				`Sort → ${index + 1} → Column`,
			);
			order.push({ col, dir: entry.direction === 'DESC' ? 'DESC' : 'ASC' });
		}
		const qs: IDataObject = {};
		if (where.length) qs.where = where;
		if (order.length) qs.order = order;
		return await readList(
			ctx,
			{
				path: `/stats/${encodeURIComponent(table)}`,
				key: 'stats',
				qs,
				returnAll,
				limit,
				pageSize: Number(options.pageSize) || DEFAULT_PAGE_SIZE,
			},
			itemIndex,
		);
	},
};
