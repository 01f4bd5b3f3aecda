import { optionsCollection } from '../../shared/descriptions/listParameters';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { contactLocator } from '../../shared/locators/contactLocator';
import { resolveSegmentId, segmentLocator } from '../descriptions/segmentLocator';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import type { BatchEntryResult, Operation } from '../../shared/engine';
import type { MauticResponse } from '../../shared/transport';

/** The batch size the task and Mautic's default api_batch_max_limit agree on. */
const MAX_BATCH_SIZE = 200;

const batchOptionsProperty: INodeProperties = optionsCollection([
	{
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE },
		default: MAX_BATCH_SIZE,
		description: 'Contacts per Mautic call',
	},
]);

function batchSizeOf(ctx: IExecuteFunctions): number {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const size = Math.floor(Number(options.batchSize) || MAX_BATCH_SIZE);
	return Math.min(MAX_BATCH_SIZE, Math.max(1, size));
}

/**
 * `{"success":1,"details":{"<contactId>":{"success":true|false}}}`: Mautic reports each contact by
 * its ID; false means the contact does not exist or the user may not edit it.
 */
function membershipResults(response: MauticResponse, entries: IDataObject[]): BatchEntryResult[] {
	const body = (response.body ?? {}) as IDataObject;
	const details =
		body.details && typeof body.details === 'object'
			? (body.details as Record<string, IDataObject>)
			: undefined;
	return entries.map((entry) => {
		const detail = details?.[String(entry.id)];
		const added = details ? detail?.success === true : Boolean(body.success);
		if (added) return { output: { segmentId: entry.segmentId, contactId: entry.id, added: true } };
		return {
			failure: {
				status: 404,
				body: {
					errors: [
						{
							code: 404,
							message:
								'Contact not found, or this user may not edit it: Mautic did not add it to the segment.',
						},
					],
				},
			},
		};
	});
}

/**
 * Many contacts into a segment with few calls: the contacts of all items of a run go to
 * `POST /segments/{id}/contacts/add` in chunks, one chunk never mixing segments, and every item
 * gets its own result from Mautic's per-contact details.
 */
export const addContactsOperation: Operation = {
	value: 'addContacts',
	name: 'Add Contacts',
	action: 'Add many contacts to a segment',
	description: 'Add the contacts of all items to a segment with one call per 200 contacts',
	properties: [
		segmentLocator({
			description:
				'The segment to add to. Items naming different segments are sent to each in separate calls.',
		}),
		contactLocator({
			description: 'The contact of each item, usually an expression such as {{ $json.id }}',
		}),
		batchOptionsProperty,
	],
	batch: {
		use: () => true,
		entry: async (ctx, itemIndex) => ({
			segmentId: await resolveSegmentId(ctx, itemIndex),
			id: await resolveContactId(ctx, itemIndex),
		}),
		plan: (ctx) => ({
			size: batchSizeOf(ctx),
			entityLabel: 'contact',
			group: (entry) => String(entry.segmentId),
			request: (entries) => {
				const segmentId = entries[0].segmentId as number;
				return {
					method: 'POST',
					path: `/segments/${segmentId}/contacts/add`,
					body: { ids: entries.map((entry) => entry.id as number) },
					// Adding members that are already in changes nothing: safe to repeat.
					idempotent: true,
					entity: { label: 'segment', id: segmentId },
				};
			},
			results: membershipResults,
		}),
	},
};
