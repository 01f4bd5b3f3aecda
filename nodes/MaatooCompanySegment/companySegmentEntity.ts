import type { Entity } from '../shared/entities/entity';
import { companySegmentLocatorSpec } from './descriptions/companySegmentLocator';

/** Company segments (Mautic 7.2+): `/api/companysegments`, `{"companysegment": …}` / `{"companysegments": …}`. */
export const companySegmentEntity: Entity = {
	path: '/companysegments',
	key: 'companysegment',
	listKey: 'companysegments',
	label: 'company segment',
	pluralLabel: 'company segments',
	locator: companySegmentLocatorSpec,
	uiPath: 's/company-segments',
};
