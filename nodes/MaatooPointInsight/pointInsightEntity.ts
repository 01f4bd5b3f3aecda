import type { Entity } from '../shared/entities/entity';
import { pointInsightLocatorSpec } from './pointInsightLocator';

/** Point insights (Mautic 7+): `/api/points/insights`, `{"insight": …}` / `{"insights": …}`. */
export const pointInsightEntity: Entity = {
	path: '/points/insights',
	key: 'insight',
	listKey: 'insights',
	label: 'point insight',
	pluralLabel: 'point insights',
	locator: pointInsightLocatorSpec,
};
