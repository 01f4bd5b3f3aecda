import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { fieldsCollection } from '../../shared/descriptions/entityFields';
import { createOperation as entityCreate } from '../../shared/entities/entity';
import { contactLocator } from '../../shared/locators/contactLocator';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import { noteEntity } from '../noteEntity';
import { withFlatNotes } from '../outputs/note';
import {
	noteDateTime,
	noteDateTimeProperty,
	noteTextProperty,
	noteType,
	noteTypeProperty,
} from '../parameters/noteFields';

const create = entityCreate(noteEntity, {
	description: 'Add a note to a contact (not repeated after a lost answer: it would add it twice)',
	properties: [
		contactLocator({ description: 'The contact the note is about' }),
		{ ...noteTextProperty, required: true },
		noteTypeProperty,
		fieldsCollection('Additional Fields', 'additionalFields', [noteDateTimeProperty]),
	],
	async body(ctx, itemIndex) {
		const contactId = await resolveContactId(ctx, itemIndex);
		const text = String(ctx.getNodeParameter('text', itemIndex, ''));
		if (text.trim() === '') {
			throw new NodeOperationError(ctx.getNode(), 'The field "Text" is empty', { itemIndex });
		}
		const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = {
			lead: contactId,
			text,
			type: noteType(ctx, itemIndex, ctx.getNodeParameter('type', itemIndex, 'general')),
		};
		const dateTime = noteDateTime(ctx, itemIndex, additional.dateTime);
		if (dateTime) body.dateTime = dateTime;
		return body;
	},
});

export const createOperation = withFlatNotes({
	...create,
	// The only thing Mautic does not find here is the contact: a 404 names it.
	async request(ctx, itemIndex) {
		const request = await create.request!(ctx, itemIndex);
		return {
			...request,
			entity: { label: 'contact', id: (request.body as IDataObject).lead as number },
		};
	},
});
