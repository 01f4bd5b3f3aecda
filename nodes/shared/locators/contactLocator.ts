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
	emailMode: true,
});

export const contactLocator = contactLocatorSpec.property;
