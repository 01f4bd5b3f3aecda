import type {
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import type { AuthenticationMethod } from './describeFailure';

/** Every n8n context our nodes send requests from. */
export type MauticContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

export const CREDENTIAL_TYPE: Record<AuthenticationMethod, string> = {
	basicAuth: 'maatooApi',
	oAuth2: 'maatooOAuth2Api',
};

function isExecuteContext(context: MauticContext): context is IExecuteFunctions {
	return typeof (context as IExecuteFunctions).getInputData === 'function';
}

/** The node's `authentication` parameter, read the way each context type allows. */
export function authenticationOf(context: MauticContext): AuthenticationMethod {
	const value = isExecuteContext(context)
		? context.getNodeParameter('authentication', 0, 'basicAuth')
		: (context as ILoadOptionsFunctions).getNodeParameter('authentication', 'basicAuth');
	return value === 'oAuth2' ? 'oAuth2' : 'basicAuth';
}
