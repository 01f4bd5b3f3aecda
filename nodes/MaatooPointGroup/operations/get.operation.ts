import { pointGroupLocator } from '../../shared/locators/pointGroupLocator';
import type { Operation } from '../../shared/engine';
import { pointGroupIdOf, pointGroupOf } from '../pointGroupData';

export const getOperation: Operation = {
	value: 'get',
	name: 'Get',
	action: 'Get a point group',
	description: 'Get one point group by ID',
	properties: [pointGroupLocator()],
	async request(ctx, itemIndex) {
		const id = await pointGroupIdOf(ctx, itemIndex);
		return { method: 'GET', path: `/points/groups/${id}`, entity: { label: 'point group', id } };
	},
	output: (response) => pointGroupOf(response),
};
