import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { contactLocator } from '../../shared/descriptions/contactLocator';
import { resolveContactId } from '../../shared/contacts/resolveContactId';
import type { Operation } from '../../shared/engine';
import { allowedValue } from '../../shared/parameters/allowedValue';
import { mauticRequest } from '../../shared/transport';

const logProperties: INodeProperties = {
	displayName: 'Log Entry',
	name: 'pointsLog',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	description: "What Mautic writes in the contact's points history",
	options: [
		{ displayName: 'Event Name', name: 'eventName', type: 'string', default: '', placeholder: 'e.g. Webinar attended' },
		{ displayName: 'Action Name', name: 'actionName', type: 'string', default: '', placeholder: 'e.g. n8n' },
	],
};

export function logBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const log = ctx.getNodeParameter('pointsLog', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (log.eventName) body.eventName = log.eventName;
	if (log.actionName) body.actionName = log.actionName;
	return Object.keys(body).length > 0 ? body : undefined;
}

/** "Add -5" would subtract silently: the sign belongs to the operation, not to the number. */
export function refuseNegativeAddOrSubtract(
	ctx: IExecuteFunctions,
	itemIndex: number,
	operator: string,
	value: number,
	label: string,
): void {
	if (value >= 0 || (operator !== 'plus' && operator !== 'minus')) return;
	const hint = operator === 'plus' ? `to take ${-value} away, choose "Subtract" with ${-value}` : `to add ${-value}, choose "Add" with ${-value}`;
	throw new NodeOperationError(ctx.getNode(), `The field "${label}" cannot be negative for "${operator === 'plus' ? 'Add' : 'Subtract'}": ${hint}`, {
		itemIndex,
	});
}

export const POINTS_OPERATORS = ['plus', 'minus', 'times', 'divide'] as const;

export function wholeNumber(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string): number {
	const value = ctx.getNodeParameter(name, itemIndex) as number;
	if (!Number.isSafeInteger(value)) {
		throw new NodeOperationError(ctx.getNode(), `The field "${label}" needs a whole number, got "${value}"`, { itemIndex });
	}
	return value;
}

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
		const operator = allowedValue(ctx, itemIndex, 'pointsOperator', 'Operation on Points', POINTS_OPERATORS);
		const points = wholeNumber(ctx, itemIndex, 'points', 'Points');
		refuseNegativeAddOrSubtract(ctx, itemIndex, operator, points, 'Points');
		if (operator === 'divide' && points === 0) {
			throw new NodeOperationError(ctx.getNode(), 'The field "Points" cannot be 0 when dividing', { itemIndex });
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
