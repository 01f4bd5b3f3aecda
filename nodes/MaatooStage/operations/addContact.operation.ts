import type { Operation } from '../../shared/engine';
import { contactLocator } from '../../shared/locators/contactLocator';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import { stageLocatorSpec } from '../../shared/stages/stageEntity';
import { changeStageMembership } from '../../shared/stages/stageMembership';

export const addContactOperation: Operation = {
	value: 'addContact',
	name: 'Add Contact',
	action: 'Add a contact to a stage',
	description:
		'Put one contact per item into a stage (a contact is in one stage at a time: this replaces its current stage)',
	properties: [stageLocatorSpec.property(), contactLocator()],
	async run(ctx, itemIndex) {
		const stageId = await stageLocatorSpec.idOf(ctx, itemIndex);
		const contactId = await resolveContactId(ctx, itemIndex);
		await changeStageMembership(ctx, itemIndex, stageId, contactId, 'add');
		return { stageId, contactId, added: true };
	},
};
