import type { Operation } from '../../shared/engine';
import { contactLocator } from '../../shared/locators/contactLocator';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import { stageLocatorSpec } from '../../shared/stages/stageEntity';
import { changeStageMembership } from '../../shared/stages/stageMembership';

/**
 * Through the stage API (`/stages/{id}/contact/{contactId}/add`), not the contact's `stage`
 * field: Mautic 5.1 then checks the stage exists (a PATCH with an unknown stage silently clears
 * the contact's stage) and writes the change to the contact's stage history (a PATCH does not).
 */
export const changeStageOperation: Operation = {
	value: 'changeStage',
	name: 'Change Stage',
	action: "Change a contact's stage",
	description:
		"Move one contact per item into a stage, recorded in the contact's stage history (the Stage node can also take contacts out)",
	properties: [
		contactLocator(),
		stageLocatorSpec.property({ description: 'The stage to move the contact into' }),
	],
	async run(ctx, itemIndex) {
		const contactId = await resolveContactId(ctx, itemIndex);
		const stageId = await stageLocatorSpec.idOf(ctx, itemIndex);
		await changeStageMembership(ctx, itemIndex, stageId, contactId, 'add');
		return { contactId, stageId, changed: true };
	},
};
