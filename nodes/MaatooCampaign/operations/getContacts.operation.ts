import type { IDataObject } from 'n8n-workflow';
import {
	DEFAULT_PAGE_SIZE,
	limitProperty,
	optionsCollection,
	pageSizeOption,
	returnAllAndLimit,
	returnAllProperty,
} from '../../shared/descriptions/listParameters';
import type { Operation } from '../../shared/engine';
import { campaignLocator, resolveCampaignId } from '../descriptions/campaignLocator';

const flag = (value: unknown) => value === true || value === 1 || value === '1';
const number = (value: unknown) =>
	value === null || value === undefined || value === '' ? null : Number(value);

/** A `campaign_leads` row (snake case, numbers as strings) as one output item. */
function membershipRow(row: IDataObject): IDataObject {
	return {
		contactId: number(row.lead_id),
		campaignId: number(row.campaign_id),
		dateAdded: row.date_added ?? null,
		manuallyAdded: flag(row.manually_added),
		dateLastExited: row.date_last_exited ?? null,
		rotation: number(row.rotation),
	};
}

/**
 * The campaign's current members (`GET /campaigns/{id}/contacts`: Mautic's rows of
 * campaign_leads, without contacts removed by hand), ordered by contact ID so pages stay stable.
 */
export const getContactsOperation: Operation = {
	value: 'getContacts',
	name: 'Get Contacts',
	action: 'Get the contacts of a campaign',
	description:
		'One item per contact in the campaign: contact ID, when it joined, whether by hand, its rotation',
	properties: [
		campaignLocator(),
		returnAllProperty,
		limitProperty,
		optionsCollection([pageSizeOption]),
	],
	async list(ctx, itemIndex) {
		const id = await resolveCampaignId(ctx, itemIndex);
		const { returnAll, limit } = returnAllAndLimit(ctx, itemIndex);
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		return {
			path: `/campaigns/${id}/contacts`,
			key: 'contacts',
			qs: { order: [{ col: 'lead_id', dir: 'ASC' }] },
			returnAll,
			limit,
			pageSize: Number(options.pageSize) || DEFAULT_PAGE_SIZE,
			map: membershipRow,
			entity: { label: 'campaign', id },
		};
	},
};
