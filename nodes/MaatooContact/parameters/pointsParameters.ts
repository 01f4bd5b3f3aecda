import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

export const logProperties: INodeProperties = {
	displayName: 'Log Entry',
	name: 'pointsLog',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	description: "What Mautic writes in the contact's points history",
	options: [
		{
			displayName: 'Event Name',
			name: 'eventName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Webinar attended',
		},
		{
			displayName: 'Action Name',
			name: 'actionName',
			type: 'string',
			default: '',
			placeholder: 'e.g. n8n',
		},
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
	const hint =
		operator === 'plus'
			? `to take ${-value} away, choose "Subtract" with ${-value}`
			: `to add ${-value}, choose "Add" with ${-value}`;
	throw new NodeOperationError(
		ctx.getNode(),
		`The field "${label}" cannot be negative for "${operator === 'plus' ? 'Add' : 'Subtract'}": ${hint}`,
		{
			itemIndex,
		},
	);
}

export const POINTS_OPERATORS = ['plus', 'minus', 'times', 'divide'] as const;

export function wholeNumber(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): number {
	const value = ctx.getNodeParameter(name, itemIndex) as number;
	if (!Number.isSafeInteger(value)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The field "${label}" needs a whole number, got "${value}"`,
			{ itemIndex },
		);
	}
	return value;
}
