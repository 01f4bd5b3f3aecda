import type { ListRequest } from '../../shared/engine';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import {
	limitProperty,
	returnAllAndLimit,
	returnAllProperty,
} from '../../shared/descriptions/listParameters';

const EVENT_TYPES_HINT =
	'e.g. page.hit, email.read, form.submitted, lead.source.created, point.gained';

const activityFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'activityFilters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{ displayName: 'Date From', name: 'dateFrom', type: 'dateTime', default: '' },
		{ displayName: 'Date To', name: 'dateTo', type: 'dateTime', default: '' },
		{
			displayName: 'Exclude Event Types',
			name: 'excludeEvents',
			type: 'string',
			default: '',
			placeholder: EVENT_TYPES_HINT,
			description: 'Comma-separated event types to leave out',
		},
		{
			displayName: 'Include Event Types',
			name: 'includeEvents',
			type: 'string',
			default: '',
			placeholder: EVENT_TYPES_HINT,
			description: 'Comma-separated event types to keep (all when empty)',
		},
		{ displayName: 'Search', name: 'search', type: 'string', default: '' },
	],
};

const pad = (value: number) => String(value).padStart(2, '0');

/** Mautic reads activity dates as `Y-m-d H:i:s`. */
function mauticDateTime(value: unknown): string {
	const date = new Date(String(value));
	if (Number.isNaN(date.getTime())) return String(value);
	return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/** The `filters` query of Mautic's activity lists, from the Filters parameter. */
export function activityQuery(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = ctx.getNodeParameter('activityFilters', itemIndex, {}) as IDataObject;
	const list = (value: unknown) =>
		String(value ?? '')
			.split(',')
			.map((entry) => entry.trim())
			.filter(Boolean);
	const query: IDataObject = {};
	if (filters.search) query.search = filters.search;
	if (list(filters.includeEvents).length) query.includeEvents = list(filters.includeEvents);
	if (list(filters.excludeEvents).length) query.excludeEvents = list(filters.excludeEvents);
	if (filters.dateFrom) query.dateFrom = mauticDateTime(filters.dateFrom);
	if (filters.dateTo) query.dateTo = mauticDateTime(filters.dateTo);
	return Object.keys(query).length > 0 ? { filters: query } : {};
}

/** Return All, Limit and Filters: the parameters of both activity lists. */
export const activityListProperties = [returnAllProperty, limitProperty, activityFilters];

/** An activity list of `path` (all contacts, or one), paged by `page` as Mautic pages activity. */
export function activityList(ctx: IExecuteFunctions, itemIndex: number, path: string): ListRequest {
	const { returnAll, limit } = returnAllAndLimit(ctx, itemIndex);
	return {
		path,
		key: 'events',
		qs: activityQuery(ctx, itemIndex),
		returnAll,
		limit,
		pageSize: 100,
		paging: 'page',
	};
}
