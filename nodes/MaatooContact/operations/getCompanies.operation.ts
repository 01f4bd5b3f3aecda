import { contactListOperation } from '../builders/contactListOperation';

export const getCompaniesOperation = contactListOperation({
	value: 'getCompanies',
	name: 'Get Companies',
	what: 'companies',
	path: 'companies',
	key: 'companies',
	paged: false,
});
