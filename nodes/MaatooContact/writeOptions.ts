import { recordInAnswer } from '../shared/engine/recordInAnswer';
import type { MauticResponse } from '../shared/transport';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { simplifyContact } from '../shared/contacts/simplifyContact';
import { itemParameter } from '../shared/parameters/itemParameters';

/** The contact as the user asked for it: flat by default, Mautic's raw shape on request. */
export function contactOutput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	contact: IDataObject,
): IDataObject {
	return itemParameter(ctx, 'simplify', itemIndex, true) ? simplifyContact(contact) : contact;
}

/** The contact of a change's answer (`{"contact": {…}}`), simplified if asked; a success without it is an error. */
export function changedContactOutput(
	response: MauticResponse,
	ctx: IExecuteFunctions,
	itemIndex: number,
): IDataObject {
	return contactOutput(
		ctx,
		itemIndex,
		recordInAnswer(ctx, itemIndex, response, 'contact', { label: 'contact', changes: true }),
	);
}
