import type { IDataObject } from 'n8n-workflow';
import { contactLocator } from '../../shared/locators/contactLocator';
import { simplifyProperty } from '../../shared/descriptions/listParameters';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import { recordInAnswer, type Operation } from '../../shared/engine';
import { allowedValue } from '../parameters/allowedValue';
import { contactOutput } from '../writeOptions';
import { CHANNELS, channelProperty } from '../parameters/doNotContactChannel';

export const removeDoNotContactOperation: Operation = {
	value: 'removeDoNotContact',
	name: 'Remove From Do Not Contact',
	action: 'Remove a contact from the do not contact list',
	description: 'Let a channel contact the contact again',
	properties: [contactLocator(), channelProperty, simplifyProperty],
	async request(ctx, itemIndex) {
		const id = await resolveContactId(ctx, itemIndex);
		const channel = allowedValue(ctx, itemIndex, 'channel', 'Channel', CHANNELS);
		return {
			method: 'POST',
			path: `/contacts/${id}/dnc/${channel}/remove`,
			idempotent: true,
			entity: { label: 'contact', id },
		};
	},
	output: (response, ctx, itemIndex) => {
		const contact = recordInAnswer(ctx, itemIndex, response, 'contact', {
			label: 'contact',
			changes: true,
		});
		return {
			...contactOutput(ctx, itemIndex, contact),
			recordFound: (response.body as IDataObject).recordFound ?? null,
		};
	},
};
