import { contactListOperation } from '../builders/contactListOperation';

export const getContactSegmentsOperation = contactListOperation({
	value: 'getSegments',
	name: 'Get Segments',
	what: 'segments',
	path: 'segments',
	key: 'lists',
	paged: false,
});
