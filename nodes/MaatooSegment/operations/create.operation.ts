import { recordInAnswer, type Operation } from '../../shared/engine';
import { additionalFieldsProperty, nameProperty, segmentPayload } from '../segmentData';
import { filterProperties } from '../segmentFilters';

export const createOperation: Operation = {
	value: 'create',
	name: 'Create',
	action: 'Create a segment',
	description: 'Create a segment, with filters built here or given as JSON',
	properties: [nameProperty, ...filterProperties({ keepOption: false }), additionalFieldsProperty],
	async request(ctx, itemIndex) {
		return {
			method: 'POST',
			path: '/segments/new',
			body: await segmentPayload(ctx, itemIndex, 'create'),
		};
	},
	output: (response, ctx, itemIndex) =>
		recordInAnswer(ctx, itemIndex, response, 'list', { label: 'segment', changes: true }),
};
