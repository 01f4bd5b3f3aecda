import type { IDataObject } from 'n8n-workflow';
import type { Operation } from '../../shared/engine';

export const getFieldsOperation: Operation = {
	value: 'getFields',
	name: 'Get Fields',
	action: 'Get the contact fields of the instance',
	description: 'One item per contact field: alias, label, type, group and options',
	properties: [],
	request: () => ({ method: 'GET', path: '/contacts/list/fields' }),
	output: (response) => {
		const body = response.body;
		return (
			Array.isArray(body) ? body : Object.values((body ?? {}) as IDataObject)
		) as IDataObject[];
	},
};
