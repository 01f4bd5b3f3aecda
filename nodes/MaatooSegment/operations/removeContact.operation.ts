import { contactLocator } from '../../shared/locators/contactLocator';
import { resolveSegmentId, segmentLocator } from '../descriptions/segmentLocator';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import type { Operation } from '../../shared/engine';
import { changeMembership } from '../membership';

export const removeContactOperation: Operation = {
	value: 'removeContact',
	name: 'Remove Contact',
	action: 'Remove a contact from a segment',
	description: 'Remove one contact per item from a segment (succeeds when it was not a member)',
	properties: [segmentLocator(), contactLocator()],
	async run(ctx, itemIndex) {
		const segmentId = await resolveSegmentId(ctx, itemIndex);
		const contactId = await resolveContactId(ctx, itemIndex);
		await changeMembership(ctx, itemIndex, segmentId, contactId, 'remove');
		return { segmentId, contactId, removed: true };
	},
};
