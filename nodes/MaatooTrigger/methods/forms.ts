import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { readList } from '../../shared/engine/paginate';

/** The instance's forms for the form filter, by name (all of them: an instance has few). */
export async function getForms(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const forms = await readList(this, {
		path: '/forms',
		key: 'forms',
		qs: { minimal: 1, orderBy: 'name', orderByDir: 'ASC' },
		returnAll: true,
		limit: 0,
		pageSize: 500,
	});
	return forms.map((form) => ({
		name: `${String(form.name ?? `Form ${form.id}`)} (#${form.id})${form.isPublished === false ? ' [unpublished]' : ''}`,
		value: String(form.id),
	}));
}
