import type { Entity } from '../shared/entities/entity';
import { emailLocatorSpec } from './descriptions/emailLocator';

/** Emails: `/api/emails`, `{"email": …}` / `{"emails": {id: …}}` (A/B variants are not listed). */
export const emailEntity: Entity = {
	path: '/emails',
	key: 'email',
	listKey: 'emails',
	label: 'email',
	pluralLabel: 'emails',
	locator: emailLocatorSpec,
	uiPath: 's/emails',
};
