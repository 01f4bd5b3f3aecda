import type { IWebhookFunctions } from 'n8n-workflow';
import { findHooks, type HookStaticData, type MauticHook } from './hookLifecycle';
import { isValidSignature } from './signature';

/**
 * At most one look-up per trigger in this window: a forger can make us read Mautic's webhook
 * list this often, never more.
 */
export const SECRET_LOOKUP_INTERVAL_MS = 5 * 60_000;
/** Mautic waits 15 s for a webhook answer (webhook_timeout): the look-up must fit inside. */
const LOOKUP_TIMEOUT_MS = 8_000;

type Candidate = { hook: MauticHook } | { why: string };
export type Recovery = { secret: string; hookId: number } | { why: string };

const lastLookup = new Map<string, number>();
/** A look-up under way: deliveries arriving meanwhile wait for it instead of being refused. */
const lookups = new Map<string, Promise<Candidate>>();
/** Secrets adopted by this process, until the saved static data carries them. */
const adopted = new Map<string, { secret: string; hookId: number }>();

function triggerKey(ctx: IWebhookFunctions): string {
	return `${ctx.getWorkflow().id ?? ''}\u0000${ctx.getNode().id ?? ''}\u0000${ctx.getNode().name}`;
}

/** The secret this process adopted for the trigger, if any. */
export function adoptedSecretOf(ctx: IWebhookFunctions): string | undefined {
	return adopted.get(triggerKey(ctx))?.secret;
}

/**
 * The one webhook whose secret may be adopted: the stored one (an administrator edited its
 * secret), or, when the stored one is gone, the only webhook posting to this URL (re-created by
 * hand). Never a second webhook beside the stored one: whoever made it would hold a secret that
 * signs deliveries of their own.
 */
async function candidateHook(
	ctx: IWebhookFunctions,
	storedId: number | undefined,
): Promise<Candidate> {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) return { why: 'this trigger has no webhook URL' };
	let hooks: MauticHook[];
	try {
		hooks = await findHooks(ctx, [url], storedId, { maxRetries: 0, timeoutMs: LOOKUP_TIMEOUT_MS });
	} catch (error) {
		return { why: `Mautic's webhook list could not be read (${(error as Error).message})` };
	}
	const stored = hooks.find((hook) => hook.id === storedId);
	if (stored) return { hook: stored };
	if (hooks.length === 1) return { hook: hooks[0] };
	if (hooks.length === 0) return { why: 'no webhook in Mautic posts to this URL any more' };
	return {
		why: `${hooks.length} webhooks post to this URL and none is the one this workflow set up`,
	};
}

/**
 * A delivery whose signature does not match the stored secret may come from a webhook whose
 * secret an administrator changed in Mautic, or that was re-created by hand. Reads the webhook
 * that may have signed it (see candidateHook) and adopts its secret if it signed this body, so
 * deliveries keep working without re-activating the workflow. Rate-limited per trigger.
 */
export async function recoverSecret(
	ctx: IWebhookFunctions,
	rawBody: Buffer,
	signature: string,
	now = Date.now(),
): Promise<Recovery> {
	const key = triggerKey(ctx);
	const data = ctx.getWorkflowStaticData('node') as HookStaticData;
	let lookup = lookups.get(key);
	if (!lookup) {
		const last = lastLookup.get(key);
		if (last !== undefined && now - last < SECRET_LOOKUP_INTERVAL_MS) {
			return { why: 'the webhook list was read less than 5 minutes ago' };
		}
		lastLookup.set(key, now);
		const storedId = adopted.get(key)?.hookId ?? (Number(data.hookId) || undefined);
		lookup = candidateHook(ctx, storedId).finally(() => lookups.delete(key));
		lookups.set(key, lookup);
	}
	const candidate = await lookup;
	if ('why' in candidate) return candidate;
	const { secret, id } = candidate.hook;
	if (typeof secret !== 'string' || !isValidSignature(rawBody, signature, secret)) {
		return {
			why: `webhook ${id}, the one this trigger may take a secret from, did not sign this request`,
		};
	}
	data.secret = secret;
	data.hookId = id;
	adopted.set(key, { secret, hookId: id });
	return { secret, hookId: id };
}
