/**
 * The instance root from a Base URL as users paste it: `https://x.maatoo.io`, `https://x.maatoo.io/`,
 * `https://x.maatoo.io/api` and `https://x.maatoo.io/api/` all mean the same instance.
 * credentials/baseUrlExpression.ts writes the same rule as an n8n expression.
 */
export function instanceRoot(baseUrl: string): string {
	return baseUrl.trim().replace(/\/+$/, '').replace(/\/api$/i, '');
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
 * Why a Base URL cannot be used, or undefined when it can. Never repeats the URL: it may hold a
 * password. A user and password in it would travel into every link we build (list-search
 * results are saved in the workflow), and a query or `#` would send every request to the wrong
 * path. credentials/baseUrlExpression.ts refuses the same forms.
 */
export function baseUrlProblem(url: string): string | undefined {
	if (!isHttpUrl(url)) return 'The credential\'s Base URL is not an http(s) address';
	if (/^\s*https?:\/\/[^/?#]*@/i.test(url)) {
		return "The credential's Base URL contains a user name or password: enter them in the credential's own fields, not in the address";
	}
	if (/[?#]/.test(url)) return "The credential's Base URL contains a query (?) or fragment (#): use the bare address of the instance";
	return undefined;
}

/** Host (and port) of a URL, lower-cased; undefined when it does not parse. */
export function hostOf(url: string): string | undefined {
	try {
		return new URL(url.trim()).host.toLowerCase();
	} catch {
		return undefined;
	}
}
