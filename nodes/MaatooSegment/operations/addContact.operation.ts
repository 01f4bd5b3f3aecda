import { contactLocator } from '../../shared/locators/contactLocator';
import { resolveSegmentId, segmentLocator } from '../descriptions/segmentLocator';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import type { Operation } from '../../shared/engine';
import { changeMembership } from '../membership';

export const addContactOperation: Operation = {
	value: 'addContact',
	name: 'Add Contact',
	action: 'Add a contact to a segment',
	description:
		'Add one contact per item to a segment by hand; for many items, Add Contacts is faster',
	properties: [segmentLocator(), contactLocator()],
	async run(ctx, itemIndex) {
		const segmentId = await resolveSegmentId(ctx, itemIndex);
		const contactId = await resolveContactId(ctx, itemIndex);
		await changeMembership(ctx, itemIndex, segmentId, contactId, 'add');
		return { segmentId, contactId, added: true };
	},
};
