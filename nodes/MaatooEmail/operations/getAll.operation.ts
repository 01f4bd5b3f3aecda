import { getManyOperation } from '../../shared/entities/entity';
import { emailEntity } from '../emailEntity';

export const getAllOperation = getManyOperation(emailEntity, {
	description: 'List emails (A/B variants excluded), optionally searched or of one type',
	searchMatches: 'name or subject',
	searchPlaceholder: 'e.g. welcome',
	publishedOnly: true,
	pageSize: true,
	options: [
		{
			displayName: 'Type',
			name: 'emailType',
			type: 'options',
			options: [
				{ name: 'Any', value: '' },
				{ name: 'Template', value: 'template' },
				{ name: 'Segment', value: 'list' },
			],
			default: '',
			description: 'Only template emails (sent one contact at a time) or only segment emails',
		},
	],
	qs: (options) =>
		options.emailType === 'template' || options.emailType === 'list'
			? { where: [{ col: 'emailType', expr: 'eq', val: options.emailType }] }
			: {},
});
