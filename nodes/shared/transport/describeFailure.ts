import type { IDataObject } from 'n8n-workflow';
import { mauticErrorEntries, type MauticErrorEntry, type MauticFailure } from './failure';

export type AuthenticationMethod = 'basicAuth' | 'oAuth2';

/** What the request was about, so a 404 can say "contact 12" rather than "item". */
export interface RequestSubject {
	method: string;
	path: string;
	/** e.g. `{ label: 'contact', id: 12 }` */
	entity?: { label: string; id?: string | number };
	/**
	 * Set when the answer was lost after Mautic may have applied the request and it was not sent
	 * again: why not (e.g. "it would add the points twice").
	 */
	mayHaveBeenApplied?: string;
}

export interface FailureDescription {
	message: string;
	description: string;
}

const NETWORK_HINTS: Record<string, string> = {
	ECONNREFUSED: 'the server refused the connection (is the Base URL right and the server up?)',
	ENOTFOUND: 'the host name does not exist (check the Base URL)',
	EAI_AGAIN: 'the host name could not be resolved right now (DNS problem)',
	ETIMEDOUT: 'the connection timed out',
	ECONNABORTED: 'the request timed out before Mautic answered',
	ECONNRESET: 'the connection was closed before Mautic answered',
	EPIPE: 'the connection was closed while sending',
	CERT_HAS_EXPIRED: 'the server certificate has expired',
	DEPTH_ZERO_SELF_SIGNED_CERT: 'the server uses a self-signed certificate',
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server certificate could not be verified',
};

function entryMessages(entries: MauticErrorEntry[]): string {
	return entries
		.map((entry) => entry.message)
		.filter((message): message is string => typeof message === 'string' && message !== '')
		.join('; ');
}

/** `details` of a validation error is `{"field":["msg", …]}`; list it field by field. */
function fieldDetails(entries: MauticErrorEntry[]): string[] {
	const lines: string[] = [];
	for (const entry of entries) {
		if (!entry.details || typeof entry.details !== 'object' || Array.isArray(entry.details))
			continue;
		for (const [field, messages] of Object.entries(entry.details as IDataObject)) {
			const text = Array.isArray(messages) ? messages.join(' ') : String(messages);
			lines.push(`Field "${field}": ${text}`);
		}
	}
	return lines;
}

function looksLikeHtml(body: unknown): boolean {
	return typeof body === 'string' && /^\s*<(!doctype|html|head|body|\?xml)/i.test(body);
}

function subjectName(subject: RequestSubject): string {
	const entity = subject.entity;
	if (!entity) return 'item';
	return entity.id !== undefined && entity.id !== ''
		? `${entity.label} ${entity.id}`
		: entity.label;
}

/** Turns a failed exchange with Mautic into a message a marketer can act on. */
export function describeFailure(
	failure: MauticFailure,
	subject: RequestSubject,
	auth: AuthenticationMethod,
): FailureDescription {
	const described = describeOutcome(failure, subject, auth);
	const notes: string[] = [];
	if ((failure.attempts ?? 1) > 1)
		notes.push(`Sent ${failure.attempts} times (retries) before giving up.`);
	if (subject.mayHaveBeenApplied) {
		notes.push(
			`Mautic may have applied this request before its answer was lost. It was not sent again: ${subject.mayHaveBeenApplied}. Check ${subjectName(subject) === 'item' ? 'the data' : `the ${subjectName(subject)}`} in Mautic before running this item again.`,
		);
	}
	if (notes.length === 0) return described;
	return {
		message: described.message,
		description: [described.description, ...notes].filter(Boolean).join('\n'),
	};
}

function describeOutcome(
	failure: MauticFailure,
	subject: RequestSubject,
	auth: AuthenticationMethod,
): FailureDescription {
	const route = `${subject.method} /api${subject.path}`;
	if (failure.status === undefined) {
		const code = failure.networkCode;
		const hint = (code && NETWORK_HINTS[code]) ?? failure.networkMessage ?? 'no answer arrived';
		return {
			message: `Could not reach Mautic: ${hint}${code ? ` (${code})` : ''}`,
			description: `${route} failed before any answer arrived${code ? ` (${code})` : ''}.`,
		};
	}
	// n8n reports a refused OAuth2 token renewal with the token endpoint's status alone.
	if (
		auth === 'oAuth2' &&
		failure.statusWithoutResponse &&
		(failure.status === 400 || failure.status === 401)
	) {
		return {
			message: 'The OAuth2 credential could not renew its access token: reconnect it',
			description: `Mautic refused the refresh token (HTTP ${failure.status} from its token endpoint), so ${route} was not sent. Refresh tokens expire after 14 days without use by default (api_oauth2_refresh_token_lifetime), or were revoked. Open the credential in n8n and click "Reconnect".`,
		};
	}

	const status = failure.status;
	const entries = mauticErrorEntries(failure.body);
	const mauticSays = entryMessages(entries);
	const type = entries.find((entry) => typeof entry.type === 'string')?.type ?? undefined;
	const said = mauticSays ? `Mautic says: "${mauticSays}". ` : '';

	if (looksLikeHtml(failure.body)) {
		return {
			message: `Mautic answered with a web page instead of API data (HTTP ${status})`,
			description: `${route} returned HTML. Check the credential's Base URL: it must be the address of the Mautic instance itself, e.g. https://youraccount.maatoo.io.`,
		};
	}

	if (status === 403 && (type === 'api_disabled' || /API disabled/i.test(mauticSays))) {
		return {
			message: 'The Mautic API is disabled on this instance',
			description: `${said}An administrator enables it in Mautic: Settings → Configuration → API Settings → "API enabled?" = Yes.`,
		};
	}
	if (status === 403 && /basic auth disabled/i.test(mauticSays)) {
		return {
			message: 'HTTP basic auth is disabled on this Mautic instance',
			description: `${said}An administrator enables it in Settings → Configuration → API Settings → "Enable HTTP basic auth?" = Yes, or use the OAuth2 credential instead.`,
		};
	}
	if (status === 401) {
		const fix =
			auth === 'oAuth2'
				? 'The access token was rejected and could not be renewed: reconnect the OAuth2 credential (Mautic refresh tokens expire after 14 days by default).'
				: 'Check the username and password of the credential; the user must be able to log in to Mautic.';
		return { message: 'Mautic rejected the credentials (401)', description: `${said}${fix}` };
	}
	if (status === 403) {
		return {
			message: `Mautic denied access to ${subjectName(subject)} (403)`,
			description: `${said}The Mautic user behind the credential lacks the permission for ${route}. For segments: a user may change only segments that are published and either global or created by that user.`,
		};
	}
	if (status === 404) {
		// Mautic's router answers an unknown route with "Requested URL not found: …" (5.x) or
		// "No route found for …" (older): a missing route, not a missing record.
		const routeMissing = /requested url not found|no route found/i.test(mauticSays);
		const entityMissing =
			!routeMissing && /not (be )?found/i.test(mauticSays) && subject.entity?.id !== undefined;
		if (entityMissing) {
			return {
				message: `The ${subjectName(subject)} does not exist`,
				description: `${said}${route} answered 404.`,
			};
		}
		return {
			message: `Mautic has no API route ${route} (404)`,
			description: `${said}Check the Base URL of the credential, and that this Mautic version offers the endpoint.`,
		};
	}
	if (status === 400 || status === 422) {
		const fields = fieldDetails(entries);
		return {
			message: `Mautic rejected the data: ${mauticSays || `HTTP ${status}`}`,
			description: [...fields, `${route} answered ${status}.`].join('\n'),
		};
	}
	if (status === 429) {
		return {
			message: 'Mautic is rate limiting requests (429)',
			description: `${said}Lower the request rate or raise Max Retries; ${route} was not completed.`,
		};
	}
	if (status === 500 && /max of \d+ entities/i.test(mauticSays)) {
		return {
			message: `Batch too large: ${mauticSays}`,
			description:
				'This Mautic instance accepts fewer entities per batch call (its api_batch_max_limit). Lower the Batch Size option of the node.',
		};
	}
	if (status >= 500) {
		return {
			message: `Mautic had an internal error (HTTP ${status})`,
			description: `${said}${route} failed on the server. Mautic's log (var/logs) has the cause.`,
		};
	}
	if (failure.body === undefined) {
		return {
			message: `Mautic answered HTTP ${status} with an empty body`,
			description: `${route} returned no data.`,
		};
	}
	return {
		message: mauticSays ? `Mautic error: ${mauticSays}` : `Mautic answered HTTP ${status}`,
		description: `${route} answered ${status}.`,
	};
}
