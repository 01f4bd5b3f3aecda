import { entityLocator } from '../shared/locators/entityLocator';

// No URL mode: the address of insight pages in Mautic 7's UI is not confirmed.
export const pointInsightLocatorSpec = entityLocator({
	displayName: 'Point Insight',
	name: 'pointInsightId',
	noun: 'point insight',
	searchListMethod: 'searchPointInsights',
	exampleId: 12,
});

export const pointInsightLocator = pointInsightLocatorSpec.property();

export const pointInsightIdOf = pointInsightLocatorSpec.idOf;
