import { entityListSearch } from '../../shared/entities/entity';
import { formEntity } from '../formEntity';

/** Resource-locator search: forms whose name or alias matches the typed text, by name, 50 at a time. */
export const searchForms = entityListSearch(formEntity, {
	orderBy: 'name',
	orderByDir: 'ASC',
	name: (form) =>
		`${String(form.name ?? `Form ${form.id}`)}${form.isPublished === false ? ' [unpublished]' : ''}`,
});
