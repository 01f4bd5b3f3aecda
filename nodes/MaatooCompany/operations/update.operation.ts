import { companyEditOperation } from '../builders/companyEditOperation';

export const updateOperation = companyEditOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a company',
	description: 'Change the given fields of an existing company; fails when it does not exist',
	method: 'PATCH',
});
