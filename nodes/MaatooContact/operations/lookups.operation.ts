import type { IDataObject } from 'n8n-workflow';
import { contactLocator } from '../../shared/descriptions/contactLocator';
import { limitProperty, returnAllAndLimit, returnAllProperty } from '../../shared/descriptions/listParameters';
import { resolveContactId } from '../../shared/contacts/resolveContactId';
import { readList, rowsOfPage, type Operation } from '../../shared/engine';
import { mauticRequest } from '../../shared/transport';

/**
 * Read-only lists about one contact: `/contacts/{id}/<path>`, rows under `key`. Mautic answers
 * arrays for some and id-keyed objects for others; the engine's page reader handles both.
 */
function contactListOperation(spec: { value: string; name: string; what: string; path: string; key: string; paged: boolean }): Operation {
	return {
		value: spec.value,
		name: spec.name,
		action: `Get the ${spec.what} of a contact`,
		description: `One item per ${spec.what.replace(/s$/, '')} of the contact`,
		properties: spec.paged ? [contactLocator(), returnAllProperty, limitProperty] : [contactLocator()],
		async run(ctx, itemIndex) {
			const id = await resolveContactId(ctx, itemIndex);
			const path = `/contacts/${id}/${spec.path}`;
			if (spec.paged) {
				const { returnAll, limit } = returnAllAndLimit(ctx, itemIndex);
				return await readList(ctx, { path, key: spec.key, returnAll, limit, pageSize: 100 }, itemIndex);
			}
			const response = await mauticRequest(ctx, { method: 'GET', path, entity: { label: 'contact', id } }, itemIndex);
			return rowsOfPage(response, spec.key);
		},
	};
}

export const getNotesOperation = contactListOperation({ value: 'getNotes', name: 'Get Notes', what: 'notes', path: 'notes', key: 'notes', paged: true });
export const getContactSegmentsOperation = contactListOperation({ value: 'getSegments', name: 'Get Segments', what: 'segments', path: 'segments', key: 'lists', paged: false });
export const getCampaignsOperation = contactListOperation({ value: 'getCampaigns', name: 'Get Campaigns', what: 'campaigns', path: 'campaigns', key: 'campaigns', paged: false });
export const getCompaniesOperation = contactListOperation({ value: 'getCompanies', name: 'Get Companies', what: 'companies', path: 'companies', key: 'companies', paged: false });
export const getDevicesOperation = contactListOperation({ value: 'getDevices', name: 'Get Devices', what: 'devices', path: 'devices', key: 'devices', paged: true });

export const getOwnersOperation: Operation = {
	value: 'getOwners',
	name: 'Get Owners',
	action: 'Get the users contacts can be assigned to',
	description: 'One item per Mautic user that can own contacts',
	properties: [],
	request: () => ({ method: 'GET', path: '/contacts/list/owners', qs: { limit: 1000 } }),
	output: (response) => (Array.isArray(response.body) ? (response.body as IDataObject[]) : []),
};

export const getFieldsOperation: Operation = {
	value: 'getFields',
	name: 'Get Fields',
	action: 'Get the contact fields of the instance',
	description: 'One item per contact field: alias, label, type, group and options',
	properties: [],
	request: () => ({ method: 'GET', path: '/contacts/list/fields' }),
	output: (response) => {
		const body = response.body;
		return (Array.isArray(body) ? body : Object.values((body ?? {}) as IDataObject)) as IDataObject[];
	},
};
