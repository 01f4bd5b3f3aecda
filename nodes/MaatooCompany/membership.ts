import type { IExecuteFunctions, NodeApiError } from 'n8n-workflow';
import {
	failureOf,
	mauticError,
	mauticErrorEntries,
	mauticRequest,
	type MauticRequest,
} from '../shared/transport';

/**
 * POST /companies/{id}/contact/{contactId}/add|remove for one item. Mautic answers 404 for a
 * missing company ("Item was not found.") and for a missing contact ("Contact not found." on add,
 * the generic text on remove), so a missing contact is told apart by asking for it.
 */
export async function changeCompanyMembership(
	ctx: IExecuteFunctions,
	itemIndex: number,
	companyId: number,
	contactId: number,
	action: 'add' | 'remove',
): Promise<void> {
	const request: MauticRequest = {
		method: 'POST',
		path: `/companies/${companyId}/contact/${contactId}/${action}`,
		// Linking a linked contact, or unlinking one that is not linked, changes nothing: safe to retry.
		idempotent: true,
		entity: { label: 'company', id: companyId },
	};
	try {
		await mauticRequest(ctx, request, itemIndex);
	} catch (error) {
		throw await membershipError(ctx, itemIndex, request, contactId, error as NodeApiError);
	}
}

async function companyExists(
	ctx: IExecuteFunctions,
	companyId: number,
	itemIndex: number,
): Promise<boolean | undefined> {
	try {
		await mauticRequest(ctx, { method: 'GET', path: `/companies/${companyId}` }, itemIndex);
		return true;
	} catch (error) {
		return failureOf(error)?.status === 404 ? false : undefined;
	}
}

async function membershipError(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: MauticRequest,
	contactId: number,
	error: NodeApiError,
): Promise<NodeApiError> {
	const failure = failureOf(error);
	if (failure?.status !== 404) return error;
	const aboutContact =
		mauticErrorEntries(failure.body).some((entry) =>
			/contact/i.test(String(entry.message ?? '')),
		) || (await companyExists(ctx, request.entity?.id as number, itemIndex)) === true;
	if (!aboutContact) return error;
	return mauticError(
		ctx,
		failure,
		{ ...request, entity: { label: 'contact', id: contactId } },
		undefined,
		itemIndex,
	);
}
