import type { Entity } from '../shared/entities/entity';
import { segmentLocatorSpec } from './descriptions/segmentLocator';

/** Segments (Mautic calls them lists): `/api/segments`, `{"list": …}` / `{"lists": …}`. */
export const segmentEntity: Entity = {
	path: '/segments',
	key: 'list',
	listKey: 'lists',
	label: 'segment',
	pluralLabel: 'segments',
	locator: segmentLocatorSpec,
	uiPath: 's/segments',
};
