import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import type { EventsOrder, TriggerOptions } from './description';
import { splitEvents } from './events';
import { chosenForms, invalidFormsMessage, withChosenForms } from './formFilter';
import { alreadyReceived, newestEventTime, rememberReceived, withSafeKeys } from './replayGuard';
import { adoptedSecretOf, recoverSecret } from './secretRecovery';
import { headerValue, isValidSignature } from './signature';

const DEFAULT_MAX_EVENT_AGE_MINUTES = 1440;
/** How long an accepted delivery is remembered when the age check is off. */
const REMEMBER_WITHOUT_AGE_CHECK_MS = 24 * 3600_000;

/** The exact bytes Mautic posted (n8n keeps them for version-1 triggers); read them if not yet. */
async function rawBodyOf(ctx: IWebhookFunctions): Promise<Buffer | undefined> {
	const request = ctx.getRequestObject();
	if (!Buffer.isBuffer(request.rawBody) && typeof request.readRawBody === 'function') {
		await request.readRawBody();
	}
	return Buffer.isBuffer(request.rawBody) ? request.rawBody : undefined;
}

/** Answers at once and starts no execution. */
function refuse(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).json({ message });
	return { noWebhookResponse: true };
}

function parsePayload(ctx: IWebhookFunctions, rawBody: Buffer | undefined): unknown {
	if (!rawBody) return withSafeKeys(ctx.getBodyData());
	try {
		return withSafeKeys(JSON.parse(rawBody.toString('utf8')) as unknown);
	} catch {
		return undefined;
	}
}

/**
 * Whether the body was signed with the secret we hold; if not, whether a webhook re-created or
 * edited in Mautic (new secret) signed it. A refusal is logged with what to do.
 */
async function signatureAccepted(
	ctx: IWebhookFunctions,
	rawBody: Buffer | undefined,
	signature: string | undefined,
	optionSecret: string,
): Promise<boolean> {
	const stored = ctx.getWorkflowStaticData('node').secret;
	const secrets = [
		typeof stored === 'string' ? stored : '',
		optionSecret,
		adoptedSecretOf(ctx) ?? '',
	].filter(Boolean);
	if (!rawBody || !signature) return false;
	if (secrets.some((secret) => isValidSignature(rawBody, signature, secret))) return true;
	const refused = (why: string) => {
		ctx.logger.warn(
			`Maatoo Trigger "${ctx.getNode().name}": refused a delivery with a signature that does not match (${why}). If an administrator re-created or edited the webhook in Mautic, deactivate and activate this workflow so n8n sets up the webhook again; otherwise someone who is not Mautic posted to the trigger URL.`,
		);
		return false;
	};
	// A secret the user set in the options is theirs to change; only n8n-managed secrets are recovered.
	if (optionSecret) return refused('the secret set in Options → Secret');
	const recovery = await recoverSecret(ctx, rawBody, signature);
	if ('why' in recovery) return refused(recovery.why);
	ctx.logger.info(
		`Maatoo Trigger: webhook ${recovery.hookId} in Mautic now signs with a new secret; adopted it.`,
	);
	return true;
}

/**
 * A request from Mautic: the signature is checked over the raw bytes before anything else, then
 * the body becomes one item per event (or one item for the whole payload). Mautic is called only
 * to recover a changed secret (rate-limited, one short request): in immediate mode Mautic waits
 * for this answer before it finishes its own request.
 */
export async function receiveWebhook(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const options = ctx.getNodeParameter('options', {}) as TriggerOptions;
	const rawBody = await rawBodyOf(ctx);

	const verify = options.verifySignature !== false;
	const signature = headerValue(ctx.getHeaderData()['webhook-signature'])?.trim();
	if (verify && !(await signatureAccepted(ctx, rawBody, signature, options.secret ?? ''))) {
		return refuse(ctx, 401, 'Missing or invalid Webhook-Signature');
	}

	const payload = parsePayload(ctx, rawBody);
	if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
		return refuse(ctx, 400, 'Expected a JSON object from Mautic');
	}

	// Replays: a signed body stays valid for ever, so its events' own times bound its life.
	if (verify && signature) {
		const maxAgeMinutes =
			typeof options.maxEventAge === 'number' ? options.maxEventAge : DEFAULT_MAX_EVENT_AGE_MINUTES;
		const newest = newestEventTime(payload as IDataObject);
		if (maxAgeMinutes > 0 && newest !== undefined && Date.now() - newest > maxAgeMinutes * 60_000) {
			ctx.logger.warn(
				`Maatoo Trigger "${ctx.getNode().name}": refused a delivery whose newest event is from ${new Date(newest).toISOString()}, older than Max Event Age (${maxAgeMinutes} minutes). A replayed request, or Mautic's queue was not sent for that long: raise the option if your cron job runs less often.`,
			);
			return refuse(
				ctx,
				403,
				`Events older than ${maxAgeMinutes} minutes are refused (Max Event Age option of the n8n trigger)`,
			);
		}
		const key = `${ctx.getWorkflow().id ?? ''}\u0000${ctx.getNode().name}\u0000${signature}`;
		if (alreadyReceived(key)) {
			// Answered as a success: if Mautic itself sent it again, it must not count a failure.
			return {
				webhookResponse: { message: 'Already received: this delivery started the workflow before' },
			};
		}
		rememberReceived(
			key,
			maxAgeMinutes > 0 ? maxAgeMinutes * 60_000 : REMEMBER_WITHOUT_AGE_CHECK_MS,
		);
	}

	// Form submissions of forms not chosen start nothing; Mautic gets a success all the same.
	// A value that is no form ID (a name from an expression) matches no form: never every form.
	const forms = chosenForms(ctx.getNodeParameter('forms', []) as unknown);
	const invalid = invalidFormsMessage(forms.invalid);
	if (invalid) {
		ctx.logger.warn(
			`Maatoo Trigger "${ctx.getNode().name}": ${invalid}; such values match no form, so those submissions are ignored.`,
		);
	}
	const filtered = withChosenForms(payload as IDataObject, forms.ids);
	if (!filtered.left) {
		return {
			webhookResponse: { message: 'Ignored: a submission of a form this trigger does not watch' },
		};
	}

	const items =
		options.outputMode === 'wholePayload'
			? [filtered.payload]
			: splitEvents(filtered.payload, {
					simplify: options.simplify !== false,
					flattenSubmissions: options.flattenSubmissions === true,
					order: (ctx.getNodeParameter('eventsOrder', 'ASC') === 'DESC'
						? 'DESC'
						: 'ASC') as EventsOrder,
				});
	if (items.length === 0) {
		return { webhookResponse: { message: 'No events in the request' } };
	}
	return { workflowData: [items.map((json) => ({ json }))] };
}
