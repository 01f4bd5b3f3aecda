import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { contactLocator } from '../../shared/descriptions/contactLocator';
import { simplifyProperty } from '../../shared/descriptions/listParameters';
import { resolveContactId } from '../../shared/contacts/resolveContactId';
import { recordInAnswer, type Operation } from '../../shared/engine';
import { contactOutput } from '../writeOptions';

const UTM_KEYS: Array<[string, string]> = [
	['utm_campaign', 'Campaign'],
	['utm_content', 'Content'],
	['utm_medium', 'Medium'],
	['utm_source', 'Source'],
	['utm_term', 'Term'],
	['url', 'URL'],
	['referer', 'Referer'],
	['useragent', 'User Agent'],
	['remotehost', 'Remote Host'],
	['query', 'Query'],
	['lastActive', 'Last Active'],
];

export const addUtmOperation: Operation = {
	value: 'addUtm',
	name: 'Add UTM Tags',
	action: 'Add UTM tags to a contact',
	description: 'Record a visit with its UTM parameters on the contact',
	properties: [
		contactLocator(),
		{
			displayName: 'UTM Tags',
			name: 'utm',
			type: 'collection',
			placeholder: 'Add UTM Value',
			default: {},
			options: UTM_KEYS.map(([name, displayName]) => ({ displayName, name, type: 'string', default: '' })),
		},
		simplifyProperty,
	],
	async request(ctx, itemIndex) {
		const id = await resolveContactId(ctx, itemIndex);
		const utm = ctx.getNodeParameter('utm', itemIndex, {}) as IDataObject;
		const body = Object.fromEntries(Object.entries(utm).filter(([, value]) => value !== '' && value !== undefined));
		if (Object.keys(body).length === 0) {
			throw new NodeOperationError(ctx.getNode(), 'The field "UTM Tags" is empty: add at least one value', { itemIndex });
		}
		return { method: 'POST', path: `/contacts/${id}/utm/add`, body, entity: { label: 'contact', id } };
	},
	output: (response, ctx, itemIndex) =>
		contactOutput(ctx, itemIndex, recordInAnswer(ctx, itemIndex, response, 'contact', { label: 'contact', changes: true })),
};

export const removeUtmOperation: Operation = {
	value: 'removeUtm',
	name: 'Remove UTM Tags',
	action: 'Remove UTM tags from a contact',
	description: 'Delete one recorded UTM entry of the contact',
	properties: [
		contactLocator(),
		{
			displayName: 'UTM Entry ID',
			name: 'utmId',
			type: 'number',
			default: 0,
			required: true,
			description: 'ID of the UTM entry (the contact\'s utmtags list shows it)',
		},
		simplifyProperty,
	],
	async request(ctx, itemIndex) {
		const id = await resolveContactId(ctx, itemIndex);
		const utmId = ctx.getNodeParameter('utmId', itemIndex) as number;
		if (!Number.isSafeInteger(utmId) || utmId <= 0) {
			throw new NodeOperationError(ctx.getNode(), `The field "UTM Entry ID" needs a positive whole number, got "${utmId}"`, { itemIndex });
		}
		return {
			method: 'POST',
			path: `/contacts/${id}/utm/${utmId}/remove`,
			idempotent: true,
			entity: { label: 'UTM entry', id: utmId },
		};
	},
	output: (response, ctx, itemIndex) =>
		contactOutput(ctx, itemIndex, recordInAnswer(ctx, itemIndex, response, 'contact', { label: 'contact', changes: true })),
};
