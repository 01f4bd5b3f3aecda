import type { Operation } from '../../shared/engine';
import { contactLocator } from '../../shared/locators/contactLocator';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import { stageLocatorSpec } from '../../shared/stages/stageEntity';
import { changeStageMembership } from '../../shared/stages/stageMembership';

/**
 * Through the stage API (`/stages/{id}/contact/{contactId}/add`), not the contact's `stage`
 * field: on Mautic 5.1 an update with `stage` logs "Stage changed" only when the stage differs
 * from the one on the contact's last stage history line (a removal leaves the removed stage
 * there), while the stage API always logs the change and names a missing stage or contact.
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
