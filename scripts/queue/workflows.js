// @ts-check
/**
 * The credential and the two workflows the queue-mode run imports and publishes:
 * - Maatoo Trigger → HTTP Request that forwards every item, tagged with its execution id, to a
 *   loopback receiver (so the run sees exactly which items each execution held);
 * - n8n's Webhook → Split Out → Maatoo Contact "Create or Update" → Summarize (the webhook answers
 *   with the number of contacts the node returned once the worker has finished).
 */
const { PACKAGE, mapperValue } = require('../../test/e2e/support/workflows');

const CREDENTIAL = { id: 'maatooQueueBasic', name: 'Fake Mautic Basic (queue)' };
const TRIGGER_WORKFLOW_ID = 'wfQueueTrigger01';
const TRIGGER_WEBHOOK_ID = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const TRIGGER_EVENTS = ['mautic.lead_post_save_new', 'mautic.lead_post_save_update'];
const UPSERT_WORKFLOW_ID = 'wfQueueUpsert001';
const UPSERT_WEBHOOK_ID = '8b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e';
const UPSERT_PATH = 'maatoo-queue-upsert';

/** @param {{ url: string, username: string, password: string }} mautic */
function credentials(mautic) {
	return [{ ...CREDENTIAL, type: 'maatooApi', data: mautic }];
}

/** @param {Array<Record<string, any>>} nodes */
function chain(nodes) {
	/** @type {Record<string, any>} */
	const connections = {};
	for (let index = 0; index < nodes.length - 1; index++) {
		connections[nodes[index].name] = {
			main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]],
		};
	}
	return {
		nodes: nodes.map((node, index) => ({ position: [240 * index, 0], ...node })),
		connections,
	};
}

/** @param {string} receiverUrl */
function triggerWorkflow(receiverUrl) {
	return {
		id: TRIGGER_WORKFLOW_ID,
		name: 'Queue mode: Maatoo Trigger',
		active: false,
		...chain([
			{
				id: 'queue-trigger',
				name: 'Maatoo Trigger',
				type: `${PACKAGE}.maatooTrigger`,
				typeVersion: 1,
				webhookId: TRIGGER_WEBHOOK_ID,
				parameters: {
					authentication: 'basicAuth',
					events: TRIGGER_EVENTS,
					eventsOrder: 'ASC',
					options: {},
				},
				credentials: { maatooApi: CREDENTIAL },
			},
			{
				id: 'queue-forward',
				name: 'Forward',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				parameters: {
					method: 'POST',
					url: `=${receiverUrl}?execution={{ $execution.id }}`,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: '={{ JSON.stringify($json) }}',
					options: {},
				},
			},
		]),
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

function upsertWorkflow() {
	const fields = {
		email: '={{ $json.email }}',
		firstname: '={{ $json.firstname }}',
		lastname: '={{ $json.lastname }}',
	};
	return {
		id: UPSERT_WORKFLOW_ID,
		name: 'Queue mode: upsert contacts',
		active: false,
		...chain([
			{
				id: 'queue-webhook',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				webhookId: UPSERT_WEBHOOK_ID,
				parameters: {
					httpMethod: 'POST',
					path: UPSERT_PATH,
					responseMode: 'lastNode',
					responseData: 'firstEntryJson',
					options: {},
				},
			},
			{
				id: 'queue-split',
				name: 'Split Out',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				parameters: { fieldToSplitOut: 'body.contacts', include: 'noOtherFields', options: {} },
			},
			{
				id: 'queue-upsert',
				name: 'Upsert',
				type: `${PACKAGE}.maatooContact`,
				typeVersion: 1,
				parameters: {
					authentication: 'basicAuth',
					operation: 'upsert',
					fields: mapperValue(fields),
				},
				credentials: { maatooApi: CREDENTIAL },
			},
			{
				id: 'queue-summary',
				name: 'Summary',
				type: 'n8n-nodes-base.summarize',
				typeVersion: 1.1,
				parameters: {
					fieldsToSummarize: {
						values: [
							{ aggregation: 'count', field: 'id' },
							{ aggregation: 'count', field: 'error' },
						],
					},
					options: {},
				},
			},
		]),
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

module.exports = {
	credentials,
	triggerWorkflow,
	upsertWorkflow,
	TRIGGER_WORKFLOW_ID,
	TRIGGER_WEBHOOK_ID,
	TRIGGER_EVENTS,
	UPSERT_WORKFLOW_ID,
	UPSERT_PATH,
};
