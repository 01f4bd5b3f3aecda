import { entityListSearch, type Entity } from '../shared/entities/entity';
import { entityLocator } from '../shared/locators/entityLocator';

export const textMessageLocatorSpec = entityLocator({
	displayName: 'Text Message',
	name: 'textMessageId',
	noun: 'text message',
	searchListMethod: 'searchTextMessages',
	exampleId: 4,
	uiPath: 's/sms',
	description: 'The text message (SMS) to work on',
});

/** Text messages: `/api/smses`, `{"sms": …}` / `{"smses": {id: …}}`. */
export const textMessageEntity: Entity = {
	path: '/smses',
	key: 'sms',
	listKey: 'smses',
	label: 'text message',
	pluralLabel: 'text messages',
	locator: textMessageLocatorSpec,
	uiPath: 's/sms',
};

/** Resource-locator search: text messages whose name or message matches, by name. */
export const searchTextMessages = entityListSearch(textMessageEntity, {
	orderBy: 'name',
	orderByDir: 'ASC',
	name: (sms) =>
		`${String(sms.name ?? `Text message ${sms.id}`)}${sms.isPublished === false ? ' [unpublished]' : ''}`,
});
