import { entityListSearch } from '../../shared/entities/entity';
import { noteEntity } from '../noteEntity';

function plain(text: unknown): string {
	const words = String(text ?? '')
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return words.length > 60 ? `${words.slice(0, 57)}…` : words || '(empty)';
}

/** Resource-locator search: notes whose text matches, newest first, 50 at a time. */
export const searchNotes = entityListSearch(noteEntity, {
	orderBy: 'id',
	orderByDir: 'DESC',
	name: (note) => `${String(note.type ?? 'note')}: ${plain(note.text)}`,
});
