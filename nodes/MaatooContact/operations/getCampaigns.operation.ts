import { contactListOperation } from '../builders/contactListOperation';

export const getCampaignsOperation = contactListOperation({
	value: 'getCampaigns',
	name: 'Get Campaigns',
	what: 'campaigns',
	path: 'campaigns',
	key: 'campaigns',
	paged: false,
});
