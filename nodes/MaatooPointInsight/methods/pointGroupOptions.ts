import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { pointGroupCatalog } from '../pointGroupCatalog';

/** The instance's point groups, for a multi-select. */
export async function getPointGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const groups = [...(await pointGroupCatalog(this)).values()];
	return groups
		.map((group) => ({ name: `${group.name} (#${group.id})`, value: String(group.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
