import type { MauticFailure } from './failure';

/**
 * When to send a request again. Only answers that say "not done, try later" or a lost
 * connection qualify, and only for requests that change nothing when repeated: the caller
 * marks those `idempotent` (GET/PUT/PATCH/DELETE, and upserts where every item carries the
 * unique identifier Mautic merges on). Point adjustments are never marked: a lost answer to
 * "plus 10" may mean the 10 were already added.
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

export function isRetryableFailure(failure: MauticFailure): boolean {
	if (failure.status !== undefined) return RETRYABLE_STATUSES.has(failure.status);
	return failure.networkCode !== undefined && RETRYABLE_NETWORK_CODES.has(failure.networkCode);
}

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function retryAfterMs(headerValue: string | undefined, now = Date.now()): number | undefined {
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
