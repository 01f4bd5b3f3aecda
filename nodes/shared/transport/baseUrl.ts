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
