import { resolveSegmentId, segmentLocator } from '../descriptions/segmentLocator';
import type { Operation } from '../../shared/engine';
import { segmentOf } from '../segmentData';

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
	output: (response) => segmentOf(response.body),
};
