import { contactLocator } from '../../shared/locators/contactLocator';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import { submissionListOperation } from '../builders/submissionList';

export const getContactSubmissionsOperation = submissionListOperation({
	value: 'getContactSubmissions',
	name: 'Get Submissions of a Contact',
	action: 'Get submissions of a contact for a form',
	description: 'List what one contact submitted on a form, oldest first',
	properties: [contactLocator({ description: 'The contact whose submissions to list' })],
	contact: resolveContactId,
});
