import type { IDataObject } from 'n8n-workflow';
import {
	DEFAULT_PAGE_SIZE,
	limitProperty,
	optionsCollection,
	pageSizeOption,
	returnAllAndLimit,
	returnAllProperty,
	simplifyProperty,
} from '../../shared/descriptions/listParameters';
import { compactContactList } from '../../shared/contacts/compactContactList';
import { simplifyContact } from '../../shared/contacts/simplifyContact';
import { readList, type Operation } from '../../shared/engine';
import { mauticRequest } from '../../shared/transport';
import { companyLocator, resolveCompanyId } from '../descriptions/companyLocator';

/**
 * The contacts of a company: Mautic has no endpoint for them, so this checks the company exists
 * and reads the contact list with the search command `company_id:<id>` (a join on
 * companies_leads), ordered by ID so pages stay stable while reading.
 */
export const getContactsOperation: Operation = {
	value: 'getContacts',
	name: 'Get Contacts',
	action: 'Get the contacts of a company',
	description: 'One item per contact linked to the company',
	properties: [
		companyLocator(),
		returnAllProperty,
		limitProperty,
		simplifyProperty,
		optionsCollection([pageSizeOption]),
	],
	async run(ctx, itemIndex) {
		const id = await resolveCompanyId(ctx, itemIndex);
		await mauticRequest(
			ctx,
			{ method: 'GET', path: `/companies/${id}`, entity: { label: 'company', id } },
			itemIndex,
		);
		const { returnAll, limit } = returnAllAndLimit(ctx, itemIndex);
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const simplify = ctx.getNodeParameter('simplify', itemIndex, true) as boolean;
		return await readList(
			ctx,
			{
				path: '/contacts',
				key: 'contacts',
				qs: { search: `company_id:${id}`, orderBy: 'id', orderByDir: 'ASC' },
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
