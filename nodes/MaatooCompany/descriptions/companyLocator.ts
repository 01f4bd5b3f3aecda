import { entityLocator } from '../../shared/locators/entityLocator';

export const companyLocatorSpec = entityLocator({
	displayName: 'Company',
	name: 'companyId',
	noun: 'company',
	searchListMethod: 'searchCompanies',
	exampleId: 7,
	uiPath: 's/companies',
	description: 'The company to work on',
});

/** Company IDs as a resource locator: pick from a search, type the ID, or paste a link to its page. */
export const companyLocator = companyLocatorSpec.property;

/** The checked company ID of the Company parameter. */
export const resolveCompanyId = companyLocatorSpec.idOf;
