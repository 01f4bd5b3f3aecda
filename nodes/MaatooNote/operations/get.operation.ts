import { getOperation as entityGet } from '../../shared/entities/entity';
import { noteEntity } from '../noteEntity';
import { withFlatNotes } from '../outputs/note';

export const getOperation = withFlatNotes(entityGet(noteEntity));
