import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fieldsCollection } from '../shared/descriptions/entityFields';
import { failItem as fail } from '../shared/engine/itemErrors';
import { idListOf } from './idList';

export const nameProperty: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Order confirmation',
	description: 'Internal name, shown in Mautic only',
};

export const subjectProperty: INodeProperties = {
	displayName: 'Subject',
	name: 'subject',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Your order {order_number}',
	description: 'Subject line; may hold tokens such as {contactfield=firstname}',
};

const EMAIL_TYPES = [
	{
		name: 'Template',
		value: 'template',
		description: 'Sent one contact at a time: by campaigns, forms or Send to Contact',
	},
	{
		name: 'Segment',
		value: 'list',
		description: 'Sent to the contacts of its segments at once (Send to Segment)',
	},
];

export const emailTypeProperty: INodeProperties = {
	displayName: 'Type',
	name: 'emailType',
	type: 'options',
	options: EMAIL_TYPES,
	default: 'template',
};

const fields: INodeProperties[] = [
	{
		displayName: 'Category ID',
		name: 'categoryId',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		description: 'ID of a Mautic category of type email',
	},
	{
		displayName: 'From Address',
		name: 'fromAddress',
		type: 'string',
		placeholder: 'e.g. shop@example.com',
		default: '',
		description:
			"Sender address, or a contact field token such as {contactfield=owner_email}; Mautic's default sender when empty",
	},
	{
		displayName: 'From Name',
		name: 'fromName',
		type: 'string',
		default: '',
	},
	{
		displayName: 'HTML Content',
		name: 'customHtml',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		description:
			'The whole email as HTML. Tokens such as {contactfield=firstname} or {order_number} are replaced when sent.',
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		default: 'en',
		placeholder: 'e.g. de',
		description: 'Locale code of the content, e.g. en or de_CH',
	},
	{
		displayName: 'Plain Text',
		name: 'plainText',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'Text version; Mautic derives one from the HTML when empty',
	},
	{
		displayName: 'Published',
		name: 'isPublished',
		type: 'boolean',
		default: true,
		description: 'Whether the email may be sent. Send to Segment refuses unpublished emails.',
	},
	{
		displayName: 'Reply-To Address',
		name: 'replyToAddress',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Segment IDs',
		name: 'segmentIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 3, 8',
		description:
			'Comma-separated IDs of the segments a segment email goes to (Type: Segment); the list replaces the current one',
	},
	{
		displayName: 'Theme',
		name: 'template',
		type: 'string',
		default: '',
		placeholder: 'e.g. blank',
		description: 'Name of a Mautic theme for the builder; leave empty for HTML Content alone',
	},
];

/** Create and Create or Replace: everything but name, subject and type is optional. */
export const additionalFieldsProperty = fieldsCollection(
	'Additional Fields',
	'additionalFields',
	fields,
);

/** Update: only what is given changes. */
export const updateFieldsProperty = fieldsCollection(
	'Update Fields',
	'updateFields',
	[
		...fields,
		{ ...nameProperty, required: false },
		{ ...subjectProperty, required: false },
		{ ...emailTypeProperty, description: 'Segment emails need at least one segment' },
	].sort((a, b) => a.displayName.localeCompare(b.displayName)),
);

const TEXT_FIELDS = [
	'fromAddress',
	'fromName',
	'replyToAddress',
	'customHtml',
	'plainText',
	'language',
	'template',
];

const ADDRESS = /^[^\s@,]+@[^\s@,]+$/;
/** `{contactfield=owner_email}` or `{contactfield=email|shop@example.com}`. */
const CONTACT_FIELD_TOKEN = /^\{contactfield=[a-z0-9_]+(\|[^\s@,{}]+@[^\s@,{}]+)?\}$/i;

/**
 * What Mautic 5.1 takes: From Address is a comma-separated list of addresses or contact field
 * tokens (EmailOrEmailTokenList), Reply-To one address (Symfony's Email constraint).
 */
const ADDRESS_FIELDS: Array<[string, string, (value: string) => boolean, string]> = [
	[
		'fromAddress',
		'From Address',
		(value) =>
			value
				.split(',')
				.map((part) => part.trim())
				.every((part) => ADDRESS.test(part) || CONTACT_FIELD_TOKEN.test(part)),
		'email addresses or contact field tokens such as {contactfield=email}',
	],
	['replyToAddress', 'Reply-To Address', (value) => ADDRESS.test(value), 'an email address'],
];

function fieldsBody(ctx: IExecuteFunctions, itemIndex: number, given: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const key of ['name', 'subject']) {
		if (given[key] === undefined) continue;
		const text = String(given[key]).trim();
		if (!text) fail(ctx, itemIndex, `The field "${key === 'name' ? 'Name' : 'Subject'}" is empty`);
		body[key] = text;
	}
	if (given.emailType !== undefined) {
		if (!EMAIL_TYPES.some((type) => type.value === given.emailType)) {
			fail(
				ctx,
				itemIndex,
				`The field "Type" must be "template" or "list", got "${String(given.emailType)}"`,
			);
		}
		body.emailType = given.emailType;
	}
	for (const key of TEXT_FIELDS) if (given[key] !== undefined) body[key] = String(given[key]);
	for (const [key, label, valid, wanted] of ADDRESS_FIELDS) {
		if (given[key] === undefined) continue;
		// An address from an expression often ends in a space or a line break: Mautic would keep it.
		body[key] = String(given[key]).trim();
		if (body[key] !== '' && !valid(body[key] as string)) {
			fail(ctx, itemIndex, `The field "${label}" needs ${wanted}, got "${String(given[key])}"`);
		}
	}
	if (given.isPublished !== undefined) body.isPublished = given.isPublished ? 1 : 0;
	if (given.categoryId !== undefined) {
		body.category = idListOf(ctx, itemIndex, given.categoryId, 'Category ID')[0] ?? null;
	}
	if (given.segmentIds !== undefined)
		body.lists = idListOf(ctx, itemIndex, given.segmentIds, 'Segment IDs');
	return body;
}

/** The email to send to Mautic for Create, Update (only what was given) or Create or Replace. */
export function emailPayload(
	ctx: IExecuteFunctions,
	itemIndex: number,
	kind: 'create' | 'update' | 'replace',
): IDataObject {
	if (kind === 'update') {
		const body = fieldsBody(
			ctx,
			itemIndex,
			ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
		);
		if (Object.keys(body).length === 0) {
			fail(ctx, itemIndex, 'The field "Update Fields" is empty: add at least one field to change');
		}
		return body;
	}
	const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = fieldsBody(ctx, itemIndex, {
		...additional,
		name: ctx.getNodeParameter('name', itemIndex, '') as string,
		subject: ctx.getNodeParameter('subject', itemIndex, '') as string,
		emailType: ctx.getNodeParameter('emailType', itemIndex, 'template') as string,
	});
	// A PUT without a language makes Mautic 5.1 fail (its lang column cannot be null): always send one.
	if (!body.language) body.language = 'en';
	if (body.emailType === 'list' && !(Array.isArray(body.lists) && body.lists.length > 0)) {
		fail(ctx, itemIndex, 'A segment email needs at least one segment: fill in "Segment IDs"');
	}
	return body;
}
