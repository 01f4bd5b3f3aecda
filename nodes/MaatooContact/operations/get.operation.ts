import type { IDataObject } from 'n8n-workflow';
import { contactLocator } from '../../shared/locators/contactLocator';
import { simplifyProperty } from '../../shared/descriptions/listParameters';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import { simplifyContact } from '../../shared/contacts/simplifyContact';
import type { Operation } from '../../shared/engine';

export const getOperation: Operation = {
	value: 'get',
	name: 'Get',
	action: 'Get a contact',
	description: 'Get one contact by ID, email or link',
	properties: [contactLocator(), simplifyProperty],
	async request(ctx, itemIndex) {
		const id = await resolveContactId(ctx, itemIndex);
		return { method: 'GET', path: `/contacts/${id}`, entity: { label: 'contact', id } };
	},
	output(response, ctx, itemIndex) {
		const contact = (response.body as IDataObject).contact as IDataObject;
		return ctx.getNodeParameter('simplify', itemIndex, true) ? simplifyContact(contact) : contact;
	},
};
