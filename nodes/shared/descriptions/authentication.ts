import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** Values are stored in saved workflows: keep them. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Basic Auth', value: 'basicAuth' },
		{ name: 'OAuth2', value: 'oAuth2' },
	],
	default: 'basicAuth',
};

export const maatooCredentials: INodeCredentialDescription[] = [
	{
		name: 'maatooApi',
		required: true,
		displayOptions: { show: { authentication: ['basicAuth'] } },
	},
	{
		name: 'maatooOAuth2Api',
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
];
