import { createHmac, timingSafeEqual } from 'crypto';

/**
 * What Mautic sends in `Webhook-Signature`: base64(HMAC-SHA256(raw body, secret)), over the exact
 * bytes it posted (PHP json_encode output, `\/` and `\uXXXX` escapes included).
 */
export function webhookSignature(rawBody: Buffer | string, secret: string): string {
	return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/** First value of a header that may arrive repeated. */
export function headerValue(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

/**
 * Whether `signature` is the one Mautic computes for this body and secret. The comparison takes
 * the same time wherever the strings differ; only the (public) length is compared first.
 */
export function isValidSignature(
	rawBody: Buffer | string,
	signature: string | undefined,
	secret: string,
): boolean {
	if (!signature || !secret) return false;
	const expected = Buffer.from(webhookSignature(rawBody, secret), 'utf8');
	const given = Buffer.from(signature.trim(), 'utf8');
	return given.length === expected.length && timingSafeEqual(given, expected);
}
