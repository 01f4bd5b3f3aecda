import { contactListOperation } from '../builders/contactListOperation';

export const getDevicesOperation = contactListOperation({
	value: 'getDevices',
	name: 'Get Devices',
	what: 'devices',
	path: 'devices',
	key: 'devices',
	paged: true,
});
