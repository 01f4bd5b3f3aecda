import { pointGroupLocator } from '../../shared/locators/pointGroupLocator';
import type { Operation } from '../../shared/engine';
import { mauticRequest } from '../../shared/transport';
import { pointGroupIdOf } from '../pointGroupData';

export const deleteOperation: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a point group',
	description: 'Delete a point group and the scores contacts have in it',
	properties: [pointGroupLocator()],
	// Mautic answers the deleted group with its id already nulled, so report the id we deleted.
	async run(ctx, itemIndex) {
		const id = await pointGroupIdOf(ctx, itemIndex);
		await mauticRequest(ctx, { method: 'DELETE', path: `/points/groups/${id}/delete`, entity: { label: 'point group', id } }, itemIndex);
		return { id, deleted: true };
	},
};
