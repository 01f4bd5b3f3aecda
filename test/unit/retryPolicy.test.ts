import { failureFromError } from '../../nodes/shared/transport/failure';
import {
	batchLimitOf,
	isRetryableFailure,
	retryAfterMs,
	retryDelayMs,
} from '../../nodes/shared/transport/retryPolicy';

describe('retry policy', () => {
	test.each([429, 502, 503, 504])('HTTP %i is worth another try', (status) => {
		expect(isRetryableFailure({ status })).toBe(true);
	});

	test.each([400, 401, 403, 404, 422])('HTTP %i is final', (status) => {
		expect(isRetryableFailure({ status })).toBe(false);
	});

	test('HTTP 500 gets one more try (Mautic often saved before it failed), a second 500 is final', () => {
		expect(isRetryableFailure({ status: 500 }, 0)).toBe(true);
		expect(isRetryableFailure({ status: 500 }, 1)).toBe(false);
	});

	test("Mautic's batch-limit error (a 500) is never repeated: it would fail the same way", () => {
		const body = {
			errors: [{ code: 500, message: 'A max of 50 entities are supported at a time.' }],
		};
		expect(isRetryableFailure({ status: 500, body }, 0)).toBe(false);
		expect(batchLimitOf({ status: 500, body })).toBe(50);
	});

	test('n8n 2.x network errors (code in httpCode, no cause) are read as network failures', () => {
		const failure = failureFromError({
			message: 'The connection to the server was closed unexpectedly',
			httpCode: 'ECONNRESET',
		});
		expect(failure).toMatchObject({ networkCode: 'ECONNRESET' });
		expect(isRetryableFailure(failure)).toBe(true);
		expect(failureFromError({ httpCode: 'ECONNABORTED', message: 'timeout' })).toMatchObject({
			networkCode: 'ECONNABORTED',
		});
	});

	test('lost connections are retryable, unknown network failures are not', () => {
		expect(isRetryableFailure({ networkCode: 'ECONNRESET' })).toBe(true);
		expect(isRetryableFailure({ networkCode: 'ECONNABORTED' })).toBe(true);
		expect(isRetryableFailure({ networkCode: 'ENOTFOUND' })).toBe(false);
		expect(isRetryableFailure({})).toBe(false);
	});

	test('Retry-After in seconds or as a date', () => {
		expect(retryAfterMs('2')).toBe(2000);
		expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
		expect(retryAfterMs('soon')).toBeUndefined();
		expect(retryAfterMs(undefined)).toBeUndefined();
	});

	test('backoff grows exponentially with jitter and is capped; Retry-After wins', () => {
		expect(retryDelayMs(0, { status: 503 }, () => 0)).toBe(250);
		expect(retryDelayMs(0, { status: 503 }, () => 1)).toBe(500);
		expect(retryDelayMs(3, { status: 503 }, () => 1)).toBe(4000);
		expect(retryDelayMs(20, { status: 503 }, () => 1)).toBe(30_000);
		expect(retryDelayMs(0, { status: 429, headers: { 'retry-after': '3' } }, () => 1)).toBe(3000);
		expect(retryDelayMs(0, { status: 429, headers: { 'retry-after': '3600' } }, () => 1)).toBe(
			30_000,
		);
	});
});
