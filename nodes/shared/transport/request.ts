import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type IDataObject,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type JsonObject,
} from 'n8n-workflow';
import { apiUrl, baseUrlProblem, instanceRoot } from './baseUrl';
import { assertSafeApiPath } from './apiPath';
import { authenticationOf, CREDENTIAL_TYPE, type MauticContext } from './context';
import { describeFailure, type RequestSubject } from './describeFailure';
import {
	failureFromError,
	lowerCaseHeaders,
	mauticErrorEntries,
	parseResponseText,
	type MauticFailure,
} from './failure';
import { rememberMauticVersion } from './mauticVersion';
import { runStateOf } from '../runState';
import {
	DEFAULT_MAX_RETRIES,
	isRetryableFailure,
	mayHaveBeenApplied,
	retryDelayMs,
} from './retryPolicy';

export interface MauticRequest {
	method: IHttpRequestMethods;
	/** API path without the `/api` prefix, e.g. `/contacts/12`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/**
	 * Safe to send again after a lost or refused answer. Defaults to true for GET, HEAD, PATCH
	 * and DELETE and false for POST and PUT; see retryPolicy.ts for why. A PUT to an ID that does
	 * not exist makes Mautic create a new record, so a PUT is repeated only when
	 * `repeatableIf` confirms it (e.g. the record exists).
	 */
	idempotent?: boolean;
	/**
	 * Asked before repeating a request that is not idempotent by itself but may be under a
	 * condition (a PUT whose record exists). False, or a failure of the check, means not
	 * repeated; the error then says the first attempt may have been applied.
	 */
	repeatableIf?: () => Promise<boolean>;
	/** Why a lost answer is not followed by a repeat, for the error ("it would add the points twice"). */
	notRepeatedBecause?: string;
	/** Names the thing in errors: `{ label: 'contact', id: 12 }`. */
	entity?: RequestSubject['entity'];
	maxRetries?: number;
	timeoutMs?: number;
	/**
	 * Shortens a successful answer's text before it is parsed, for readers that need only part of
	 * a large answer (see compactContactList.ts). The text as received stays on the response as
	 * `fullText`, to parse after all should the short one lack something.
	 */
	compactText?: (rawText: string) => string;
}

export interface MauticResponse {
	status: number;
	/** Parsed JSON. */
	body: unknown;
	/** The exact text, for readers that need the server's key order (see orderedJson.ts). */
	rawText: string;
	headers: Record<string, string>;
	/** Only when `compactText` changed the answer: the text as received. */
	fullText?: string;
	/**
	 * An earlier attempt failed in a way that means Mautic may have applied it (its answer was
	 * lost): a repeated delete that finds nothing was then done by that attempt.
	 */
	afterLostAnswer?: boolean;
	/**
	 * A repeated DELETE answered 404 after a lost answer: that attempt deleted it. There is no
	 * body then; the record is gone.
	 */
	deletedByEarlierAttempt?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 120_000;

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PATCH', 'DELETE']);

/** The node's "Max Retries" option for every request of this run (the engine sets it once). */
export function setMaxRetries(context: MauticContext, maxRetries: number): void {
	runStateOf(context).maxRetries = Math.max(0, Math.min(10, Math.floor(maxRetries)));
}

async function baseUrlOf(context: MauticContext, credentialType: string): Promise<string> {
	const run = runStateOf(context);
	let root = run.baseUrl;
	if (!root) {
		root = context.getCredentials(credentialType).then((credentials) => {
			const url = String(credentials.url ?? '');
			const problem = baseUrlProblem(url);
			if (problem) {
				throw new NodeOperationError(context.getNode(), problem, {
					description: 'Use the address of the Mautic instance, e.g. https://youraccount.maatoo.io',
				});
			}
			return url;
		});
		run.baseUrl = root;
		root.catch(() => {
			run.baseUrl = undefined;
		});
	}
	return await root;
}

/** The instance root of the credential in use, e.g. to link to a contact in Mautic's UI. */
export async function instanceRootOf(context: MauticContext): Promise<string> {
	return instanceRoot(await baseUrlOf(context, CREDENTIAL_TYPE[authenticationOf(context)]));
}

/** An answer that is not a usable success: an error status, or 200 with an `errors` envelope. */
function failureInAnswer(status: number, body: unknown, headers: Record<string, string>) {
	if (status >= 400) return { status, body, headers } satisfies MauticFailure;
	if (mauticErrorEntries(body).length > 0 && !(body as IDataObject).statusCodes) {
		return { status: status >= 400 ? status : 400, body, headers } satisfies MauticFailure;
	}
	if (body === undefined && status !== 204) {
		return { status, body, headers } satisfies MauticFailure;
	}
	if (typeof body === 'string') return { status, body, headers } satisfies MauticFailure;
	return undefined;
}

/**
 * The one way our nodes talk to Mautic: base URL and `/api` prefix, the credential the node's
 * `authentication` parameter selects, n8n's authenticated request helper (so OAuth2 refresh,
 * proxies and SSL settings apply), JSON in and out, a timeout, safe retries, and errors a
 * marketer can act on.
 */
export async function mauticRequest(
	context: MauticContext,
	request: MauticRequest,
	itemIndex?: number,
): Promise<MauticResponse> {
	const auth = authenticationOf(context);
	const credentialType = CREDENTIAL_TYPE[auth];
	assertSafeApiPath(context, request.path, itemIndex);
	const baseUrl = await baseUrlOf(context, credentialType);
	const idempotent = request.idempotent ?? IDEMPOTENT_METHODS.has(request.method);
	const mayRepeat = idempotent || request.repeatableIf !== undefined;
	const maxRetries = mayRepeat
		? (request.maxRetries ?? runStateOf(context).maxRetries ?? DEFAULT_MAX_RETRIES)
		: 0;

	let failure: MauticFailure = {};
	let repeatRefused: string | undefined;
	let afterLostAnswer = false;
	let attempt = 0;
	for (; ; attempt++) {
		// A fresh object every attempt: n8n's helpers add auth headers to the one they get.
		const options: IHttpRequestOptions = {
			method: request.method,
			url: apiUrl(baseUrl, request.path),
			qs: request.qs,
			body: request.body,
			headers: { Accept: 'application/json' },
			json: false,
			encoding: 'text',
			returnFullResponse: true,
			// n8n wraps a failed Basic-auth request in an error that keeps the status but not the
			// body, so take every answer as a response. OAuth2 must keep throwing on 401: that
			// throw is what makes n8n refresh the token (and the OAuth2 path keeps the body).
			ignoreHttpStatusErrors: auth === 'basicAuth',
			arrayFormat: 'indices',
			timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		};
		if (request.body !== undefined) {
			options.headers!['Content-Type'] = 'application/json';
			options.body = JSON.stringify(request.body);
		}

		try {
			const response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				credentialType,
				options,
			)) as IN8nHttpFullResponse;
			const headers = lowerCaseHeaders(response.headers);
			rememberMauticVersion(context, headers['mautic-version']);
			const received =
				typeof response.body === 'string' ? response.body : String(response.body ?? '');
			const rawText =
				request.compactText && response.statusCode < 300 ? request.compactText(received) : received;
			const body = parseResponseText(rawText);
			const failed = failureInAnswer(response.statusCode, body, headers);
			if (!failed) {
				const answer: MauticResponse = {
					status: response.statusCode,
					body,
					rawText,
					headers,
				};
				if (afterLostAnswer) answer.afterLostAnswer = true;
				if (rawText !== received) answer.fullText = received;
				return answer;
			}
			failure = failed;
		} catch (error) {
			failure = failureFromError(error);
			rememberMauticVersion(context, failure.headers?.['mautic-version']);
		}

		// The attempt whose answer was lost deleted it: that is the outcome asked for. (After a
		// 429 or a refused connection nothing was applied, and a 404 means what it says.)
		if (afterLostAnswer && request.method === 'DELETE' && failure.status === 404) {
			return {
				status: 404,
				body: undefined,
				rawText: '',
				headers: failure.headers ?? {},
				afterLostAnswer,
				deletedByEarlierAttempt: true,
			};
		}
		if (mayHaveBeenApplied(failure)) afterLostAnswer = true;
		if (attempt >= maxRetries || !isRetryableFailure(failure, attempt)) break;
		if (!idempotent && request.repeatableIf && mayHaveBeenApplied(failure)) {
			const repeatable = await request.repeatableIf().catch(() => false);
			if (!repeatable) {
				repeatRefused = request.notRepeatedBecause;
				break;
			}
		}
		await sleep(retryDelayMs(attempt, failure));
	}
	failure.attempts = attempt + 1;
	const subject: RequestSubject = { ...request, method: request.method };
	// A GET marked not idempotent is a write too (Mautic sends a text message on a GET).
	const writes =
		(request.method !== 'GET' && request.method !== 'HEAD') || request.idempotent === false;
	if (writes && mayHaveBeenApplied(failure) && (!idempotent || repeatRefused)) {
		subject.mayHaveBeenApplied =
			repeatRefused ?? request.notRepeatedBecause ?? 'repeating it could apply it twice';
	}
	throw mauticError(context, failure, subject, auth, itemIndex);
}

/** The error object every node throws or reports for a failed request; never carries secrets. */
export function mauticError(
	context: MauticContext,
	failure: MauticFailure,
	subject: RequestSubject,
	auth = authenticationOf(context),
	itemIndex?: number,
): NodeApiError {
	const { message, description } = describeFailure(failure, subject, auth);
	const safeResponse: JsonObject = { message, description };
	if (failure.status !== undefined) safeResponse.httpCode = String(failure.status);
	const error = new NodeApiError(context.getNode(), safeResponse, {
		message,
		description,
		httpCode: failure.status !== undefined ? String(failure.status) : undefined,
		itemIndex,
	});
	// n8n swaps any message that mentions a network code (ECONNRESET…) for its generic text.
	error.message = message;
	// Not enumerable: n8n serialises errors into execution data, and this is for our code only.
	Object.defineProperty(error, 'mauticFailure', { value: failure, enumerable: false });
	Object.defineProperty(error, 'mauticSubject', { value: subject, enumerable: false });
	return error;
}

/** What the failed request was (route, entity, whether it may have been applied), for errors re-issued per item. */
export function subjectOf(error: unknown): RequestSubject | undefined {
	return (error as { mauticSubject?: RequestSubject } | undefined)?.mauticSubject;
}

/** The `MauticFailure` behind an error from `mauticRequest`, for callers that map statuses. */
export function failureOf(error: unknown): MauticFailure | undefined {
	return (error as { mauticFailure?: MauticFailure } | undefined)?.mauticFailure;
}
