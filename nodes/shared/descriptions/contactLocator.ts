import type { INodeProperties } from 'n8n-workflow';

/** Contact IDs as a resource locator: pick from a search, type an ID or email, or paste a UI link. */
export function contactLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Contact',
		name: 'contactId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The contact to work on',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchContacts', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 42',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A contact ID is a whole number' },
					},
				],
			},
			{
				displayName: 'By Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. jane@example.com',
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://youraccount.maatoo.io/s/contacts/view/42',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '.*/s/contacts/view/\\d+.*',
							errorMessage: 'Paste the address of a contact page in Mautic (…/s/contacts/view/42)',
						},
					},
				],
			},
		],
		...overrides,
	} as INodeProperties;
}
