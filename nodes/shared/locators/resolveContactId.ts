import { type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { contactLocatorSpec } from './contactLocator';
import { locatorOf } from './locatorValue';
import { readList } from '../engine/paginate';
import { failItem as fail } from '../engine/itemErrors';

/** Finds the one contact with this email, using an exact `where` (Mautic's `email:` search is fuzzy). */
async function contactIdByEmail(
	ctx: IExecuteFunctions,
	itemIndex: number,
	email: string,
): Promise<number> {
	const matches = await readList(
		ctx,
		{
			path: '/contacts',
			key: 'contacts',
			qs: { where: [{ col: 'email', expr: 'eq', val: email }], minimal: 1, orderBy: 'id' },
			returnAll: false,
			limit: 2,
			pageSize: 2,
		},
		itemIndex,
	);
	if (matches.length === 0) fail(ctx, itemIndex, `No contact has the email "${email}"`);
	if (matches.length > 1) {
		fail(
			ctx,
			itemIndex,
			`Several contacts have the email "${email}"`,
			'Choose the contact by ID, or merge the duplicates in Mautic.',
		);
	}
	return Number((matches[0] as IDataObject).id);
}

/**
 * The numeric contact ID from the Contact parameter, whichever way the user gave it
 * (list, ID, email or a link to the contact in Mautic).
 */
export async function resolveContactId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameterName = 'contactId',
	label = 'Contact',
): Promise<number> {
	const locator = locatorOf(ctx, itemIndex, parameterName);
	if (locator.mode !== 'email')
		return await contactLocatorSpec.idOf(ctx, itemIndex, parameterName, label);
	const value = String(locator.value ?? '').trim();
	if (!/^[^\s@]+@[^\s@]+$/.test(value)) {
		fail(ctx, itemIndex, `The field "${label}" needs an email address, got "${value}"`);
	}
	return await contactIdByEmail(ctx, itemIndex, value);
}
