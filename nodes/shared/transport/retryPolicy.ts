import { mauticErrorEntries, type MauticFailure } from './failure';

/**
 * When to send a request again. Only answers that say "not done, try later" or a lost
 * connection qualify, and only for requests that change nothing when repeated: the caller
 * marks those `idempotent` (GET/PUT/PATCH/DELETE, and upserts where every item carries the
 * unique identifier Mautic merges on). A PUT is repeated only after confirming its record
 * exists (repeatableIf.ts). Point adjustments are never marked: a lost answer to "plus 10" may
 * mean the 10 were already added.
 */
export const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

const RETRYABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'EAI_AGAIN',
	'ECONNREFUSED',
]);

export const DEFAULT_MAX_RETRIES = 3;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

/**
 * A 500 is Mautic's answer to an exception, which is often thrown after the change was saved
 * (a listener or the serializer failing on the way out). For a request that is safe to repeat,
 * one more attempt turns "written but reported as failed" into a true result; a second 500 is
 * taken as the server's real answer. The batch-limit error is a 500 too, but deterministic.
 */
const ATTEMPTS_AFTER_A_500 = 1;

/** Mautic's "A max of 200 entities are supported at a time." (HTTP 500, no code). */
export function batchLimitOf(failure: MauticFailure): number | undefined {
	if (failure.status !== 500) return undefined;
	for (const entry of mauticErrorEntries(failure.body)) {
		const match =
			typeof entry.message === 'string' ? entry.message.match(/max of (\d+) entities/i) : null;
		if (match) return Number(match[1]);
	}
	return undefined;
}

/** Whether a failed attempt number `attempt` (0 = the first) of a repeatable request is worth repeating. */
export function isRetryableFailure(failure: MauticFailure, attempt = 0): boolean {
	if (failure.status === 500)
		return attempt < ATTEMPTS_AFTER_A_500 && batchLimitOf(failure) === undefined;
	if (failure.status !== undefined) return RETRYABLE_STATUSES.has(failure.status);
	return failure.networkCode !== undefined && RETRYABLE_NETWORK_CODES.has(failure.networkCode);
}

/** Failures that happen before a request reaches Mautic: no connection, no address, no TLS. */
const NEVER_SENT_CODES =
	/^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|ERR_TLS)/;

/**
 * Whether the server may have applied a request that failed this way (its answer was lost):
 * a connection dropped or timed out after sending, or a 5xx. Not after a 429 or 4xx, nor when
 * the connection never opened. An unknown failure counts as "may have".
 */
export function mayHaveBeenApplied(failure: MauticFailure): boolean {
	if (failure.status === undefined)
		return !(failure.networkCode && NEVER_SENT_CODES.test(failure.networkCode));
	return failure.status >= 500 && batchLimitOf(failure) === undefined;
}

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function retryAfterMs(
	headerValue: string | undefined,
	now = Date.now(),
): number | undefined {
	if (!headerValue) return undefined;
	const seconds = Number(headerValue);
	if (!Number.isNaN(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(headerValue);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Capped exponential backoff with full jitter; a server's Retry-After wins (up to the cap). */
export function retryDelayMs(
	attempt: number,
	failure: MauticFailure,
	random: () => number = Math.random,
): number {
	const serverAsked = retryAfterMs(failure.headers?.['retry-after']);
	if (serverAsked !== undefined) return Math.min(serverAsked, MAX_DELAY_MS);
	const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
