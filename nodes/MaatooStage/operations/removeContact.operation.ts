import type { Operation } from '../../shared/engine';
import { contactLocator } from '../../shared/locators/contactLocator';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import { stageLocatorSpec } from '../../shared/stages/stageEntity';
import { changeStageMembership, currentStageOf } from '../../shared/stages/stageMembership';

export const removeContactOperation: Operation = {
	value: 'removeContact',
	name: 'Remove Contact',
	action: 'Remove a contact from a stage',
	description:
		'Take one contact per item out of a stage; a contact in another stage (or none) is left as it is',
	properties: [stageLocatorSpec.property(), contactLocator()],
	async run(ctx, itemIndex) {
		const stageId = await stageLocatorSpec.idOf(ctx, itemIndex);
		const contactId = await resolveContactId(ctx, itemIndex);
		// Mautic's remove clears whatever stage the contact is in, even another one, and logs a
		// removal from this stage: only ask it when the contact is in this stage.
		const currentStageId = await currentStageOf(ctx, itemIndex, contactId);
		if (currentStageId !== stageId) {
			return { stageId, contactId, removed: false, currentStageId };
		}
		await changeStageMembership(ctx, itemIndex, stageId, contactId, 'remove');
		return { stageId, contactId, removed: true, currentStageId: null };
	},
};
