import type { Operation } from '../../shared/engine';
import { contactLocator } from '../../shared/locators/contactLocator';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import { companyLocator, resolveCompanyId } from '../descriptions/companyLocator';
import { changeCompanyMembership } from '../membership';

export const removeContactOperation: Operation = {
	value: 'removeContact',
	name: 'Remove Contact',
	action: 'Remove a contact from a company',
	description: 'Unlink a contact from a company (succeeds when it was not linked)',
	properties: [companyLocator(), contactLocator()],
	async run(ctx, itemIndex) {
		const companyId = await resolveCompanyId(ctx, itemIndex);
		const contactId = await resolveContactId(ctx, itemIndex);
		await changeCompanyMembership(ctx, itemIndex, companyId, contactId, 'remove');
		return { companyId, contactId, removed: true };
	},
};
