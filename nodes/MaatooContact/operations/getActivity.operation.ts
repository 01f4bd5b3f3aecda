import { contactLocator } from '../../shared/locators/contactLocator';
import { returnAllAndLimit } from '../../shared/descriptions/listParameters';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import type { Operation } from '../../shared/engine';
import { activityListProperties, activityQuery } from '../parameters/activityFilters';

/** Activity pages by `page`, not `start`: the engine's page-numbered reading. */
export const getActivityOperation: Operation = {
	value: 'getActivity',
	name: 'Get Activity',
	action: 'Get the activity of a contact',
	description: 'One item per event in the timeline of the contact',
	properties: [contactLocator(), ...activityListProperties],
	async list(ctx, itemIndex) {
		const id = await resolveContactId(ctx, itemIndex);
		const { returnAll, limit } = returnAllAndLimit(ctx, itemIndex);
		return {
			path: `/contacts/${id}/activity`,
			key: 'events',
			qs: activityQuery(ctx, itemIndex),
			returnAll,
			limit,
			pageSize: 100,
			paging: 'page',
		};
	},
};
