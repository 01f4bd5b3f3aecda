import type { IDataObject } from 'n8n-workflow';

/**
 * Deliveries this process has accepted, by signature, until they are older than the age window.
 * A signature is an HMAC over the whole body, so the same signature is the same delivery: a
 * replay, or Mautic sending a batch again after its own timeout. Kept in memory (per n8n
 * process), bounded, and only for signed deliveries.
 */
const MAX_REMEMBERED = 10_000;
const accepted = new Map<string, number>();

export function alreadyReceived(key: string, now = Date.now()): boolean {
	const until = accepted.get(key);
	return until !== undefined && until > now;
}

export function rememberReceived(key: string, keepForMs: number, now = Date.now()): void {
	if (accepted.size >= MAX_REMEMBERED) {
		for (const [stored, until] of accepted) {
			if (until <= now || accepted.size >= MAX_REMEMBERED) accepted.delete(stored);
			if (accepted.size < MAX_REMEMBERED * 0.9) break;
		}
	}
	accepted.set(key, now + keepForMs);
}

/** The newest event time of a Mautic body (`{"<event>": [{timestamp}], timestamp?}`), or undefined. */
export function newestEventTime(payload: IDataObject): number | undefined {
	let newest: number | undefined;
	const consider = (value: unknown) => {
		const time = typeof value === 'string' ? Date.parse(value) : NaN;
		if (!Number.isNaN(time)) newest = newest === undefined ? time : Math.max(newest, time);
	};
	consider(payload.timestamp);
	for (const entries of Object.values(payload)) {
		const list = Array.isArray(entries) ? entries : [entries];
		for (const entry of list) {
			if (entry && typeof entry === 'object') consider((entry as IDataObject).timestamp);
		}
	}
	return newest;
}

/**
 * JSON.parse keeps a `"__proto__"` key as an own property, but every later copy by assignment
 * (ours, n8n's) turns it into a prototype change and the data is gone. Such keys are renamed to
 * `[__proto__]`, at every depth, so their data stays and nothing touches a prototype.
 */
export const RENAMED_PROTO_KEY = '[__proto__]';

export function withSafeKeys<T>(value: T): T {
	if (Array.isArray(value)) {
		value.forEach((entry) => withSafeKeys(entry));
		return value;
	}
	if (!value || typeof value !== 'object') return value;
	const record = value as Record<string, unknown>;
	if (Object.prototype.hasOwnProperty.call(record, '__proto__')) {
		const data = Object.getOwnPropertyDescriptor(record, '__proto__')?.value;
		delete record['__proto__'];
		let key = RENAMED_PROTO_KEY;
		for (let n = 2; Object.prototype.hasOwnProperty.call(record, key); n++)
			key = `${RENAMED_PROTO_KEY}${n}`;
		Object.defineProperty(record, key, {
			value: data,
			enumerable: true,
			writable: true,
			configurable: true,
		});
	}
	for (const key of Object.keys(record)) withSafeKeys(record[key]);
	return value;
}
