import { returnAllAndLimit } from '../../shared/descriptions/listParameters';
import type { Operation } from '../../shared/engine';
import { activityListProperties, activityQuery } from '../parameters/activityFilters';

export const getAllActivityOperation: Operation = {
	value: 'getAllActivity',
	name: 'Get Activity of All Contacts',
	action: 'Get the activity of all contacts',
	description: 'One item per event across all contacts',
	properties: activityListProperties,
	list(ctx, itemIndex) {
		const { returnAll, limit } = returnAllAndLimit(ctx, itemIndex);
		return {
			path: '/contacts/activity',
			key: 'events',
			qs: activityQuery(ctx, itemIndex),
			returnAll,
			limit,
			pageSize: 100,
			paging: 'page',
		};
	},
};
