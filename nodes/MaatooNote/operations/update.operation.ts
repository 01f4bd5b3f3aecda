import { fieldsCollection } from '../../shared/descriptions/entityFields';
import { editOperation } from '../../shared/entities/entity';
import { noteEntity } from '../noteEntity';
import { withFlatNotes } from '../outputs/note';
import {
	noteChanges,
	noteDateTimeProperty,
	noteTextProperty,
	noteTypeProperty,
} from '../parameters/noteFields';

export const updateOperation = withFlatNotes(
	editOperation(noteEntity, {
		value: 'update',
		name: 'Update',
		action: 'Update a note',
		description: 'Change the text, type or date of a note',
		method: 'PATCH',
		properties: [
			fieldsCollection('Update Fields', 'updateFields', [
				noteDateTimeProperty,
				noteTextProperty,
				noteTypeProperty,
			]),
		],
		body: noteChanges,
	}),
);
