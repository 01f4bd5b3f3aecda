import { NodeOperationError } from 'n8n-workflow';
import { contactLocator } from '../../shared/locators/contactLocator';
import { simplifyProperty } from '../../shared/descriptions/listParameters';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import { type Operation } from '../../shared/engine';
import { changedContactOutput } from '../writeOptions';

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
			description: "ID of the UTM entry (the contact's utmtags list shows it)",
		},
		simplifyProperty,
	],
	async request(ctx, itemIndex) {
		const id = await resolveContactId(ctx, itemIndex);
		const utmId = ctx.getNodeParameter('utmId', itemIndex) as number;
		if (!Number.isSafeInteger(utmId) || utmId <= 0) {
			throw new NodeOperationError(
				ctx.getNode(),
				`The field "UTM Entry ID" needs a positive whole number, got "${utmId}"`,
				{ itemIndex },
			);
		}
		return {
			method: 'POST',
			path: `/contacts/${id}/utm/${utmId}/remove`,
			idempotent: true,
			entity: { label: 'UTM entry', id: utmId },
		};
	},
	output: changedContactOutput,
};
