import { contactLocator } from '../../shared/locators/contactLocator';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import type { Operation } from '../../shared/engine';
import { activityList, activityListProperties } from '../parameters/activityFilters';

/** Activity pages by `page`, not `start`: the engine's page-numbered reading. */
export const getActivityOperation: Operation = {
	value: 'getActivity',
	name: 'Get Activity',
	action: 'Get the activity of a contact',
	description: 'One item per event in the timeline of the contact',
	properties: [contactLocator(), ...activityListProperties],
	async list(ctx, itemIndex) {
		const id = await resolveContactId(ctx, itemIndex);
		return activityList(ctx, itemIndex, `/contacts/${id}/activity`);
	},
};
