import type { Entity } from '../shared/entities/entity';
import { companyLocatorSpec } from './descriptions/companyLocator';

/** Companies: `/api/companies`, `{"company": …}` / `{"companies": {id: …}}`. */
export const companyEntity: Entity = {
	path: '/companies',
	key: 'company',
	listKey: 'companies',
	label: 'company',
	pluralLabel: 'companies',
	locator: companyLocatorSpec,
	uiPath: 's/companies',
};
