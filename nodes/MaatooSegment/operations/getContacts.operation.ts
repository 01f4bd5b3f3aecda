import type { IDataObject } from 'n8n-workflow';
import {
	DEFAULT_PAGE_SIZE,
	limitProperty,
	pageSizeOption,
	returnAllAndLimit,
	returnAllProperty,
	simplifyProperty,
	optionsCollection,
} from '../../shared/descriptions/listParameters';
import { resolveSegmentId, segmentLocator } from '../descriptions/segmentLocator';
import { compactContactList } from '../../shared/contacts/compactContactList';
import { simplifyContact } from '../../shared/contacts/simplifyContact';
import { readList, type Operation } from '../../shared/engine';
import { mauticRequest } from '../../shared/transport';
import { segmentOf } from '../segmentData';

/**
 * The members of a segment: Mautic has no members endpoint, so this reads the segment for its
 * alias and then the contact list with the search command `segment:<alias>`, ordered by ID so
 * pages stay stable while reading.
 */
export const getContactsOperation: Operation = {
	value: 'getContacts',
	name: 'Get Contacts',
	action: 'Get the contacts of a segment',
	description: 'One item per contact in the segment',
	properties: [
		segmentLocator(),
		returnAllProperty,
		limitProperty,
		simplifyProperty,
		optionsCollection([pageSizeOption]),
	],
	async run(ctx, itemIndex) {
		const id = await resolveSegmentId(ctx, itemIndex);
		const response = await mauticRequest(
			ctx,
			{ method: 'GET', path: `/segments/${id}`, entity: { label: 'segment', id } },
			itemIndex,
		);
		const alias = String(segmentOf(response.body).alias ?? '');
		const { returnAll, limit } = returnAllAndLimit(ctx, itemIndex);
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const simplify = ctx.getNodeParameter('simplify', itemIndex, true) as boolean;
		return await readList(
			ctx,
			{
				path: '/contacts',
				key: 'contacts',
				qs: { search: `segment:${alias}`, orderBy: 'id', orderByDir: 'ASC' },
				returnAll,
				limit,
				pageSize: Number(options.pageSize) || DEFAULT_PAGE_SIZE,
				map: simplify ? simplifyContact : undefined,
				compact: simplify ? compactContactList : undefined,
			},
			itemIndex,
		);
	},
};
