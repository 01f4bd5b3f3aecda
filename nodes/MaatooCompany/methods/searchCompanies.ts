import type { IDataObject } from 'n8n-workflow';
import { entityListSearch } from '../../shared/entities/entity';
import { companyEntity } from '../companyEntity';

/** Resource-locator search: companies whose name (or email, city, website) matches, by name, 50 at a time. */
export const searchCompanies = entityListSearch(companyEntity, {
	orderBy: 'companyname',
	orderByDir: 'ASC',
	name: (company) =>
		String(
			((company.fields as IDataObject | undefined)?.all as IDataObject | undefined)?.companyname ??
				`Company ${company.id}`,
		),
});
