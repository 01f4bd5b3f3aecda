import type { IDataObject, IExecuteFunctions, NodeApiError } from 'n8n-workflow';
import { optionsCollection } from '../../shared/descriptions/listParameters';
import type { Operation } from '../../shared/engine';
import { failureOf, mauticRequest } from '../../shared/transport';
import { failItem as fail } from '../../shared/engine/itemErrors';
import { emailLocator, resolveEmailId } from '../descriptions/emailLocator';
import { SEND_NOT_REPEATED, sendNotice } from '../descriptions/sendNotice';

/**
 * `POST /emails/{id}/send`: sends a published segment email to the contacts of its segments who
 * have not received it yet (Mautic skips earlier recipients and contacts who unsubscribed), and
 * reports Mautic's count and failed recipients. Mautic's `lists` body field (send to some of the
 * segments only) is not offered: Mautic's controller passes the IDs on where segments are
 * expected, so any value fails with a 500 (5.1 and every version since 2.x).
 */
export const sendToSegmentOperation: Operation = {
	value: 'sendToSegment',
	name: 'Send to Segment',
	action: 'Send an email to its segments',
	description:
		"Send a published segment email to its segments' contacts who have not received it yet",
	properties: [
		sendNotice,
		emailLocator({ description: 'The segment email to send' }),
		optionsCollection([
			{
				displayName: 'Max Recipients',
				name: 'maxRecipients',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 100,
				description:
					'Send to at most this many contacts in this run; the others get it in a later send',
			},
		]),
	],
	async run(ctx, itemIndex) {
		const emailId = await resolveEmailId(ctx, itemIndex);
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const body: IDataObject = {};
		if (options.maxRecipients !== undefined)
			body.limit = Math.max(1, Math.floor(Number(options.maxRecipients)));
		const response = await mauticRequest(
			ctx,
			{
				method: 'POST',
				path: `/emails/${emailId}/send`,
				body,
				entity: { label: 'email', id: emailId },
				notRepeatedBecause: SEND_NOT_REPEATED,
			},
			itemIndex,
		).catch(async (error: NodeApiError) => {
			// Mautic answers 404 for an unpublished email too: say which it is.
			if (failureOf(error)?.status === 404 && (await isUnpublished(ctx, emailId, itemIndex))) {
				fail(
					ctx,
					itemIndex,
					`The email ${emailId} is unpublished: Mautic sends only published emails to segments`,
					'Publish it (Update → Published) and run again.',
				);
			}
			return await Promise.reject(error);
		});
		const answer = (response.body ?? {}) as IDataObject;
		// Mautic answers counts: how many went out and how many the mailer refused.
		const sentCount = Number(answer.sentCount ?? 0);
		const failedRecipients = Number(answer.failedRecipients ?? 0);
		// For a template email Mautic sends nothing and still answers success: say so.
		if (
			sentCount === 0 &&
			failedRecipients === 0 &&
			(await emailTypeOf(ctx, emailId, itemIndex)) === 'template'
		) {
			fail(
				ctx,
				itemIndex,
				`The email ${emailId} is a template email: Send to Segment sends only segment emails, so Mautic sent it to nobody`,
				'Pick a segment email, change its Type to Segment (with its segments), or use Send to Contact for a template email.',
			);
		}
		return { emailId, sentCount, failedRecipients };
	},
};

/** The email's type, or undefined when it cannot be read (a send that did nothing stays a success). */
async function emailTypeOf(
	ctx: IExecuteFunctions,
	emailId: number,
	itemIndex: number,
): Promise<unknown> {
	try {
		const response = await mauticRequest(
			ctx,
			{ method: 'GET', path: `/emails/${emailId}` },
			itemIndex,
		);
		return ((response.body as IDataObject | undefined)?.email as IDataObject | undefined)
			?.emailType;
	} catch {
		return undefined;
	}
}

async function isUnpublished(
	ctx: IExecuteFunctions,
	emailId: number,
	itemIndex: number,
): Promise<boolean> {
	try {
		const response = await mauticRequest(
			ctx,
			{ method: 'GET', path: `/emails/${emailId}` },
			itemIndex,
		);
		return (
			((response.body as IDataObject | undefined)?.email as IDataObject | undefined)
				?.isPublished === false
		);
	} catch {
		return false;
	}
}
