import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { contactLocator } from '../../shared/locators/contactLocator';
import { simplifyProperty } from '../../shared/descriptions/listParameters';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import { type Operation } from '../../shared/engine';
import { changedContactOutput } from '../writeOptions';
import { UTM_KEYS } from '../parameters/utmKeys';

export const addUtmOperation: Operation = {
	value: 'addUtm',
	name: 'Add UTM Tags',
	action: 'Add UTM tags to a contact',
	description: 'Record a visit with its UTM parameters on the contact',
	properties: [
		contactLocator(),
		{
			displayName: 'UTM Tags',
			name: 'utm',
			type: 'collection',
			placeholder: 'Add UTM Value',
			default: {},
			options: UTM_KEYS.map(([name, displayName]) => ({
				displayName,
				name,
				type: 'string',
				default: '',
			})),
		},
		simplifyProperty,
	],
	async request(ctx, itemIndex) {
		const id = await resolveContactId(ctx, itemIndex);
		const utm = ctx.getNodeParameter('utm', itemIndex, {}) as IDataObject;
		const body = Object.fromEntries(
			Object.entries(utm).filter(([, value]) => value !== '' && value !== undefined),
		);
		if (Object.keys(body).length === 0) {
			throw new NodeOperationError(
				ctx.getNode(),
				'The field "UTM Tags" is empty: add at least one value',
				{ itemIndex },
			);
		}
		return {
			method: 'POST',
			path: `/contacts/${id}/utm/add`,
			body,
			entity: { label: 'contact', id },
		};
	},
	output: changedContactOutput,
};
