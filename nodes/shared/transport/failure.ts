import type { IDataObject } from 'n8n-workflow';

/**
 * What went wrong with one HTTP exchange, reduced to the facts we report. Built from whatever the
 * HTTP layer threw, keeping none of its request config: that holds credentials and tokens.
 */
export interface MauticFailure {
	/** HTTP status; absent when no response arrived. */
	status?: number;
	/** Parsed JSON body, or the raw text when it was not JSON. */
	body?: unknown;
	headers?: Record<string, string>;
	/** Node/axios error code for failures without a response: ECONNREFUSED, ETIMEDOUT… */
	networkCode?: string;
	/** The HTTP layer's own message, used only when there is no response. */
	networkMessage?: string;
	/**
	 * The status came from n8n's error wrapper without a response from Mautic. With OAuth2 that
	 * is how n8n reports a refused token renewal: it keeps the token endpoint's status only.
	 */
	statusWithoutResponse?: boolean;
	/** The request was sent more than once (retries); set on the failure that ended them. */
	attempts?: number;
}

/** One entry of Mautic's `{"errors":[{code,message,details,type}]}` envelope. */
export interface MauticErrorEntry {
	code?: number;
	message?: string;
	details?: unknown;
	type?: string | null;
}

export function parseResponseText(text: unknown): unknown {
	if (typeof text !== 'string') return text;
	// Pages can be megabytes: test for emptiness without copying the text.
	if (!/\S/.test(text)) return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** Mautic's error entries, also from a legacy `{"error": …}` body that some proxies still send. */
export function mauticErrorEntries(body: unknown): MauticErrorEntry[] {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
	const record = body as IDataObject;
	if (Array.isArray(record.errors)) return record.errors as MauticErrorEntry[];
	if (record.error && typeof record.error === 'object') return [record.error as MauticErrorEntry];
	if (typeof record.error === 'string') {
		return [{ message: (record.error_description as string) ?? record.error, type: record.error }];
	}
	return [];
}

function lowerCaseHeaders(headers: unknown): Record<string, string> {
	const result: Record<string, string> = {};
	if (!headers || typeof headers !== 'object') return result;
	for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
		if (value !== undefined && value !== null) result[name.toLowerCase()] = String(value);
	}
	return result;
}

/** A Node.js system error code: ECONNRESET, ETIMEDOUT, EAI_AGAIN… */
const NETWORK_CODE = /^E[A-Z_]+$/;

interface ErrorLike {
	isAxiosError?: boolean;
	response?: { status?: number; data?: unknown; headers?: unknown };
	cause?: unknown;
	errorResponse?: unknown;
	code?: string;
	message?: string;
	httpCode?: string | null;
	context?: { data?: unknown };
}

/**
 * n8n hands us either the raw axios error (OAuth2 path) or a NodeApiError wrapping it (Basic
 * path: in `cause`, or in `errorResponse` when the wrapped error came from another realm);
 * both carry the response somewhere. Walk that chain for it.
 */
export function failureFromError(error: unknown): MauticFailure {
	let current = error as ErrorLike | undefined;
	let networkCode: string | undefined;
	let networkMessage: string | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (current.response && typeof current.response.status === 'number') {
			return {
				status: current.response.status,
				body: parseResponseText(current.response.data),
				headers: lowerCaseHeaders(current.response.headers),
			};
		}
		if (!networkCode && typeof current.code === 'string' && NETWORK_CODE.test(current.code)) {
			networkCode = current.code;
		}
		if (!networkMessage && typeof current.message === 'string') networkMessage = current.message;
		current = (current.cause ?? current.errorResponse) as ErrorLike | undefined;
	}
	const top = error as ErrorLike | undefined;
	// n8n 2.x wraps a reset, refused or timed-out connection in a NodeApiError with no `cause`
	// and the Node error code as its `httpCode` ("ECONNRESET", "ECONNABORTED" for a timeout).
	if (typeof top?.httpCode === 'string' && NETWORK_CODE.test(top.httpCode)) {
		return { networkCode: top.httpCode, networkMessage };
	}
	const httpCode = top?.httpCode ? Number(top.httpCode) : undefined;
	if (httpCode && !Number.isNaN(httpCode) && httpCode >= 100) {
		const body = top?.context?.data;
		return {
			status: httpCode,
			body,
			...(body === undefined ? { statusWithoutResponse: true } : {}),
		};
	}
	return { networkCode, networkMessage };
}

export { lowerCaseHeaders };
