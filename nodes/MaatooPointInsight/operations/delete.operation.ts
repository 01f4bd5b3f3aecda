import type { Operation } from '../../shared/engine';
import { withInsightsApi } from '../insightsApi';
import { mauticRequest } from '../../shared/transport';
import { pointInsightIdOf, pointInsightLocator } from '../pointInsightLocator';

export const deleteOperation: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a point insight',
	description: 'Delete a point insight; the values it already wrote stay on the contacts',
	properties: [pointInsightLocator],
	// Mautic answers the deleted insight with its id already nulled, so report the id we deleted.
	run: (ctx, itemIndex) =>
		withInsightsApi(ctx, itemIndex, async () => {
			const id = await pointInsightIdOf(ctx, itemIndex);
			await mauticRequest(
				ctx,
				{
					method: 'DELETE',
					path: `/points/insights/${id}/delete`,
					entity: { label: 'point insight', id },
				},
				itemIndex,
			);
			return { id, deleted: true };
		}),
};
