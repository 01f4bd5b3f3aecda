import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type JsonObject,
} from 'n8n-workflow';
import { failureOf, parseResponseText } from '../shared/transport';

/** Mautic's status key for a message held back by the contact's frequency rules (sent later). */
const SCHEDULED = 'mautic.sms.timeline.status.scheduled';

/** Readable reasons for the status keys SmsModel::sendSms answers untranslated in `errors`. */
const REASONS: Record<string, string> = {
	'mautic.sms.campaign.failed.unpublished':
		'The text message is unpublished. Publish it and run again.',
	'mautic.sms.campaign.failed.not_contactable':
		'The contact does not want text messages (Do Not Contact on the SMS channel).',
	'mautic.sms.campaign.failed.missing_number':
		'The contact has no mobile or phone number. Add one and run again.',
};

/**
 * A send Mautic refused with HTTP 200 and a JSON *string* (`"{\"error\": …}"`): SmsApiController
 * answers this way when no SMS transport is enabled, before looking at the message or contact.
 */
export function transportRefusal(
	ctx: IExecuteFunctions,
	itemIndex: number,
	error: unknown,
	what: string,
): NodeApiError | undefined {
	const failure = failureOf(error);
	if (!failure || failure.status !== 200 || typeof failure.body !== 'string') return undefined;
	const inner = parseResponseText(failure.body) as IDataObject | undefined;
	const refusal =
		inner && typeof inner === 'object' ? (inner.error as IDataObject | undefined) : undefined;
	if (!refusal?.message) return undefined;
	const code = refusal.code !== undefined ? ` (code ${String(refusal.code)})` : '';
	const message = `Mautic did not send ${what}: ${String(refusal.message)}${code}`;
	const description =
		'Nothing was sent. Mautic sends text messages only through an enabled SMS transport (e.g. the Twilio plugin): configure one under Settings → Plugins, then run again.';
	const nodeError = new NodeApiError(ctx.getNode(), { message, description } as JsonObject, {
		message,
		description,
		itemIndex,
	});
	nodeError.message = message;
	nodeError.description = description;
	return nodeError;
}

/** The output of a send, or an item error when Mautic says it did not send. */
export function sendOutcome(
	ctx: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
	ids: { textMessageId: number; contactId: number },
): IDataObject {
	const result = (body.result ?? {}) as IDataObject;
	const status = String(body.status ?? result.status ?? '');
	if (body.success === true || body.success === 1 || result.sent === true) {
		return { ...ids, sent: true, status, result };
	}
	if (result.status === SCHEDULED) {
		// Frequency rules held it back: Mautic queued it and sends it later.
		return { ...ids, sent: false, scheduled: true, status, result };
	}
	const key = String(result.status ?? '');
	throw new NodeOperationError(
		ctx.getNode(),
		`Mautic did not send text message ${ids.textMessageId} to contact ${ids.contactId}: ${status || key || 'no reason given'}`,
		{
			itemIndex,
			description:
				REASONS[key] ??
				"Mautic (or its SMS transport) reported a failure for this contact; its log (var/logs) and the message's statistics tell more.",
		},
	);
}
