import type { IHttpRequestMethods, INodeProperties } from 'n8n-workflow';
import { resolveSegmentId, segmentLocator } from '../descriptions/segmentLocator';
import { recordInAnswer, type Operation } from '../../shared/engine';
import { PUT_NOT_REPEATED, whenRecordExists, type MauticRequest } from '../../shared/transport';
import { segmentPayload } from '../segmentData';

/**
 * Update (PATCH: only what is given changes, a missing segment fails) and Create or Replace (PUT:
 * everything not given is reset, a missing segment is created under a new ID).
 */
export function segmentEditOperation(spec: {
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
		output: (response, ctx, itemIndex) =>
			recordInAnswer(ctx, itemIndex, response, 'list', { label: 'segment', changes: true }),
	};
}
