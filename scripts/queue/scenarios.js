// @ts-check
/**
 * What the queue-mode run proves, against a running cluster (see cluster.js):
 * - trigger: the hook lifecycle runs on main (exactly one Mautic hook), signed deliveries are
 *   received by the webhook processor, executions run on the workers (both), and every event
 *   becomes exactly one item: none lost, none repeated; unpublishing on main deletes the hook;
 * - upsert: contacts posted to an n8n Webhook workflow in several concurrent requests land in
 *   Mautic exactly once each.
 *
 * Which worker ran an execution: n8n stores nothing per worker in the database, but each worker
 * logs "Worker started execution <id> (job <n>)" (level info, JSON with executionId) when it takes
 * a job from the Bull queue, and the process that enqueued it logs "Enqueued execution <id>". The
 * run compares these logged ids with the executions in Postgres and with the execution ids the
 * workflow itself reported (the trigger workflow forwards `$execution.id` with every item).
 */
const { hmacBase64 } = require('../../test/fake-mautic/receiver');
const { api } = require('../../test/e2e/support/mauticApi');
const { signInAsOwner, rest } = require('../../test/e2e/support/n8nRest');
const {
	TRIGGER_WORKFLOW_ID,
	TRIGGER_WEBHOOK_ID,
	UPSERT_WORKFLOW_ID,
	UPSERT_PATH,
} = require('./workflows');

/** @param {number} ms */
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `task` over `items` with at most `limit` at a time.
 * @template T, R
 * @param {T[]} items @param {number} limit @param {(item: T, index: number) => Promise<R>} task
 * @returns {Promise<R[]>}
 */
async function mapLimit(items, limit, task) {
	/** @type {R[]} */
	const results = new Array(items.length);
	let next = 0;
	const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await task(items[index], index);
		}
	});
	await Promise.all(lanes);
	return results;
}

/** @param {string[]} values @returns {Map<string, number>} */
function tally(values) {
	const counts = new Map();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	return counts;
}

/** @param {Map<string, number>} counts */
const repeated = (counts) => [...counts.values()].filter((count) => count > 1).length;

/**
 * @typedef {import('./cluster').QueueCluster} QueueCluster
 * @typedef {import('./results').Results} Results
 * @typedef {{ cluster: QueueCluster, fake: any, receiver: any, query: (sql: string) => string[][], results: Results, log: (line: string) => void }} Context
 */

/** Executions of a workflow in Postgres, as { id, status }. @param {Context} ctx @param {string} workflowId */
function executions(ctx, workflowId) {
	return ctx
		.query(
			`SELECT id, status FROM execution_entity WHERE "workflowId" = '${workflowId}' ORDER BY id`,
		)
		.map(([id, status]) => ({ id, status }));
}

/**
 * Waits until Postgres holds `count` executions of the workflow and none is still new, running or
 * waiting; returns the seconds since `since`, then waits a moment longer so that extra executions
 * (or items) would show, and returns the executions.
 * @param {Context} ctx @param {string} workflowId @param {number} count @param {number} since
 * @returns {Promise<{ rows: Array<{ id: string, status: string }>, seconds: number }>}
 */
async function settledExecutions(ctx, workflowId, count, since, timeoutMs = 180_000) {
	const deadline = Date.now() + timeoutMs;
	const unsettled = (/** @type {{ status: string }[]} */ rows) =>
		rows.filter((row) => ['new', 'running', 'waiting'].includes(row.status)).length;
	let rows = executions(ctx, workflowId);
	while (Date.now() < deadline && (rows.length < count || unsettled(rows) > 0)) {
		await pause(500);
		rows = executions(ctx, workflowId);
	}
	const seconds = (Date.now() - since) / 1000;
	await pause(2000);
	return { rows: executions(ctx, workflowId), seconds };
}

/**
 * For each execution id: the workers that logged starting it.
 * @param {Context} ctx @param {string[]} ids
 */
function workersOf(ctx, ids) {
	const wanted = new Set(ids);
	/** @type {Map<string, string[]>} */
	const byExecution = new Map(ids.map((id) => [id, []]));
	/** @type {Record<string, number>} */
	const perWorker = {};
	for (const worker of ctx.cluster.workers) {
		const started = ctx.cluster
			.loggedExecutions(worker.name, 'Worker started execution')
			.filter((id) => wanted.has(id));
		perWorker[worker.name] = started.length;
		for (const id of started) byExecution.get(id)?.push(worker.name);
	}
	const ranOnce = [...byExecution.values()].filter((names) => names.length === 1).length;
	return { perWorker, ranOnce };
}

/** Execution ids that a process logged as enqueued. @param {Context} ctx @param {string} name @param {string[]} ids */
function enqueuedBy(ctx, name, ids) {
	const logged = new Set(ctx.cluster.loggedExecutions(name, 'Enqueued execution'));
	return ids.filter((id) => logged.has(id)).length;
}

/**
 * "<n> ids" when both lists hold the same ids, else what is missing and extra.
 * @param {string[]} expected @param {string[]} actual
 */
function compareIds(expected, actual) {
	const missing = expected.filter((id) => !actual.includes(id));
	const extra = actual.filter((id) => !expected.includes(id));
	if (!missing.length && !extra.length) return `${actual.length} ids`;
	return `missing ${missing.slice(0, 10).join(',') || 'none'}; extra ${extra.slice(0, 10).join(',') || 'none'}`;
}

/** @param {Record<string, number>} perWorker */
const describeWorkers = (perWorker) =>
	Object.entries(perWorker)
		.map(([name, count]) => `${name}: ${count}`)
		.join(', ');

/**
 * POSTs an unsigned request to the trigger's production URL until the webhook processor answers
 * with the node's own 401 (the trigger is live) rather than n8n's 404.
 * @param {string} url
 */
async function waitForTriggerUrl(url, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	let status = 0;
	while (Date.now() < deadline) {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		status = response.status;
		await response.arrayBuffer();
		if (status === 401) return status;
		await pause(300);
	}
	return status;
}

/**
 * @param {Context} ctx
 * @param {{ immediate: number, queued: number }} counts events sent in Mautic's immediate mode (one per POST) and queued mode (10 per POST)
 */
async function triggerScenario(ctx, counts) {
	const { cluster, fake, receiver, results } = ctx;
	const productionUrl = `${cluster.webhookUrl}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
	const hooks = () => [...fake.store.hooks.values()];
	results.begin('trigger');

	results.check(
		'Mautic hooks after main activated the workflow and all processes started',
		1,
		hooks().length,
	);
	results.check(
		'hooks created (POST /api/hooks/new)',
		1,
		fake.countRequests(
			(/** @type {any} */ r) => r.method === 'POST' && r.path === '/api/hooks/new',
		),
	);
	results.check(
		"hook URL is the webhook processor's production URL",
		productionUrl,
		hooks()[0]?.webhookUrl,
	);
	results.check(
		'trigger URL live on the webhook processor (unsigned POST)',
		401,
		await waitForTriggerUrl(productionUrl),
	);
	const secret = hooks()[0]?.secret;

	const total = counts.immediate + counts.queued;
	const emails = Array.from({ length: total }, (_, index) => `queue-trigger-${index}@example.com`);
	const deliveriesBefore = fake.deliveries.length;
	const started = Date.now();
	ctx.log(
		`Sending ${counts.immediate} contact events one per request (immediate mode, 8 at a time)…`,
	);
	await mapLimit(emails.slice(0, counts.immediate), 8, (email, index) =>
		api(fake.url, 'POST', '/contacts/new', { email, firstname: `Immediate${index}` }),
	);
	ctx.log(
		`Sending ${counts.queued} contact events 10 per request (queued mode, flushed by the fake's webhook command)…`,
	);
	fake.setConfig({ webhookMode: 'queued' });
	try {
		await mapLimit(emails.slice(counts.immediate), 8, (email, index) =>
			api(fake.url, 'POST', '/contacts/new', { email, firstname: `Queued${index}` }),
		);
		await fake.flushWebhooks();
	} finally {
		fake.setConfig({ webhookMode: 'immediate' });
	}
	const deliveries = fake.deliveries.slice(deliveriesBefore);
	const expectedPosts = counts.immediate + Math.ceil(counts.queued / 10);
	results.check('signed POSTs the fake Mautic sent', expectedPosts, deliveries.length);
	results.check(
		'POSTs answered 200 by the webhook processor',
		deliveries.length,
		deliveries.filter((/** @type {any} */ d) => d.status === 200 && d.url === productionUrl).length,
	);
	results.check(
		'POSTs whose signature matches the hook secret',
		deliveries.length,
		deliveries.filter(
			(/** @type {any} */ d) => secret && d.signature === hmacBase64(d.body, secret),
		).length,
	);
	const eventsSent = deliveries.reduce(
		(/** @type {number} */ sum, /** @type {any} */ d) =>
			sum + Object.values(JSON.parse(d.body)).reduce((n, list) => n + list.length, 0),
		0,
	);
	results.check('contact events in those POSTs', total, eventsSent);

	ctx.log('Waiting for the executions to finish…');
	const { rows, seconds } = await settledExecutions(
		ctx,
		TRIGGER_WORKFLOW_ID,
		expectedPosts,
		started,
	);
	const items = receiver.received.map((/** @type {any} */ request) => ({
		execution: String(new URL(request.path, 'http://x').searchParams.get('execution')),
		json: JSON.parse(request.body),
	}));
	const byEmail = tally(items.map((/** @type {any} */ item) => String(item.json.contact?.email)));
	const itemsPerExecution = tally(items.map((/** @type {any} */ item) => item.execution));
	results.check('items the workflow received', total, items.length);
	results.check(
		'distinct contacts among them (none lost)',
		total,
		emails.filter((email) => byEmail.has(email)).length,
	);
	results.check('contacts received more than once (none repeated)', 0, repeated(byEmail));
	results.check(
		'items that are one "contact identified" event each',
		total,
		items.filter(
			(/** @type {any} */ item) =>
				item.json.event === 'mautic.lead_post_save_new' && item.json.contact?.id,
		).length,
	);
	results.check('executions in Postgres (one per POST)', expectedPosts, rows.length);
	results.check(
		'executions with status success',
		rows.length,
		rows.filter((row) => row.status === 'success').length,
	);
	const shape = `${[...itemsPerExecution.values()].filter((n) => n === 1).length} × 1 item, ${[...itemsPerExecution.values()].filter((n) => n === 10).length} × 10 items`;
	results.check(
		'items per execution',
		`${counts.immediate} × 1 item, ${Math.ceil(counts.queued / 10)} × 10 items`,
		shape,
	);
	const ids = rows.map((row) => row.id);
	results.check(
		'executions named by the items = executions in Postgres',
		`${ids.length} ids`,
		compareIds(ids, [...itemsPerExecution.keys()]),
	);
	const enqueued = enqueuedBy(ctx, 'webhook', ids);
	results.check('executions enqueued by the webhook processor', ids.length, enqueued);
	results.check('executions enqueued by main', 0, enqueuedBy(ctx, 'main', ids));
	const { perWorker, ranOnce } = workersOf(ctx, ids);
	results.check('executions started by exactly one worker', ids.length, ranOnce);
	results.check(
		'executions per worker (both take part)',
		'each > 0',
		describeWorkers(perWorker),
		Object.values(perWorker).every((n) => n > 0),
	);
	results.check('Mautic hooks after the run', 1, hooks().length);
	results.info(
		'events per second, first contact saved to last execution finished',
		(total / seconds).toFixed(1),
	);

	ctx.log('Unpublishing the trigger workflow on main (REST, as the editor does)…');
	fake.clearRequests();
	const session = await signInAsOwner(cluster.mainUrl);
	await rest(session, 'POST', `/workflows/${TRIGGER_WORKFLOW_ID}/deactivate`, {});
	results.check('Mautic hooks after unpublishing on main', 0, hooks().length);
	results.check(
		'hooks deleted (DELETE /api/hooks/:id/delete)',
		1,
		fake.countRequests((/** @type {any} */ r) => r.method === 'DELETE' && r.status === 200),
	);
	const gone = await fetch(productionUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{}',
	});
	await gone.arrayBuffer();
	results.check('trigger URL on the webhook processor after unpublishing', 404, gone.status);
}

/**
 * @param {Context} ctx
 * @param {{ contacts: number, requests: number }} counts
 */
async function upsertScenario(ctx, counts) {
	const { cluster, fake, results } = ctx;
	results.begin('upsert');
	const url = `${cluster.webhookUrl}/webhook/${UPSERT_PATH}`;
	const perRequest = Math.ceil(counts.contacts / counts.requests);
	const emails = Array.from(
		{ length: counts.contacts },
		(_, index) => `queue-upsert-${index}@example.com`,
	);
	const batches = Array.from({ length: counts.requests }, (_, index) =>
		emails.slice(index * perRequest, (index + 1) * perRequest),
	);
	const contactsBefore = fake.store.contacts.size;
	const deliveriesBefore = fake.deliveries.length;
	fake.clearRequests();
	ctx.log(
		`Posting ${counts.contacts} contacts to the Webhook workflow in ${counts.requests} concurrent requests…`,
	);
	const started = Date.now();
	const answers = await Promise.all(
		batches.map(async (batch, batchIndex) => {
			const contacts = batch.map((email, index) => ({
				email,
				firstname: `Upsert${batchIndex}-${index}`,
				lastname: 'Queue',
			}));
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ contacts }),
			});
			const text = await response.text();
			/** @type {any} */
			let body;
			try {
				body = JSON.parse(text);
			} catch {
				body = { raw: text.slice(0, 200) };
			}
			return { status: response.status, body, sent: contacts.length };
		}),
	);
	const answered = (Date.now() - started) / 1000;
	results.check(
		'webhook requests answered 200 after the worker finished',
		counts.requests,
		answers.filter((answer) => answer.status === 200).length,
	);
	results.check(
		'requests whose answer counts every contact sent, no errors',
		counts.requests,
		answers.filter(
			(answer) => Number(answer.body.count_id) === answer.sent && !Number(answer.body.count_error),
		).length,
	);

	const { rows } = await settledExecutions(ctx, UPSERT_WORKFLOW_ID, counts.requests, started);
	const stored = [...fake.store.contacts.values()].map((contact) => String(contact.values.email));
	const byEmail = tally(stored.filter((email) => email.startsWith('queue-upsert-')));
	results.check(
		'contacts added to the fake Mautic',
		counts.contacts,
		fake.store.contacts.size - contactsBefore,
	);
	results.check(
		'distinct posted contacts stored (none lost)',
		counts.contacts,
		emails.filter((email) => byEmail.has(email)).length,
	);
	results.check('posted contacts stored more than once (none repeated)', 0, repeated(byEmail));
	results.check(
		'batch requests to Mautic (POST /api/contacts/batch/new)',
		counts.requests * Math.ceil(perRequest / 200),
		fake.countRequests(
			(/** @type {any} */ r) => r.method === 'POST' && r.path === '/api/contacts/batch/new',
		),
	);
	results.check('executions in Postgres (one per request)', counts.requests, rows.length);
	results.check(
		'executions with status success',
		rows.length,
		rows.filter((row) => row.status === 'success').length,
	);
	const ids = rows.map((row) => row.id);
	results.check(
		'executions enqueued by the webhook processor',
		ids.length,
		enqueuedBy(ctx, 'webhook', ids),
	);
	const { perWorker, ranOnce } = workersOf(ctx, ids);
	results.check('executions started by exactly one worker', ids.length, ranOnce);
	results.check(
		'executions per worker',
		'each > 0',
		describeWorkers(perWorker),
		Object.values(perWorker).every((n) => n > 0),
	);
	results.check(
		'webhooks sent to n8n meanwhile (trigger unpublished)',
		0,
		fake.deliveries.length - deliveriesBefore,
	);
	results.info(
		'contacts per second, first request sent to last answer',
		(counts.contacts / answered).toFixed(0),
	);
}

module.exports = { triggerScenario, upsertScenario };
