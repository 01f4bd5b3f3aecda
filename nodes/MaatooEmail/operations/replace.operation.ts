import { editOperation } from '../../shared/entities/entity';
import {
	additionalFieldsProperty,
	emailPayload,
	emailTypeProperty,
	nameProperty,
	subjectProperty,
} from '../emailData';
import { emailEntity } from '../emailEntity';

export const replaceOperation = editOperation(emailEntity, {
	value: 'replace',
	name: 'Create or Replace',
	action: 'Create or replace an email',
	description: 'Replace an email whole (fields not given are reset); creates it when missing',
	method: 'PUT',
	properties: [nameProperty, subjectProperty, emailTypeProperty, additionalFieldsProperty],
	body: (ctx, itemIndex) => emailPayload(ctx, itemIndex, 'replace'),
});
