import type { Entity } from '../shared/entities/entity';
import { pointGroupLocatorSpec } from '../shared/locators/pointGroupLocator';

/** Point groups (Mautic 5.1+): `/api/points/groups`, `{"pointGroup": …}` / `{"pointGroups": …}`. */
export const pointGroupEntity: Entity = {
	path: '/points/groups',
	key: 'pointGroup',
	listKey: 'pointGroups',
	label: 'point group',
	pluralLabel: 'point groups',
	locator: pointGroupLocatorSpec,
	uiPath: 's/points/groups',
};
