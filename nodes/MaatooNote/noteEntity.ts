import type { Entity } from '../shared/entities/entity';
import { entityLocator } from '../shared/locators/entityLocator';

/** Notes have no page of their own in Mautic (they show on the contact), so no URL mode. */
export const noteLocatorSpec = entityLocator({
	displayName: 'Note',
	name: 'noteId',
	noun: 'note',
	searchListMethod: 'searchNotes',
	exampleId: 7,
});

/** Contact notes: `/api/notes`, `{"note": …}` / `{"notes": […]}`. */
export const noteEntity: Entity = {
	path: '/notes',
	key: 'note',
	listKey: 'notes',
	label: 'note',
	pluralLabel: 'notes',
	locator: noteLocatorSpec,
};
