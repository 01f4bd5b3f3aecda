import type { IHttpRequestMethods, INodeProperties } from 'n8n-workflow';
import { resolveSegmentId, segmentLocator } from '../../shared/descriptions/segmentLocator';
import type { Operation } from '../../shared/engine';
import { PUT_NOT_REPEATED, whenRecordExists, type MauticRequest } from '../../shared/transport';
import {
	additionalFieldsProperty,
	nameProperty,
	segmentOf,
	segmentPayload,
	updateFieldsProperty,
} from '../segmentData';
import { filterProperties } from '../segmentFilters';

/**
 * Update (PATCH: only what is given changes, a missing segment fails) and Create or Replace (PUT:
 * everything not given is reset, a missing segment is created under a new ID).
 */
function segmentEditOperation(spec: {
	value: string;
	name: string;
	action: string;
	description: string;
	method: IHttpRequestMethods;
	kind: 'update' | 'replace';
	properties: INodeProperties[];
}): Operation {
	return {
		value: spec.value,
		name: spec.name,
		action: spec.action,
		description: spec.description,
		properties: [segmentLocator(), ...spec.properties],
		async request(ctx, itemIndex) {
			const id = await resolveSegmentId(ctx, itemIndex);
			const request: MauticRequest = {
				method: spec.method,
				path: `/segments/${id}/edit`,
				body: await segmentPayload(ctx, itemIndex, spec.kind),
				entity: { label: 'segment', id },
			};
			if (spec.method === 'PUT') {
				request.repeatableIf = whenRecordExists(ctx, `/segments/${id}`);
				request.notRepeatedBecause = PUT_NOT_REPEATED;
			}
			return request;
		},
		output: (response) => segmentOf(response.body),
	};
}

export const updateOperation = segmentEditOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a segment',
	description: 'Change the given fields of an existing segment; fails when it does not exist',
	method: 'PATCH',
	kind: 'update',
	properties: [updateFieldsProperty, ...filterProperties({ keepOption: true })],
});

export const replaceOperation = segmentEditOperation({
	value: 'replace',
	name: 'Create or Replace',
	action: 'Create or replace a segment',
	description: 'Replace a segment whole (fields and filters not given are reset); creates it when missing',
	method: 'PUT',
	kind: 'replace',
	properties: [nameProperty, ...filterProperties({ keepOption: false }), additionalFieldsProperty],
});
