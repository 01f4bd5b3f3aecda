import { request } from 'undici';
import type { IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';
import { ADMIN } from './maatooRun';

/** Nested query values as n8n sends them (`arrayFormat: 'indices'`): `where[0][col]=…`. */
function flatQuery(value: unknown, prefix = ''): Array<[string, string]> {
	if (value === null || value === undefined) return [];
	if (typeof value !== 'object') return [[prefix, String(value)]];
	return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
		flatQuery(inner, prefix ? `${prefix}[${key}]` : key),
	);
}

/**
 * A minimal load-options context (list searches, dropdown loaders) that talks to the fake
 * Mautic at `url` as admin.
 */
export function loadOptionsContext(url: string, nodeType: string): ILoadOptionsFunctions {
	const authorization = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;
	const context = {
		getNode: () => ({
			id: 'lo',
			name: 'Maatoo',
			type: `n8n-nodes-maatoo.${nodeType}`,
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
		getNodeParameter: (name: string, fallback?: unknown) =>
			name === 'authentication' ? 'basicAuth' : fallback,
		getCredentials: async () => ({ url, ...ADMIN }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				const query = new URLSearchParams(flatQuery(options.qs ?? {})).toString();
				const response = await request(`${options.url}${query ? `?${query}` : ''}`, {
					method: options.method as 'GET',
					headers: { ...(options.headers as Record<string, string>), authorization },
					body: options.body as string | undefined,
				});
				return {
					statusCode: response.statusCode,
					body: await response.body.text(),
					headers: response.headers,
				};
			},
		},
	};
	return context as unknown as ILoadOptionsFunctions;
}
