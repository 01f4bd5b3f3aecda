import { entityLocator } from '../../shared/locators/entityLocator';

export const companySegmentLocatorSpec = entityLocator({
	displayName: 'Company Segment',
	name: 'companySegmentId',
	noun: 'company segment',
	searchListMethod: 'searchCompanySegments',
	exampleId: 3,
	uiPath: 's/company-segments',
	description: 'The company segment to work on',
});

export const companySegmentLocator = companySegmentLocatorSpec.property;
export const resolveCompanySegmentId = companySegmentLocatorSpec.idOf;
