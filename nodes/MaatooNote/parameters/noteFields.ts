import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';
import { parseDateInput } from '../../shared/parameters/dateInput';

export const NOTE_TYPES = ['general', 'email', 'call', 'meeting'] as const;

export const noteTypeProperty: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: [
		{ name: 'Call', value: 'call' },
		{ name: 'Email', value: 'email' },
		{ name: 'General', value: 'general' },
		{ name: 'Meeting', value: 'meeting' },
	],
	default: 'general',
	description: 'What the note records',
};

export const noteTextProperty: INodeProperties = {
	displayName: 'Text',
	name: 'text',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	placeholder: 'e.g. Called about the renewal, wants an offer by Friday',
	description: 'The note; HTML is kept as given',
};

export const noteDateTimeProperty: INodeProperties = {
	displayName: 'Date',
	name: 'dateTime',
	type: 'dateTime',
	default: '',
	description:
		'When the call, meeting or email took place (minutes; seconds are dropped). Empty: Mautic shows no date.',
};

/** Mautic's note form reads `yyyy-MM-dd HH:mm` in UTC. */
export function noteDateTime(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value);
	const date = parseDateInput(value);
	if (date === undefined) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The field "Date" needs a date and time, got "${text.slice(0, 80)}"`,
			{ itemIndex },
		);
	}
	return date.toISOString().slice(0, 16).replace('T', ' ');
}

/** The type, checked: an expression may give any text, and Mautic answers a bare 400 for others. */
export function noteType(ctx: IExecuteFunctions, itemIndex: number, value: unknown): string {
	const type = String(value ?? '')
		.trim()
		.toLowerCase();
	if (!(NOTE_TYPES as readonly string[]).includes(type)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The field "Type" must be one of ${NOTE_TYPES.join(', ')}, got "${String(value).slice(0, 80)}"`,
			{ itemIndex },
		);
	}
	return type;
}

/** The body of an Update from its `updateFields`: at least one, each checked. */
export function noteChanges(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.text !== undefined) body.text = String(fields.text);
	if (fields.type !== undefined) body.type = noteType(ctx, itemIndex, fields.type);
	if (fields.dateTime !== undefined) {
		const dateTime = noteDateTime(ctx, itemIndex, fields.dateTime);
		if (dateTime) body.dateTime = dateTime;
	}
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The field "Update Fields" is empty: add at least one field to change',
			{ itemIndex },
		);
	}
	return body;
}
