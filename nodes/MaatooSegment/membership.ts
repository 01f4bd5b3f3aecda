import type { IDataObject, IExecuteFunctions, NodeApiError } from 'n8n-workflow';
import {
	failureOf,
	mauticError,
	mauticErrorEntries,
	mauticRequest,
	type MauticRequest,
} from '../shared/transport';
import { segmentOf } from './segmentData';

/**
 * Why Mautic refused to change a segment's members. Mautic allows it only for segments in the
 * user's lists (LeadListRepository::getLists): published AND (global OR created by that user).
 * Reads the segment once to say which half failed; undefined when that read fails too.
 */
async function deniedReason(
	ctx: IExecuteFunctions,
	segmentId: number,
	itemIndex: number,
): Promise<string | undefined> {
	let segment: IDataObject;
	try {
		const response = await mauticRequest(
			ctx,
			{ method: 'GET', path: `/segments/${segmentId}` },
			itemIndex,
		);
		segment = segmentOf(response.body);
	} catch {
		return undefined;
	}
	const name = segment.name ? ` "${String(segment.name)}"` : '';
	if (segment.isPublished === false) {
		return `The segment${name} is unpublished, and Mautic lets nobody add or remove its contacts through the API. Publish it (Update → Published) and run again.`;
	}
	if (segment.isGlobal === false) {
		const creator = segment.createdByUser ? ` (${String(segment.createdByUser)})` : '';
		return `The segment${name} is not global, so only the user who created it${creator} may add or remove its contacts. Make it global (Update → Global), or use a credential of that user.`;
	}
	return undefined;
}

/**
 * POST /segments/{id}/contact/{contactId}/add|remove for one item, with errors that name the
 * right thing: Mautic answers 404 for a missing segment and for a missing contact alike, and 403
 * when the segment is not among the user's lists.
 */
export async function changeMembership(
	ctx: IExecuteFunctions,
	itemIndex: number,
	segmentId: number,
	contactId: number,
	action: 'add' | 'remove',
): Promise<void> {
	const request: MauticRequest = {
		method: 'POST',
		path: `/segments/${segmentId}/contact/${contactId}/${action}`,
		// Adding a member twice, or removing a non-member, changes nothing: safe to retry.
		idempotent: true,
		entity: { label: 'segment', id: segmentId },
	};
	try {
		await mauticRequest(ctx, request, itemIndex);
	} catch (error) {
		throw await membershipError(ctx, itemIndex, request, contactId, error as NodeApiError);
	}
}

/** The error to report for a failed membership change (see changeMembership). */
async function membershipError(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: MauticRequest,
	contactId: number,
	error: NodeApiError,
): Promise<NodeApiError> {
	const failure = failureOf(error);
	if (failure?.status === 404) {
		const aboutContact = mauticErrorEntries(failure.body).some((entry) =>
			/contact/i.test(String(entry.message ?? '')),
		);
		if (aboutContact) {
			return mauticError(
				ctx,
				failure,
				{ ...request, entity: { label: 'contact', id: contactId } },
				undefined,
				itemIndex,
			);
		}
	}
	if (failure?.status === 403) {
		const segmentId = request.entity?.id as number;
		const reason = await deniedReason(ctx, segmentId, itemIndex);
		if (reason) {
			error.message = `Mautic does not let this user change the contacts of segment ${segmentId} (403)`;
			error.description = reason;
		}
	}
	return error;
}
