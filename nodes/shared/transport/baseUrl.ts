/**
 * The instance root from a Base URL as users paste it: `https://x.maatoo.io`, `https://x.maatoo.io/`,
 * `https://x.maatoo.io/api` and `https://x.maatoo.io/api/` all mean the same instance.
 * credentials/baseUrlExpression.ts writes the same rule as an n8n expression.
 */
export function instanceRoot(baseUrl: string): string {
	return baseUrl
		.trim()
		.replace(/\/+$/, '')
		.replace(/\/api$/i, '');
}

/** Full URL of an API path such as `/contacts/12` (always under the `/api` prefix). */
export function apiUrl(baseUrl: string, path: string): string {
	const normalisedPath = path.startsWith('/') ? path : `/${path}`;
	return `${instanceRoot(baseUrl)}/api${normalisedPath}`;
}

export function isHttpUrl(value: string): boolean {
	return /^https?:\/\/[^\s/]+/i.test(value.trim());
}

/**
 * The only Base URLs we accept: http(s), a host (and port) with no user, password or backslash,
 * an optional path, no query and no `#`. A user and password would travel into every link we
 * build (list-search results are saved in the workflow) and, in forms URL parsers read loosely
 * (`https:\\user:pw@host`), into the credential test; a query or `#` would send every request to
 * the wrong path. credentials/baseUrlExpression.ts tests the same pattern.
 */
export const ACCEPTED_BASE_URL_SOURCE = '^\\s*https?://[^/\\\\?#@\\s]+(/[^?#\\\\\\s]*)?\\s*$';
const ACCEPTED_BASE_URL = new RegExp(ACCEPTED_BASE_URL_SOURCE, 'i');

/** Why a Base URL cannot be used, or undefined when it can. Never repeats the URL: it may hold a password. */
export function baseUrlProblem(url: string): string | undefined {
	if (ACCEPTED_BASE_URL.test(url)) return undefined;
	if (/^[^?#]*@/.test(url)) {
		return "The credential's Base URL contains a user name or password: enter them in the credential's own fields, not in the address";
	}
	if (/[?#]/.test(url))
		return "The credential's Base URL contains a query (?) or fragment (#): use the bare address of the instance";
	return "The credential's Base URL is not an http(s) address of the form https://youraccount.maatoo.io";
}

/** Host (and port) of a URL, lower-cased; undefined when it does not parse. */
export function hostOf(url: string): string | undefined {
	try {
		return new URL(url.trim()).host.toLowerCase();
	} catch {
		return undefined;
	}
}
