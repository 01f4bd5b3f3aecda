import type { IWebhookFunctions } from 'n8n-workflow';
import { findHooks, type HookStaticData } from './hookLifecycle';
import { isValidSignature } from './signature';

/**
 * At most one look-up per trigger in this window: a forger can make us read Mautic's webhook
 * list this often, never more.
 */
export const SECRET_LOOKUP_INTERVAL_MS = 5 * 60_000;
const lastLookup = new Map<string, number>();

export type Recovery = { secret: string; hookId: number } | { why: string };

/**
 * A delivery whose signature does not match the stored secret may come from a webhook an
 * administrator re-created or edited in Mautic (a new secret). Reads the webhooks that post to
 * this trigger's URL and takes the secret of the one that signed this body, so deliveries keep
 * working without re-activating the workflow. Rate-limited per trigger.
 */
export async function recoverSecret(
	ctx: IWebhookFunctions,
	rawBody: Buffer,
	signature: string,
	now = Date.now(),
): Promise<Recovery> {
	const key = `${ctx.getWorkflow().id ?? ''}\u0000${ctx.getNode().id ?? ''}\u0000${ctx.getNode().name}`;
	const last = lastLookup.get(key);
	if (last !== undefined && now - last < SECRET_LOOKUP_INTERVAL_MS) {
		return { why: 'the webhook list was read less than 5 minutes ago' };
	}
	lastLookup.set(key, now);
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) return { why: 'this trigger has no webhook URL' };
	let hooks;
	try {
		hooks = await findHooks(ctx, [url]);
	} catch (error) {
		return { why: `Mautic's webhook list could not be read (${(error as Error).message})` };
	}
	if (hooks.length === 0) return { why: 'no webhook in Mautic posts to this URL any more' };
	const signer = hooks.find((hook) => typeof hook.secret === 'string' && isValidSignature(rawBody, signature, hook.secret));
	if (!signer) return { why: `none of the ${hooks.length} webhook(s) posting to this URL signed this request` };
	const data = ctx.getWorkflowStaticData('node') as HookStaticData;
	data.secret = signer.secret as string;
	data.hookId = signer.id;
	return { secret: signer.secret as string, hookId: signer.id };
}
