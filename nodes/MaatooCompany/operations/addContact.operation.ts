import type { Operation } from '../../shared/engine';
import { contactLocator } from '../../shared/locators/contactLocator';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import { companyLocator, resolveCompanyId } from '../descriptions/companyLocator';
import { changeCompanyMembership } from '../membership';

export const addContactOperation: Operation = {
	value: 'addContact',
	name: 'Add Contact',
	action: 'Add a contact to a company',
	description:
		"Link a contact to a company (one request per item). A contact's first company becomes its primary company.",
	properties: [companyLocator(), contactLocator()],
	async run(ctx, itemIndex) {
		const companyId = await resolveCompanyId(ctx, itemIndex);
		const contactId = await resolveContactId(ctx, itemIndex);
		await changeCompanyMembership(ctx, itemIndex, companyId, contactId, 'add');
		return { companyId, contactId, added: true };
	},
};
