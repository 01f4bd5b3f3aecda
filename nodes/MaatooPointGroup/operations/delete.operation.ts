import { pointGroupLocator } from '../../shared/descriptions/pointGroupLocator';
import type { Operation } from '../../shared/engine';
import { pointGroupIdOf } from '../pointGroupData';

export const deleteOperation: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a point group',
	description: 'Delete a point group and the scores contacts have in it',
	properties: [pointGroupLocator()],
	request(ctx, itemIndex) {
		const id = pointGroupIdOf(ctx, itemIndex);
		return { method: 'DELETE', path: `/points/groups/${id}/delete`, entity: { label: 'point group', id } };
	},
	// Mautic answers the deleted group with its id already nulled, so report the id we deleted.
	output: (_response, ctx, itemIndex) => ({ id: pointGroupIdOf(ctx, itemIndex), deleted: true }),
};
