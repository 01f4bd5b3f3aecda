import { companyEditOperation } from '../builders/companyEditOperation';

export const replaceOperation = companyEditOperation({
	value: 'replace',
	name: 'Create or Replace',
	action: 'Create or replace a company',
	description:
		'Replace all fields of a company (fields not given are cleared); creates it under a new ID when the ID does not exist',
	method: 'PUT',
});
