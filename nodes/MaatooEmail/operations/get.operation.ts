import { getOperation as entityGet } from '../../shared/entities/entity';
import { emailEntity } from '../emailEntity';

export const getOperation = entityGet(
	emailEntity,
	'Get one email by ID or link, with its content and stats',
);
