import { contactLocator } from '../../shared/locators/contactLocator';
import { pointGroupIdOf, pointGroupLocator } from '../../shared/locators/pointGroupLocator';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import type { Operation } from '../../shared/engine';
import { mauticRequest } from '../../shared/transport';
import { scoreRowOf } from '../outputs/groupScoreRow';

export const getGroupScoreOperation: Operation = {
	value: 'getGroupScore',
	name: 'Get Point Group Score',
	action: 'Get the score of a contact in one point group',
	description: 'The score is empty when the contact has none in that group yet',
	properties: [contactLocator(), pointGroupLocator()],
	async run(ctx, itemIndex) {
		const id = await resolveContactId(ctx, itemIndex);
		const groupId = await pointGroupIdOf(ctx, itemIndex);
		const response = await mauticRequest(
			ctx,
			{
				method: 'GET',
				path: `/contacts/${id}/points/groups/${groupId}`,
				entity: { label: 'contact or point group', id: `${id} / ${groupId}` },
			},
			itemIndex,
		);
		return scoreRowOf(response, id, groupId);
	},
};
