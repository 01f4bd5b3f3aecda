import { resolveSegmentId, segmentLocator } from '../descriptions/segmentLocator';
import { recordInAnswer, type Operation } from '../../shared/engine';

export const getOperation: Operation = {
	value: 'get',
	name: 'Get',
	action: 'Get a segment',
	description: 'Get one segment by ID or link, with its filters',
	properties: [segmentLocator()],
	async request(ctx, itemIndex) {
		const id = await resolveSegmentId(ctx, itemIndex);
		return { method: 'GET', path: `/segments/${id}`, entity: { label: 'segment', id } };
	},
	output: (response, ctx, itemIndex) =>
		recordInAnswer(ctx, itemIndex, response, 'list', { label: 'segment', changes: false }),
};
