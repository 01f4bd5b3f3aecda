import type { INodeProperties } from 'n8n-workflow';

export type EventsOrder = 'ASC' | 'DESC';
export type OutputMode = 'perEvent' | 'wholePayload';

/** The `options` collection as saved in workflows (every key optional). */
export interface TriggerOptions {
	flattenSubmissions?: boolean;
	maxEventAge?: number;
	outputMode?: OutputMode;
	secret?: string;
	simplify?: boolean;
	verifySignature?: boolean;
}

/** Parameter names and values are stored in saved workflows: keep them. */
export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			"When the workflow is published, n8n creates a webhook in Mautic that posts to this trigger, and deletes it when the workflow is unpublished. Mautic must be able to reach n8n's production URL.",
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Event Names or IDs',
		name: 'events',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getWebhookEvents' },
		// A new trigger listens to contacts being identified or updated.
		default: ['mautic.lead_post_save_new', 'mautic.lead_post_save_update'],
		required: true,
		description:
			'Mautic events that start the workflow. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Form Names or IDs',
		name: 'forms',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getForms' },
		default: [],
		displayOptions: { show: { events: ['mautic.form_on_submit'] } },
		description:
			'Only submissions of these forms start the workflow; Mautic\'s deliveries for other forms are answered and ignored. Empty: every form. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Events Order',
		name: 'eventsOrder',
		type: 'options',
		options: [
			{
				name: 'Newest First',
				value: 'DESC',
				description: 'Reverse chronological order',
			},
			{
				name: 'Oldest First',
				value: 'ASC',
				description: 'Chronological order',
			},
		],
		default: 'ASC',
		description:
			'Order of the events when Mautic sends several in one request (queued webhooks); the items of one execution follow it',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Flatten Form Submissions',
				name: 'flattenSubmissions',
				type: 'boolean',
				default: true,
				description:
					'Whether to give each form submission as a flat item (submission ID, form ID, contact ID, date submitted, page, referer, every field alias with its value, and the contact) like the Form node, instead of the submission as Mautic sent it. Applies to one item per event.',
			},
			{
				displayName: 'Max Event Age (Minutes)',
				name: 'maxEventAge',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 1440,
				description:
					'Refuse a delivery whose newest event is older than this (HTTP 403, no execution), so a captured request cannot be replayed later. Keep it above the longest delay Mautic may have: its cron interval in queued mode, its hourly retry of failed deliveries, an n8n outage. 0 turns the check off; a delivery n8n already received is always ignored.',
			},
			{
				displayName: 'Output',
				name: 'outputMode',
				type: 'options',
				options: [
					{
						name: 'One Item per Event',
						value: 'perEvent',
						description:
							'Each event becomes an item with its event type, timestamp and objects, also when Mautic sends several in one request',
					},
					{
						name: 'Whole Payload as One Item',
						value: 'wholePayload',
						description: 'The request body as Mautic sent it, as a single item',
					},
				],
				default: 'perEvent',
			},
			{
				displayName: 'Secret',
				name: 'secret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'Secret Mautic signs every request with. Leave empty to let n8n generate a strong random secret.',
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description:
					'Whether to return each contact as a flat object (ID, every field with its value, points, tag names, owner, dates) instead of the raw data from Mautic. Applies to one item per event.',
			},
			{
				displayName: 'Verify Signature',
				name: 'verifySignature',
				type: 'boolean',
				default: true,
				description:
					'Whether to reject requests without a valid Webhook-Signature (HTTP 401, no execution). Turn off only for a webhook managed outside n8n whose requests carry no signature n8n can check: anyone who knows the URL could then start the workflow.',
			},
		],
	},
];
