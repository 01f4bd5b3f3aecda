import { insightWriteOperation } from '../builders/insightWriteOperation';

export const createOperation = insightWriteOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a point insight',
	description:
		'Create an insight that writes the strongest of several point groups into a text field',
	method: 'POST',
});
