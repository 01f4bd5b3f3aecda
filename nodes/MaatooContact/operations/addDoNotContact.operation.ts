import type { IDataObject } from 'n8n-workflow';
import { contactLocator } from '../../shared/locators/contactLocator';
import { simplifyProperty } from '../../shared/descriptions/listParameters';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import { type Operation } from '../../shared/engine';
import { allowedValue } from '../parameters/allowedValue';
import { changedContactOutput } from '../writeOptions';
import { CHANNELS, channelProperty } from '../parameters/doNotContactChannel';

export const addDoNotContactOperation: Operation = {
	value: 'addDoNotContact',
	name: 'Add to Do Not Contact',
	action: 'Add a contact to the do not contact list',
	description: 'Stop a channel from contacting the contact (unsubscribe, bounce or manual)',
	properties: [
		contactLocator(),
		channelProperty,
		{
			displayName: 'Reason',
			name: 'reason',
			type: 'options',
			options: [
				{ name: 'Unsubscribed', value: 1 },
				{ name: 'Bounced', value: 2 },
				{ name: 'Manual', value: 3 },
			],
			default: 3,
		},
		{
			displayName: 'Additional Fields',
			name: 'dncFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Comments', name: 'comments', type: 'string', default: '' },
				{
					displayName: 'Channel ID',
					name: 'channelId',
					type: 'number',
					default: 0,
					description: 'ID of the email or SMS that caused it, if any',
				},
			],
		},
		simplifyProperty,
	],
	async request(ctx, itemIndex) {
		const id = await resolveContactId(ctx, itemIndex);
		const channel = allowedValue(ctx, itemIndex, 'channel', 'Channel', CHANNELS);
		const extra = ctx.getNodeParameter('dncFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = { reason: ctx.getNodeParameter('reason', itemIndex) as number };
		if (extra.comments) body.comments = extra.comments;
		if (extra.channelId) body.channelId = extra.channelId;
		// Repeating "add to do not contact" leaves the same state.
		return {
			method: 'POST',
			path: `/contacts/${id}/dnc/${channel}/add`,
			body,
			idempotent: true,
			entity: { label: 'contact', id },
		};
	},
	output: changedContactOutput,
};
