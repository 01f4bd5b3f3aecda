import { insightWriteOperation } from '../builders/insightWriteOperation';

export const replaceOperation = insightWriteOperation({
	value: 'replace',
	name: 'Create or Replace',
	action: 'Create or replace a point insight',
	description:
		'Replace every field of an insight (a description not given is cleared); creates it when the ID is missing',
	method: 'PUT',
});
