import type { IDataObject, IExecuteFunctions, NodeApiError } from 'n8n-workflow';
import { optionsCollection } from '../../shared/descriptions/listParameters';
import type { Operation } from '../../shared/engine';
import { failItem as fail } from '../../shared/engine/itemErrors';
import { contactLocator } from '../../shared/locators/contactLocator';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import { failureOf, mauticError, mauticErrorEntries, mauticRequest } from '../../shared/transport';
import { emailLocator, resolveEmailId } from '../descriptions/emailLocator';
import { SEND_NOT_REPEATED, sendNotice } from '../descriptions/sendNotice';
import { idListOf } from '../idList';

/** `{order_number}` or `order_number` → `{order_number}` (Mautic adds the braces the same way). */
function tokensOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const rows = ctx.getNodeParameter('tokens.token', itemIndex, []) as IDataObject[];
	const tokens: IDataObject = {};
	rows.forEach((row, position) => {
		const raw = String(row.key ?? '').trim();
		const name = raw.replace(/^\{(.*)\}$/, '$1').trim();
		if (!name || /[{}\s]/.test(name)) {
			fail(
				ctx,
				itemIndex,
				`Token ${position + 1}: the field "Token" must be a name such as order_number or {order_number}, got "${raw}"`,
			);
		}
		const key = `{${name}}`;
		if (key in tokens) fail(ctx, itemIndex, `Token ${position + 1}: "${key}" is given twice`);
		tokens[key] = row.value === undefined || row.value === null ? '' : String(row.value);
	});
	return tokens;
}

/**
 * `POST /emails/{id}/contact/{contactId}/send`: one transactional send of a template email, with
 * tokens and asset attachments. Mautic sends it even to contacts who unsubscribed (transactional),
 * answers `{"success": true}` or `{"success": false, "failed": "<reason>"}`, and is never asked
 * twice: a lost answer may mean the email went out.
 */
export const sendToContactOperation: Operation = {
	value: 'sendToContact',
	name: 'Send to Contact',
	action: 'Send an email to a contact',
	description:
		'Send a template email to one contact per item, with tokens (e.g. an order number) and attachments',
	properties: [
		sendNotice,
		emailLocator({ description: 'The template email to send' }),
		contactLocator({ description: 'The contact to send it to' }),
		{
			displayName: 'Tokens',
			name: 'tokens',
			type: 'fixedCollection',
			placeholder: 'Add Token',
			typeOptions: { multipleValues: true },
			default: {},
			description:
				'Values for tokens in the subject and content, e.g. {order_number}; Mautic keeps the HTML of values safe',
			options: [
				{
					displayName: 'Token',
					name: 'token',
					values: [
						{
							displayName: 'Token',
							name: 'key',
							type: 'string',
							default: '',
							placeholder: 'e.g. order_number',
							description: 'The token name, with or without braces',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
						},
					],
				},
			],
		},
		optionsCollection([
			{
				displayName: 'Asset Attachment IDs',
				name: 'assetAttachments',
				type: 'string',
				default: '',
				placeholder: 'e.g. 4, 9',
				description:
					'Comma-separated IDs of Mautic assets to attach; Mautic leaves out missing or unpublished assets without an error',
			},
		]),
	],
	async run(ctx, itemIndex) {
		const emailId = await resolveEmailId(ctx, itemIndex);
		const contactId = await resolveContactId(ctx, itemIndex);
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const body: IDataObject = {};
		const tokens = tokensOf(ctx, itemIndex);
		if (Object.keys(tokens).length > 0) body.tokens = tokens;
		if (options.assetAttachments !== undefined) {
			const assets = idListOf(ctx, itemIndex, options.assetAttachments, 'Asset Attachment IDs');
			if (assets.length > 0) body.assetAttachments = assets;
		}
		const response = await mauticRequest(
			ctx,
			{
				method: 'POST',
				path: `/emails/${emailId}/contact/${contactId}/send`,
				body,
				entity: { label: 'email', id: emailId },
				notRepeatedBecause: SEND_NOT_REPEATED,
			},
			itemIndex,
		).catch((error: NodeApiError) => {
			const failure = failureOf(error);
			if (failure?.status === 404 && /contact/i.test(mauticErrorText(failure.body))) {
				return Promise.reject(
					mauticError(
						ctx,
						failure,
						{
							method: 'POST',
							path: `/emails/${emailId}/contact/${contactId}/send`,
							entity: { label: 'contact', id: contactId },
						},
						undefined,
						itemIndex,
					),
				);
			}
			if (failure?.status === 500) {
				error.description = [
					error.description,
					'Mautic 5 fails this way when the contact has no email address: check the contact.',
				]
					.filter(Boolean)
					.join('\n');
			}
			return Promise.reject(error);
		});
		const answer = (response.body ?? {}) as IDataObject;
		if (answer.success !== true && answer.success !== 1) {
			const reason = failedReason(answer.failed);
			fail(
				ctx,
				itemIndex,
				`Mautic did not send email ${emailId} to contact ${contactId}${reason ? `: ${reason}` : ''}`,
				'Mautic answered that the send failed (for example the contact has no email address, or the mailer refused it). Nothing was sent.',
			);
		}
		return { emailId, contactId, sent: true };
	},
};

function mauticErrorText(body: unknown): string {
	return mauticErrorEntries(body)
		.map((entry) => String(entry.message ?? ''))
		.join(' ');
}

function failedReason(failed: unknown): string {
	if (typeof failed === 'string') return failed;
	if (failed && typeof failed === 'object') return Object.values(failed).map(String).join('; ');
	return '';
}
