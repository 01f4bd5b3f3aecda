import type { IDataObject, IExecuteFunctions, NodeApiError } from 'n8n-workflow';
import { runCatalogue } from '../shared/runState';
import { failureOf, mauticError, mauticRequest, type MauticRequest } from '../shared/transport';

/**
 * How many add or remove requests one run has in flight at once. Mautic has no batch endpoint
 * for campaign membership, so each item is one request; four at a time is several times faster
 * than one after the other and still leaves a small instance room for everyone else.
 */
export const MEMBERSHIP_CONCURRENCY = 4;

export const ADD_NOT_REPEATED =
	'the campaign lets contacts restart it (Allow Restart), so a second add would start this contact through the campaign again and its emails could go out twice';

/**
 * The campaign, read once per run and campaign (whether it lets contacts restart, and whether
 * it exists when Mautic answers 404 for a membership change).
 */
async function campaignOf(
	ctx: IExecuteFunctions,
	campaignId: number,
	itemIndex: number,
): Promise<IDataObject> {
	return await runCatalogue(ctx, `campaign:${campaignId}`, async () => {
		const response = await mauticRequest(
			ctx,
			{
				method: 'GET',
				path: `/campaigns/${campaignId}`,
				entity: { label: 'campaign', id: campaignId },
			},
			itemIndex,
		);
		return ((response.body as IDataObject | undefined)?.campaign ?? {}) as IDataObject;
	});
}

/**
 * POST /campaigns/{id}/contact/{contactId}/add|remove for one item. Removing is safe to repeat
 * (a second remove changes nothing). Adding a current member again restarts the contact in the
 * campaign when the campaign allows restarts, and changes nothing otherwise; so after a lost
 * answer an add is repeated only for campaigns that do not allow restarts. Mautic answers 404 for
 * a missing campaign and a missing contact alike; the error names the one that is missing.
 */
export async function changeCampaignMembership(
	ctx: IExecuteFunctions,
	itemIndex: number,
	campaignId: number,
	contactId: number,
	action: 'add' | 'remove',
): Promise<void> {
	const request: MauticRequest = {
		method: 'POST',
		path: `/campaigns/${campaignId}/contact/${contactId}/${action}`,
		entity: { label: 'campaign', id: campaignId },
		...(action === 'remove'
			? { idempotent: true }
			: {
					repeatableIf: async () =>
						(await campaignOf(ctx, campaignId, itemIndex)).allowRestart === false,
					notRepeatedBecause: ADD_NOT_REPEATED,
				}),
	};
	try {
		await mauticRequest(ctx, request, itemIndex);
	} catch (error) {
		throw await membershipError(ctx, itemIndex, request, contactId, error as NodeApiError);
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
	const campaignId = request.entity?.id as number;
	const campaignExists = await campaignOf(ctx, campaignId, itemIndex).then(
		() => true,
		() => false,
	);
	if (!campaignExists) return error;
	return mauticError(
		ctx,
		failure,
		{ ...request, entity: { label: 'contact', id: contactId } },
		undefined,
		itemIndex,
	);
}
