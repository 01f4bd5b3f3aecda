import type { IDataObject } from 'n8n-workflow';
import type { Operation } from '../../shared/engine';

export const getOwnersOperation: Operation = {
	value: 'getOwners',
	name: 'Get Owners',
	action: 'Get the users contacts can be assigned to',
	description: 'One item per Mautic user that can own contacts',
	properties: [],
	request: () => ({ method: 'GET', path: '/contacts/list/owners', qs: { limit: 1000 } }),
	output: (response) => (Array.isArray(response.body) ? (response.body as IDataObject[]) : []),
};
