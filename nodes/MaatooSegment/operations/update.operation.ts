import { segmentEditOperation } from '../builders/segmentEditOperation';
import { updateFieldsProperty } from '../segmentData';
import { filterProperties } from '../segmentFilters';

export const updateOperation = segmentEditOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a segment',
	description: 'Change the given fields of an existing segment; fails when it does not exist',
	method: 'PATCH',
	kind: 'update',
	properties: [updateFieldsProperty, ...filterProperties({ keepOption: true })],
});
