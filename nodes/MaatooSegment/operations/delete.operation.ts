import { resolveSegmentId, segmentLocator } from '../descriptions/segmentLocator';
import type { Operation } from '../../shared/engine';
import { mauticRequest } from '../../shared/transport';
import { segmentOf } from '../segmentData';

export const deleteOperation: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a segment',
	description: 'Delete a segment for good; its contacts stay',
	properties: [segmentLocator()],
	// Mautic answers the deleted segment with its id already nulled, so report the id we deleted.
	async run(ctx, itemIndex) {
		const id = await resolveSegmentId(ctx, itemIndex);
		const response = await mauticRequest(
			ctx,
			{ method: 'DELETE', path: `/segments/${id}/delete`, entity: { label: 'segment', id } },
			itemIndex,
		);
		const segment = segmentOf(response.body);
		return { id, deleted: true, name: segment.name ?? null, alias: segment.alias ?? null };
	},
};
