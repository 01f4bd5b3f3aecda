import { editOperation } from '../../shared/entities/entity';
import { emailPayload, updateFieldsProperty } from '../emailData';
import { emailEntity } from '../emailEntity';

export const updateOperation = editOperation(emailEntity, {
	value: 'update',
	name: 'Update',
	action: 'Update an email',
	description: 'Change the given fields of an existing email; fails when it does not exist',
	method: 'PATCH',
	properties: [updateFieldsProperty],
	body: (ctx, itemIndex) => emailPayload(ctx, itemIndex, 'update'),
});
