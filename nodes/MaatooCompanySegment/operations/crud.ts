import {
	createOperation as entityCreate,
	deleteOperation as entityDelete,
	editOperation,
	getManyOperation,
	getOperation as entityGet,
} from '../../shared/entities/entity';
import { companySegmentEntity } from '../companySegmentEntity';
import {
	additionalFieldsProperty,
	companySegmentPayload,
	nameProperty,
	updateFieldsProperty,
} from '../companySegmentData';
import { gated } from '../gated';

export const createOperation = gated(
	entityCreate(companySegmentEntity, {
		description: 'Create a company segment, with filters on company fields as JSON',
		properties: [nameProperty, additionalFieldsProperty],
		body: (ctx, itemIndex) => companySegmentPayload(ctx, itemIndex, 'create'),
	}),
);

export const getOperation = gated(entityGet(companySegmentEntity));

export const getAllOperation = gated(
	getManyOperation(companySegmentEntity, {
		description: 'List company segments, optionally searched',
		searchMatches: 'name, alias or description',
		searchPlaceholder: 'e.g. key accounts',
		publishedOnly: true,
		pageSize: true,
	}),
);

export const updateOperation = gated(
	editOperation(companySegmentEntity, {
		value: 'update',
		name: 'Update',
		action: 'Update a company segment',
		description: 'Change the given fields of a company segment; fails when it does not exist',
		method: 'PATCH',
		properties: [updateFieldsProperty],
		body: (ctx, itemIndex) => companySegmentPayload(ctx, itemIndex, 'update'),
	}),
);

export const replaceOperation = gated(
	editOperation(companySegmentEntity, {
		value: 'replace',
		name: 'Create or Replace',
		action: 'Create or replace a company segment',
		description:
			'Replace all fields of a company segment (fields not given are reset); creates it under a new ID when the ID does not exist',
		method: 'PUT',
		properties: [nameProperty, additionalFieldsProperty],
		body: (ctx, itemIndex) => companySegmentPayload(ctx, itemIndex, 'replace'),
	}),
);

export const deleteOperation = gated(
	entityDelete(
		companySegmentEntity,
		'Delete a company segment; Mautic refuses (409) while other segments filter on it',
	),
);
