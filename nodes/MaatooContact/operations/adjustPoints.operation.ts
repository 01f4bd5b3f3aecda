import { NodeOperationError } from 'n8n-workflow';
import { contactLocator } from '../../shared/locators/contactLocator';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import type { Operation } from '../../shared/engine';
import { allowedValue } from '../parameters/allowedValue';
import { mauticRequest } from '../../shared/transport';
import {
	POINTS_OPERATORS,
	logBody,
	logProperties,
	refuseNegativeAddOrSubtract,
	wholeNumber,
} from '../parameters/pointsParameters';

/**
 * Contact points. Never retried: a lost answer may mean the points were already applied, and
 * applying them twice is worse than reporting the error on the item.
 */
export const adjustPointsOperation: Operation = {
	value: 'adjustPoints',
	name: 'Adjust Points',
	action: 'Adjust the points of a contact',
	description: "Add to, subtract from, multiply or divide a contact's points",
	properties: [
		contactLocator(),
		{
			displayName: 'Operation on Points',
			name: 'pointsOperator',
			type: 'options',
			options: [
				{ name: 'Add', value: 'plus' },
				{ name: 'Divide By', value: 'divide' },
				{ name: 'Multiply By', value: 'times' },
				{ name: 'Subtract', value: 'minus' },
			],
			default: 'plus',
		},
		{
			displayName: 'Points',
			name: 'points',
			type: 'number',
			default: 1,
			required: true,
			description: 'A whole number; Mautic ignores 0',
		},
		logProperties,
	],
	async run(ctx, itemIndex) {
		const id = await resolveContactId(ctx, itemIndex);
		const operator = allowedValue(
			ctx,
			itemIndex,
			'pointsOperator',
			'Operation on Points',
			POINTS_OPERATORS,
		);
		const points = wholeNumber(ctx, itemIndex, 'points', 'Points');
		refuseNegativeAddOrSubtract(ctx, itemIndex, operator, points, 'Points');
		if (operator === 'divide' && points === 0) {
			throw new NodeOperationError(ctx.getNode(), 'The field "Points" cannot be 0 when dividing', {
				itemIndex,
			});
		}
		await mauticRequest(
			ctx,
			{
				method: 'POST',
				path: `/contacts/${id}/points/${operator}/${points}`,
				body: logBody(ctx, itemIndex),
				idempotent: false,
				notRepeatedBecause: 'a repeat would change the points twice',
				entity: { label: 'contact', id },
			},
			itemIndex,
		);
		return { contactId: id, operator, points, success: true };
	},
};
