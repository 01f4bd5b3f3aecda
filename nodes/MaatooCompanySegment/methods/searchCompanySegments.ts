import type { ILoadOptionsFunctions } from 'n8n-workflow';
import { entityListSearch } from '../../shared/entities/entity';
import { withCompanySegmentsApi } from '../companySegmentsApi';
import { companySegmentEntity } from '../companySegmentEntity';

const search = entityListSearch(companySegmentEntity, {
	orderBy: 'name',
	orderByDir: 'ASC',
	name: (segment) =>
		`${String(segment.name ?? `Company segment ${segment.id}`)}${segment.isPublished === false ? ' [unpublished]' : ''}`,
});

/** Resource-locator search: company segments whose name or alias matches, by name, 50 at a time. */
export async function searchCompanySegments(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await withCompanySegmentsApi(
		this,
		undefined,
		async () => await search.call(this, filter, paginationToken),
	);
}
