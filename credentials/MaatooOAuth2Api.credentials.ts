import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { instanceRootExpression } from './baseUrlExpression';

const instanceRoot = instanceRootExpression('$self["url"]');

/**
 * OAuth2 against Mautic's own authorization server. Client credentials are sent in the request
 * body because Mautic's token endpoint reads them there first.
 */
export class MaatooOAuth2Api implements ICredentialType {
	name = 'maatooOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Maatoo OAuth2 API';

	icon: Icon = { light: 'file:../icons/maatoo.svg', dark: 'file:../icons/maatoo.dark.svg' };

	documentationUrl = 'https://github.com/maatoo-io/n8n-nodes-maatoo#oauth2';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://youraccount.maatoo.io',
			description:
				'Address of your maatoo account or Mautic instance, with or without a trailing slash or /api; no user name, password, query or # in it',
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			options: [
				{
					name: 'Authorization Code',
					value: 'authorizationCode',
					description: 'A Mautic user approves access in the browser (recommended)',
				},
				{
					name: 'Client Credentials',
					value: 'clientCredentials',
					description:
						'Server to server; Mautic offers it only for API credentials created by an administrator',
				},
			],
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{${instanceRoot}}}/oauth/v2/authorize`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{${instanceRoot}}}/oauth/v2/token`,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{${instanceRootExpression('$credentials.url')}}}`,
			url: '/api/users/self',
			method: 'GET',
		},
	};
}
