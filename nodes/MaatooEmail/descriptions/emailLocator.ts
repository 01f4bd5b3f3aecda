import { entityLocator } from '../../shared/locators/entityLocator';

export const emailLocatorSpec = entityLocator({
	displayName: 'Email',
	name: 'emailId',
	noun: 'email',
	searchListMethod: 'searchEmails',
	exampleId: 7,
	uiPath: 's/emails',
	description: 'The email to work on',
});

/** Email IDs as a resource locator: pick from a search, type the ID, or paste a UI link. */
export const emailLocator = emailLocatorSpec.property;

/** The checked email ID of the Email parameter. */
export const resolveEmailId = emailLocatorSpec.idOf;
