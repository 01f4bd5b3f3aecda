import { submissionListOperation } from '../builders/submissionList';

export const getSubmissionsOperation = submissionListOperation({
	value: 'getSubmissions',
	name: 'Get Submissions',
	action: 'Get submissions of a form',
	description: 'List the submissions a form received, oldest first, optionally in a date range',
});
