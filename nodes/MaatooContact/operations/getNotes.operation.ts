import { contactListOperation } from '../builders/contactListOperation';

/**
 * Newest first by note ID: Mautic's default order is the second a note was added, and ties
 * ordered differently per page would lose or repeat notes added in the same second.
 */
export const getNotesOperation = contactListOperation({
	value: 'getNotes',
	name: 'Get Notes',
	what: 'notes',
	path: 'notes',
	key: 'notes',
	paged: true,
	qs: { orderBy: 'n.id', orderByDir: 'DESC' },
});
