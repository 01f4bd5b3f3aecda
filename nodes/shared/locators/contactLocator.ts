import { entityLocator } from './entityLocator';

/** Contacts: pick from a search, type an ID or an email, or paste a link to the contact in Mautic. */
export const contactLocatorSpec = entityLocator({
	displayName: 'Contact',
	name: 'contactId',
	noun: 'contact',
	searchListMethod: 'searchContacts',
	exampleId: 42,
	uiPath: 's/contacts',
	description: 'The contact to work on',
	extraModes: [
		// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- a locator mode, not a parameter: modes have no default
		{
			displayName: 'By Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. jane@example.com',
		},
	],
});

export const contactLocator = contactLocatorSpec.property;
