import { entityListSearch } from '../../shared/entities/entity';
import { emailEntity } from '../emailEntity';

const TYPE_LABEL: Record<string, string> = { template: 'template', list: 'segment' };

/** Resource-locator search: emails whose name or subject matches, by name, 50 at a time. */
export const searchEmails = entityListSearch(emailEntity, {
	orderBy: 'name',
	orderByDir: 'ASC',
	name: (email) => {
		const type = TYPE_LABEL[String(email.emailType)];
		return `${String(email.name ?? `Email ${email.id}`)}${type ? ` (${type})` : ''}${email.isPublished === false ? ' [unpublished]' : ''}`;
	},
});
