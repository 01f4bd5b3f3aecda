import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

export interface CannedResponse {
	status?: number;
	body?: unknown;
	/** Sent as-is instead of JSON.stringify(body). */
	raw?: string;
	headers?: Record<string, string>;
	/** Throw like axios does for a connection failure. */
	networkCode?: string;
}

export interface StubContext {
	ctx: IExecuteFunctions;
	calls: IHttpRequestOptions[];
}

const NODE: INode = {
	id: 'stub-node',
	name: 'Maatoo Stub',
	type: 'n8n-nodes-maatoo.maatooContact',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/**
 * A minimal execute context for unit tests of the transport and engine: answers requests from
 * a script instead of the network, and throws like n8n's helpers do (axios error shape).
 */
export function stubContext(
	respond: (options: IHttpRequestOptions, callIndex: number) => CannedResponse,
	parameters: IDataObject = {},
	options: {
		itemCount?: number;
		continueOnFail?: boolean;
		url?: string;
		authentication?: 'basicAuth' | 'oAuth2';
	} = {},
): StubContext {
	const calls: IHttpRequestOptions[] = [];
	const ctx = {
		getNode: () => NODE,
		getInputData: () => Array.from({ length: options.itemCount ?? 1 }, () => ({ json: {} })),
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) =>
			name === 'authentication'
				? (options.authentication ?? 'basicAuth')
				: name in parameters
					? parameters[name]
					: fallback,
		getCredentials: async () => ({
			url: options.url ?? 'https://demo.maatoo.io/api/',
			username: 'u',
			password: 'p',
		}),
		continueOnFail: () => options.continueOnFail ?? false,
		helpers: {
			httpRequestWithAuthentication: async (_type: string, requestOptions: IHttpRequestOptions) => {
				const answer = respond(requestOptions, calls.length);
				calls.push(requestOptions);
				if (answer.networkCode) {
					throw Object.assign(new Error(`connect ${answer.networkCode}`), {
						code: answer.networkCode,
					});
				}
				const status = answer.status ?? 200;
				const text = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
				const headers = { 'mautic-version': '5.1.1', ...answer.headers };
				if (status >= 400 && !requestOptions.ignoreHttpStatusErrors) {
					// What the OAuth2 path of n8n throws: the raw axios error, request config included.
					throw Object.assign(new Error(`Request failed with status code ${status}`), {
						isAxiosError: true,
						response: { status, data: text, headers },
						config: { headers: { Authorization: 'Bearer c2VjcmV0OnNlY3JldA==' } },
					});
				}
				return { statusCode: status, body: text, headers };
			},
		},
	};
	return { ctx: ctx as unknown as IExecuteFunctions, calls };
}
