import { entityListSearch, type Entity } from '../shared/entities/entity';
import { entityLocator } from '../shared/locators/entityLocator';

export const reportLocatorSpec = entityLocator({
	displayName: 'Report',
	name: 'reportId',
	noun: 'report',
	searchListMethod: 'searchReports',
	exampleId: 4,
	uiPath: 's/reports',
	description: 'The report to run',
});

/** Reports: `/api/reports`, listed as a JSON array; `GET /reports/{id}` runs one. */
export const reportEntity: Entity = {
	path: '/reports',
	key: 'report',
	listKey: 'reports',
	label: 'report',
	pluralLabel: 'reports',
	locator: reportLocatorSpec,
	uiPath: 's/reports',
};

/** Resource-locator search: reports whose name matches, alphabetically, with their source. */
export const searchReports = entityListSearch(reportEntity, {
	orderBy: 'name',
	orderByDir: 'ASC',
	name: (report) =>
		`${String(report.name ?? `Report ${report.id}`)} (${String(report.source ?? '')})`,
});
