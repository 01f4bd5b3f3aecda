import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { mauticRequest } from '../transport';

/** Users a contact or company can be assigned to (`/contacts/list/owners` answers a plain array). */
export async function getOwners(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const response = await mauticRequest(this, {
		method: 'GET',
		path: '/contacts/list/owners',
		qs: { limit: 1000 },
	});
	const owners = Array.isArray(response.body) ? (response.body as IDataObject[]) : [];
	return owners
		.map((owner) => ({
			name: [owner.firstName, owner.lastName].filter(Boolean).join(' ') || `User ${owner.id}`,
			value: String(owner.id),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
