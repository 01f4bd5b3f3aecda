import type { INodeProperties } from 'n8n-workflow';

export const CHANNELS = ['email', 'sms'] as const;

export const channelProperty: INodeProperties = {
	displayName: 'Channel',
	name: 'channel',
	type: 'options',
	options: [
		{ name: 'Email', value: 'email' },
		{ name: 'SMS', value: 'sms' },
	],
	default: 'email',
	description: 'The channel the contact must not be contacted on',
};
