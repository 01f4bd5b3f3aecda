import { entityLocator } from '../shared/locators/entityLocator';

// No URL mode: the address of insight pages in Mautic 7's UI is not confirmed.
const pointInsight = entityLocator({
	displayName: 'Point Insight',
	name: 'pointInsightId',
	noun: 'point insight',
	searchListMethod: 'searchPointInsights',
	exampleId: 12,
});

export const pointInsightLocator = pointInsight.property();

export const pointInsightIdOf = pointInsight.idOf;
