import { entityLocator } from './entityLocator';

/** Point groups: used by the Point Group node and the Contact node's group scores. */
export const pointGroupLocatorSpec = entityLocator({
	displayName: 'Point Group',
	name: 'pointGroupId',
	noun: 'point group',
	searchListMethod: 'searchPointGroups',
	exampleId: 3,
	uiPath: 's/points/groups',
	uiAction: 'edit',
});

export const pointGroupLocator = pointGroupLocatorSpec.property;

/** The checked point group ID of the `pointGroupId` parameter. */
export const pointGroupIdOf = pointGroupLocatorSpec.idOf;
