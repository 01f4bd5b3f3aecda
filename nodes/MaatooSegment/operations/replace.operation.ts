import { segmentEditOperation } from '../builders/segmentEditOperation';
import { additionalFieldsProperty, nameProperty } from '../segmentData';
import { filterProperties } from '../segmentFilters';

export const replaceOperation = segmentEditOperation({
	value: 'replace',
	name: 'Create or Replace',
	action: 'Create or replace a segment',
	description:
		'Replace a segment whole (fields and filters not given are reset); creates it when missing',
	method: 'PUT',
	kind: 'replace',
	properties: [nameProperty, ...filterProperties({ keepOption: false }), additionalFieldsProperty],
});
