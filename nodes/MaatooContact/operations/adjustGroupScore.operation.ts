import { NodeOperationError } from 'n8n-workflow';
import { contactLocator } from '../../shared/locators/contactLocator';
import { pointGroupIdOf, pointGroupLocator } from '../../shared/locators/pointGroupLocator';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import type { Operation } from '../../shared/engine';
import { mauticRequest } from '../../shared/transport';
import { allowedValue } from '../parameters/allowedValue';
import {
	logBody,
	POINTS_OPERATORS,
	refuseNegativeAddOrSubtract,
	wholeNumber,
} from '../parameters/pointsParameters';
import { scoreRowOf } from '../outputs/groupScoreRow';

/**
 * Plus, minus, times and divide are never retried (a repeat would apply twice); `set` is, since
 * setting the same score again changes nothing.
 */
export const adjustGroupScoreOperation: Operation = {
	value: 'adjustGroupScore',
	name: 'Adjust Point Group Score',
	action: 'Adjust the score of a contact in a point group',
	description: 'Add, subtract, set, multiply or divide the score of a contact in one point group',
	properties: [
		contactLocator(),
		pointGroupLocator(),
		{
			displayName: 'Operation on Score',
			name: 'scoreOperator',
			type: 'options',
			options: [
				{ name: 'Add', value: 'plus' },
				{ name: 'Divide By', value: 'divide' },
				{ name: 'Multiply By', value: 'times' },
				{ name: 'Set To', value: 'set' },
				{ name: 'Subtract', value: 'minus' },
			],
			default: 'plus',
		},
		{
			displayName: 'Value',
			name: 'scoreValue',
			type: 'number',
			default: 1,
			required: true,
			description:
				'A whole number. Dividing must leave a whole number; Mautic refuses anything else.',
		},
		{
			displayName: 'Log Entry',
			name: 'pointsLog',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Event Name', name: 'eventName', type: 'string', default: '' },
				{ displayName: 'Action Name', name: 'actionName', type: 'string', default: '' },
			],
		},
	],
	async run(ctx, itemIndex) {
		const id = await resolveContactId(ctx, itemIndex);
		const groupId = await pointGroupIdOf(ctx, itemIndex);
		const operator = allowedValue(ctx, itemIndex, 'scoreOperator', 'Operation on Score', [
			...POINTS_OPERATORS,
			'set',
		] as const);
		const value = wholeNumber(ctx, itemIndex, 'scoreValue', 'Value');
		refuseNegativeAddOrSubtract(ctx, itemIndex, operator, value, 'Value');
		if (operator === 'divide' && value === 0) {
			throw new NodeOperationError(ctx.getNode(), 'The field "Value" cannot be 0 when dividing', {
				itemIndex,
			});
		}
		const response = await mauticRequest(
			ctx,
			{
				method: 'POST',
				path: `/contacts/${id}/points/groups/${groupId}/${operator}/${value}`,
				body: logBody(ctx, itemIndex),
				idempotent: operator === 'set',
				notRepeatedBecause: 'a repeat would change the score twice',
				entity: { label: 'contact or point group', id: `${id} / ${groupId}` },
			},
			itemIndex,
		);
		return scoreRowOf(response, id, groupId);
	},
};
