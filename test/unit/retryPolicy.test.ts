import { isRetryableFailure, retryAfterMs, retryDelayMs } from '../../nodes/shared/transport/retryPolicy';

describe('retry policy', () => {
	test.each([429, 502, 503, 504])('HTTP %i is worth another try', (status) => {
		expect(isRetryableFailure({ status })).toBe(true);
	});

	test.each([400, 401, 403, 404, 422, 500])('HTTP %i is final', (status) => {
		expect(isRetryableFailure({ status })).toBe(false);
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
		expect(retryDelayMs(0, { status: 429, headers: { 'retry-after': '3600' } }, () => 1)).toBe(30_000);
	});
});
