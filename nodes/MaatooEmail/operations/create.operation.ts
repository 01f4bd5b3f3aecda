import { createOperation as entityCreate } from '../../shared/entities/entity';
import {
	additionalFieldsProperty,
	emailPayload,
	emailTypeProperty,
	nameProperty,
	subjectProperty,
} from '../emailData';
import { emailEntity } from '../emailEntity';

export const createOperation = entityCreate(emailEntity, {
	description: 'Create a template or segment email',
	properties: [nameProperty, subjectProperty, emailTypeProperty, additionalFieldsProperty],
	body: (ctx, itemIndex) => emailPayload(ctx, itemIndex, 'create'),
});
