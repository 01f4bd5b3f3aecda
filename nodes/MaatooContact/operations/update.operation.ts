import { contactEditOperation } from '../builders/contactEditOperation';

export const updateOperation = contactEditOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a contact',
	description: 'Change the given fields of an existing contact; fails when it does not exist',
	method: 'PATCH',
});
