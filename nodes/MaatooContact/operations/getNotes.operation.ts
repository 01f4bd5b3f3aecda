import { contactListOperation } from '../builders/contactListOperation';

export const getNotesOperation = contactListOperation({
	value: 'getNotes',
	name: 'Get Notes',
	what: 'notes',
	path: 'notes',
	key: 'notes',
	paged: true,
});
