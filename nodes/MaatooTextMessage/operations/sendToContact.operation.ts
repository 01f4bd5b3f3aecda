import type { IDataObject } from 'n8n-workflow';
import type { Operation } from '../../shared/engine';
import { contactLocator } from '../../shared/locators/contactLocator';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import { failureOf, mauticRequest } from '../../shared/transport';
import { sendOutcome, transportRefusal } from '../sendAnswer';
import { textMessageLocatorSpec } from '../textMessageEntity';

export const sendToContactOperation: Operation = {
	value: 'sendToContact',
	name: 'Send to Contact',
	action: 'Send a text message to a contact',
	description:
		'Send a text message to one contact per item. Never retried automatically: a lost answer may mean it was sent.',
	properties: [
		textMessageLocatorSpec.property(),
		contactLocator({ description: 'The contact to send to (its mobile number, else its phone)' }),
		{
			displayName:
				'A send is never repeated automatically, even with Max Retries: when the answer is lost, the message may have gone out, and repeating could send it twice.',
			name: 'sendNotice',
			type: 'notice',
			default: '',
		},
	],
	async run(ctx, itemIndex) {
		const textMessageId = await textMessageLocatorSpec.idOf(ctx, itemIndex);
		const contactId = await resolveContactId(ctx, itemIndex);
		const what = `text message ${textMessageId} to contact ${contactId}`;
		let body: IDataObject;
		try {
			const response = await mauticRequest(
				ctx,
				{
					// Mautic 5.1 registers this route for GET only; it sends all the same.
					method: 'GET',
					path: `/smses/${textMessageId}/contact/${contactId}/send`,
					idempotent: false,
					notRepeatedBecause: 'repeating it could send the text message twice',
					entity: { label: 'text message', id: textMessageId },
				},
				itemIndex,
			);
			body = (response.body ?? {}) as IDataObject;
		} catch (error) {
			// A send Mautic made and that failed answers 200 with `success: false` and an `errors`
			// entry, which the transport takes as a refusal: report it from the answer.
			const answer = failureOf(error)?.body as IDataObject | undefined;
			if (answer && typeof answer === 'object' && answer.success === false && answer.result) {
				return sendOutcome(ctx, itemIndex, answer, { textMessageId, contactId });
			}
			throw sendError(ctx, itemIndex, error as Error, what, contactId);
		}
		return sendOutcome(ctx, itemIndex, body, { textMessageId, contactId });
	},
};

/** The transport refusal in words; a 403 explained (Mautic answers it for a missing contact too). */
function sendError(
	ctx: Parameters<Operation['run'] & object>[0],
	itemIndex: number,
	error: Error,
	what: string,
	contactId: number,
): Error {
	const refusal = transportRefusal(ctx, itemIndex, error, what);
	if (refusal) return refusal;
	if (failureOf(error)?.status === 403) {
		(error as Error & { description?: string }).description =
			`Mautic answers 403 when contact ${contactId} does not exist, as well as when this user may not edit it. Check the contact, or the user's role.`;
	}
	return error;
}
