import type { Operation } from '../../shared/engine';
import { activityList, activityListProperties } from '../parameters/activityFilters';

export const getAllActivityOperation: Operation = {
	value: 'getAllActivity',
	name: 'Get Activity of All Contacts',
	action: 'Get the activity of all contacts',
	description: 'One item per event across all contacts',
	properties: activityListProperties,
	list(ctx, itemIndex) {
		return activityList(ctx, itemIndex, '/contacts/activity');
	},
};
