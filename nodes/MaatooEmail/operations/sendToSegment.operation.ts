import type { IDataObject } from 'n8n-workflow';
import { optionsCollection } from '../../shared/descriptions/listParameters';
import type { Operation } from '../../shared/engine';
import { mauticRequest } from '../../shared/transport';
import { emailLocator, resolveEmailId } from '../descriptions/emailLocator';
import { SEND_NOT_REPEATED, sendNotice } from '../descriptions/sendNotice';
import { idListOf } from '../idList';

/**
 * `POST /emails/{id}/send`: sends a published segment email to the contacts of its segments who
 * have not received it yet (Mautic skips earlier recipients and contacts who unsubscribed), and
 * reports Mautic's count and failed recipients.
 */
export const sendToSegmentOperation: Operation = {
	value: 'sendToSegment',
	name: 'Send to Segment',
	action: 'Send an email to its segments',
	description:
		"Send a published segment email to its segments' contacts who have not received it yet",
	properties: [
		sendNotice,
		emailLocator({ description: 'The segment email to send' }),
		optionsCollection([
			{
				displayName: 'Only Segment IDs',
				name: 'segmentIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 3, 8',
				description: "Comma-separated IDs: send only to these of the email's segments",
			},
			{
				displayName: 'Max Recipients',
				name: 'maxRecipients',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 100,
				description:
					'Send to at most this many contacts in this run; the others get it in a later send',
			},
		]),
	],
	async run(ctx, itemIndex) {
		const emailId = await resolveEmailId(ctx, itemIndex);
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const body: IDataObject = {};
		if (options.segmentIds !== undefined) {
			const lists = idListOf(ctx, itemIndex, options.segmentIds, 'Only Segment IDs');
			if (lists.length > 0) body.lists = lists;
		}
		if (options.maxRecipients !== undefined)
			body.limit = Math.max(1, Math.floor(Number(options.maxRecipients)));
		const response = await mauticRequest(
			ctx,
			{
				method: 'POST',
				path: `/emails/${emailId}/send`,
				body,
				entity: { label: 'email', id: emailId },
				notRepeatedBecause: SEND_NOT_REPEATED,
			},
			itemIndex,
		);
		const answer = (response.body ?? {}) as IDataObject;
		const failed = answer.failedRecipients;
		return {
			emailId,
			sentCount: Number(answer.sentCount ?? 0),
			failedRecipients: failed && typeof failed === 'object' ? (failed as IDataObject) : {},
		};
	},
};
