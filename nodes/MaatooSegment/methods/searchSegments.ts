import { entityListSearch } from '../../shared/entities/entity';
import { segmentEntity } from '../segmentEntity';

/** Resource-locator search: segments whose name or alias matches the typed text, by name, 50 at a time. */
export const searchSegments = entityListSearch(segmentEntity, {
	orderBy: 'name',
	orderByDir: 'ASC',
	name: (segment) =>
		`${String(segment.name ?? `Segment ${segment.id}`)}${segment.isPublished === false ? ' [unpublished]' : ''}`,
});
