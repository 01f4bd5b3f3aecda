import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import type { EventsOrder, TriggerOptions } from './description';
import { splitEvents } from './events';
import { headerValue, isValidSignature } from './signature';

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
	if (!rawBody) return ctx.getBodyData();
	try {
		return JSON.parse(rawBody.toString('utf8'));
	} catch {
		return undefined;
	}
}

/**
 * A request from Mautic: the signature is checked over the raw bytes before anything else, then
 * the body becomes one item per event (or one item for the whole payload). Nothing here calls
 * Mautic: in immediate mode Mautic waits for this answer before it finishes its own request.
 */
export async function receiveWebhook(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const options = ctx.getNodeParameter('options', {}) as TriggerOptions;
	const rawBody = await rawBodyOf(ctx);

	if (options.verifySignature !== false) {
		const stored = ctx.getWorkflowStaticData('node').secret;
		const secret = typeof stored === 'string' && stored !== '' ? stored : (options.secret ?? '');
		const signature = headerValue(ctx.getHeaderData()['webhook-signature']);
		if (!rawBody || !isValidSignature(rawBody, signature, secret)) {
			return refuse(ctx, 401, 'Missing or invalid Webhook-Signature');
		}
	}

	const payload = parsePayload(ctx, rawBody);
	if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
		return refuse(ctx, 400, 'Expected a JSON object from Mautic');
	}

	const items =
		options.outputMode === 'wholePayload'
			? [payload as IDataObject]
			: splitEvents(payload as IDataObject, {
					simplify: options.simplify !== false,
					order: (ctx.getNodeParameter('eventsOrder', 'ASC') === 'DESC' ? 'DESC' : 'ASC') as EventsOrder,
				});
	if (items.length === 0) {
		return { webhookResponse: { message: 'No events in the request' } };
	}
	return { workflowData: [items.map((json) => ({ json }))] };
}
