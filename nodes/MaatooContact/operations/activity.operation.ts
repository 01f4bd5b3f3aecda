import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { contactLocator } from '../../shared/descriptions/contactLocator';
import { limitProperty, returnAllAndLimit, returnAllProperty } from '../../shared/descriptions/listParameters';
import { resolveContactId } from '../../shared/contacts/resolveContactId';
import type { Operation } from '../../shared/engine';

const EVENT_TYPES_HINT = 'e.g. page.hit, email.read, form.submitted, lead.source.created, point.gained';

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

function activityQuery(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = ctx.getNodeParameter('activityFilters', itemIndex, {}) as IDataObject;
	const list = (value: unknown) => String(value ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
	const query: IDataObject = {};
	if (filters.search) query.search = filters.search;
	if (list(filters.includeEvents).length) query.includeEvents = list(filters.includeEvents);
	if (list(filters.excludeEvents).length) query.excludeEvents = list(filters.excludeEvents);
	if (filters.dateFrom) query.dateFrom = mauticDateTime(filters.dateFrom);
	if (filters.dateTo) query.dateTo = mauticDateTime(filters.dateTo);
	return Object.keys(query).length > 0 ? { filters: query } : {};
}

const listProperties = [returnAllProperty, limitProperty, activityFilters];

/** Activity pages by `page`, not `start`: the engine's page-numbered reading. */
export const getActivityOperation: Operation = {
	value: 'getActivity',
	name: 'Get Activity',
	action: 'Get the activity of a contact',
	description: 'One item per event in the timeline of the contact',
	properties: [contactLocator(), ...listProperties],
	async list(ctx, itemIndex) {
		const id = await resolveContactId(ctx, itemIndex);
		const { returnAll, limit } = returnAllAndLimit(ctx, itemIndex);
		return { path: `/contacts/${id}/activity`, key: 'events', qs: activityQuery(ctx, itemIndex), returnAll, limit, pageSize: 100, paging: 'page' };
	},
};

export const getAllActivityOperation: Operation = {
	value: 'getAllActivity',
	name: 'Get Activity of All Contacts',
	action: 'Get the activity of all contacts',
	description: 'One item per event across all contacts',
	properties: listProperties,
	list(ctx, itemIndex) {
		const { returnAll, limit } = returnAllAndLimit(ctx, itemIndex);
		return { path: '/contacts/activity', key: 'events', qs: activityQuery(ctx, itemIndex), returnAll, limit, pageSize: 100, paging: 'page' };
	},
};

