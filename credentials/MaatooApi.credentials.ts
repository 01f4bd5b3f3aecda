import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import { instanceRootExpression } from './baseUrlExpression';

/** Basic auth with a Mautic user: needs "Enable HTTP basic auth" in Mautic's API settings. */
export class MaatooApi implements ICredentialType {
	name = 'maatooApi';

	displayName = 'Maatoo API';

	icon: Icon = { light: 'file:../icons/maatoo.svg', dark: 'file:../icons/maatoo.dark.svg' };

	documentationUrl = 'https://github.com/maatoo-io/n8n-nodes-maatoo#credentials';

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
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.username}}',
				password: '={{$credentials.password}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{${instanceRootExpression('$credentials.url')}}}`,
			url: '/api/users/self',
			method: 'GET',
		},
	};
}
