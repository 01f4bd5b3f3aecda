import { entityLocator } from '../../shared/locators/entityLocator';

export const segmentLocatorSpec = entityLocator({
	displayName: 'Segment',
	name: 'segmentId',
	noun: 'segment',
	searchListMethod: 'searchSegments',
	exampleId: 5,
	uiPath: 's/segments',
	description: 'The segment to work on',
});

/** Segment IDs as a resource locator: pick from a search, type the ID, or paste a UI link. */
export const segmentLocator = segmentLocatorSpec.property;

/** The checked segment ID of the Segment parameter. */
export const resolveSegmentId = segmentLocatorSpec.idOf;
