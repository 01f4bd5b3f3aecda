import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import {
	failureOf,
	mauticError,
	mauticErrorEntries,
	mauticRequest,
	type MauticRequest,
} from '../transport';
import { recordInAnswer } from '../engine/recordInAnswer';

/**
 * POST /stages/{id}/contact/{contactId}/add|remove (StageApiController). Mautic answers 404 for
 * a missing stage ("Item was not found.") and for a missing contact ("Contact not found.") alike:
 * the error names the one that is missing. Both write a line to the contact's stage history
 * ("Manually Added" / "Manually Removed"), which the contact's activity shows as "Stage changed".
 */
export async function changeStageMembership(
	ctx: IExecuteFunctions,
	itemIndex: number,
	stageId: number,
	contactId: number,
	action: 'add' | 'remove',
): Promise<void> {
	const request: MauticRequest = {
		method: 'POST',
		path: `/stages/${stageId}/contact/${contactId}/${action}`,
		// The contact ends in the same stage however often this is sent; a repeat after a lost
		// answer can only add one more line to the contact's stage history.
		idempotent: true,
		entity: { label: 'stage', id: stageId },
	};
	try {
		await mauticRequest(ctx, request, itemIndex);
	} catch (error) {
		throw membershipError(ctx, itemIndex, request, contactId, error as Error);
	}
}

/** A 404 about the contact names the contact; anything else stays as the transport said it. */
function membershipError(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: MauticRequest,
	contactId: number,
	error: Error,
): Error {
	const failure = failureOf(error);
	const aboutContact =
		failure?.status === 404 &&
		mauticErrorEntries(failure.body).some((entry) => /contact/i.test(String(entry.message ?? '')));
	if (!failure || !aboutContact) return error;
	return mauticError(
		ctx,
		failure,
		{ ...request, entity: { label: 'contact', id: contactId } },
		undefined,
		itemIndex,
	);
}

/** The ID of the stage a contact is in (null: none), read from the contact. */
export async function currentStageOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	contactId: number,
): Promise<number | null> {
	const response = await mauticRequest(
		ctx,
		{ method: 'GET', path: `/contacts/${contactId}`, entity: { label: 'contact', id: contactId } },
		itemIndex,
	);
	const contact = recordInAnswer(ctx, itemIndex, response, 'contact', {
		label: 'contact',
		id: contactId,
		changes: false,
	});
	const stage = contact.stage as IDataObject | null | undefined;
	const id = Number(stage?.id);
	return stage && Number.isSafeInteger(id) && id > 0 ? id : null;
}
