import { contactEditOperation } from '../builders/contactEditOperation';

export const replaceOperation = contactEditOperation({
	value: 'replace',
	name: 'Create or Replace',
	action: 'Create or replace a contact',
	description:
		'Replace all fields of a contact (fields not given are cleared); creates it when missing',
	method: 'PUT',
});
