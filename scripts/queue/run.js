#!/usr/bin/env node
// @ts-check
/**
 * `npm run test:queue`: the packed package in n8n 2.8.4 queue mode — main, one webhook processor
 * and two workers over Redis and Postgres (own instances on loopback, under a temporary folder),
 * against the fake Mautic. Prints every check and a result table; exits non-zero if any fails.
 * Everything it starts is stopped by PID at the end, also on Ctrl-C.
 *
 * Environment: MAATOO_QUEUE_TARBALL (use this tarball instead of building and packing),
 * MAATOO_QUEUE_KEEP=1 (keep the temporary folder with all logs; it is always kept on failure),
 * MAATOO_QUEUE_EVENTS (default 200), MAATOO_QUEUE_CONTACTS (default 2000), MAATOO_QUEUE_REQUESTS (default 10).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startFakeMautic } = require('../../test/fake-mautic');
const { startWebhookReceiver } = require('../../test/fake-mautic/receiver');
const { ADMIN } = require('../../test/e2e/support/mauticApi');
const { signInAsOwner, rest } = require('../../test/e2e/support/n8nRest');
const { REPO_ROOT } = require('../lib/packageTarball');
const { freePort } = require('../lib/n8nSession');
const { ensurePackages, startRedis, startPostgres, stopService } = require('./services');
const { QueueCluster } = require('./cluster');
const {
	credentials,
	triggerWorkflow,
	upsertWorkflow,
	TRIGGER_WORKFLOW_ID,
	TRIGGER_WEBHOOK_ID,
	UPSERT_WORKFLOW_ID,
} = require('./workflows');
const { triggerScenario, upsertScenario } = require('./scenarios');
const { Results } = require('./results');

const BUILD_LOCK = '/tmp/maatoo-build.lock';
const EVENTS = Number(process.env.MAATOO_QUEUE_EVENTS || 200);
const CONTACTS = Number(process.env.MAATOO_QUEUE_CONTACTS || 2000);
const REQUESTS = Number(process.env.MAATOO_QUEUE_REQUESTS || 10);
const WORKERS = 2;

const startedAt = Date.now();
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;
/** @param {string} line */
const log = (line) => process.stdout.write(`[${elapsed().padStart(7)}] ${line}\n`);

/** Things to stop, newest first; each runs once. @type {Array<{ name: string, stop: () => Promise<unknown> }>} */
const started = [];
/** @type {Promise<void> | undefined} */
let stopping;

function stopEverything() {
	stopping ??= (async () => {
		while (started.length) {
			const entry = /** @type {{ name: string, stop: () => Promise<unknown> }} */ (started.pop());
			try {
				await entry.stop();
			} catch (error) {
				log(`could not stop ${entry.name}: ${error instanceof Error ? error.message : error}`);
			}
		}
	})();
	return stopping;
}

const results = new Results();
/** A progress line, silent once the run was interrupted. @param {string} line */
const note = (line) => {
	if (!results.quiet) log(line);
};
/** The run's temporary folder (data of Redis and Postgres, user folders, logs). */
let root = '';

for (const signal of /** @type {NodeJS.Signals[]} */ (['SIGINT', 'SIGTERM'])) {
	process.once(signal, () => {
		log(`${signal}: stopping everything this run started…`);
		results.quiet = true; // the run's remaining steps fail against stopped processes: don't report them
		stopEverything().finally(() => {
			log(
				`Interrupted; nothing this run started is left running.${root ? ` Logs in ${root}` : ''}`,
			);
			process.exit(130);
		});
	});
}

/**
 * Builds dist and packs it under the shared build lock (so nobody deletes dist in between);
 * the rest of the run only uses the tarball. Returns the tarball and how long the lock was awaited.
 * @param {string} outDir
 * @returns {{ tarball: string, lockWaitMs: number }}
 */
function buildAndPack(outDir) {
	if (process.env.MAATOO_QUEUE_TARBALL)
		return { tarball: path.resolve(process.env.MAATOO_QUEUE_TARBALL), lockWaitMs: 0 };
	const pack = `node -e "process.stdout.write(require('./scripts/lib/packageTarball').packPackage(process.argv[1]))" '${outDir}'`;
	const begin = Date.now();
	// the first line says when the lock was taken (others hold it for their e2e runs)
	const result = spawnSync(
		'flock',
		[BUILD_LOCK, '-c', `date +%s%3N && npm run build >/dev/null && ${pack}`],
		{ cwd: REPO_ROOT, encoding: 'utf8' },
	);
	if (result.status !== 0)
		throw new Error(`build or pack failed (exit ${result.status}):\n${result.stderr.slice(-3000)}`);
	const lines = result.stdout.trim().split('\n');
	return { tarball: lines[lines.length - 1], lockWaitMs: Math.max(0, Number(lines[0]) - begin) };
}

/** @param {{ version: string }} host @param {string} root */
function describeSetup(host, root) {
	return `n8n ${host.version} in queue mode, ${WORKERS} workers; run folder ${root}`;
}

async function main() {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'maatoo-queue-'));
	fs.chmodSync(root, 0o711); // postgres and redis run as their own users below it
	/** @type {Record<string, string>} */
	const timings = {};
	const time = async (/** @type {string} */ name, /** @type {() => Promise<any>} */ step) => {
		const begin = Date.now();
		try {
			return await step();
		} finally {
			timings[name] = `${((Date.now() - begin) / 1000).toFixed(1)} s`;
		}
	};
	let cluster;
	/** @type {import('./services').Service[]} */
	const services = [];
	try {
		note('Building and packing the package (under the shared build lock)…');
		const { tarball, lockWaitMs } = await time('build and pack', async () =>
			buildAndPack(path.join(root, 'pack')),
		);
		timings['of which waiting for the build lock'] = `${(lockWaitMs / 1000).toFixed(1)} s`;
		note(`Packed ${path.basename(tarball)}`);

		ensurePackages(log);
		const { redis, postgres } = await time('start Redis and Postgres', async () => {
			const redis = await startRedis({ dir: root, port: await freePort() });
			services.push(redis);
			started.push({ name: 'redis', stop: () => stopService(redis) });
			note(`Redis listening on 127.0.0.1:${redis.port} (PID ${redis.child.pid})`);
			const postgres = await startPostgres({ dir: root, port: await freePort() });
			services.push(postgres);
			started.push({ name: 'postgres', stop: () => stopService(postgres) });
			note(
				`PostgreSQL ${postgres.version} listening on 127.0.0.1:${postgres.port} (PID ${postgres.child.pid})`,
			);
			return { redis, postgres };
		});

		const fake = await startFakeMautic({});
		started.push({ name: 'fake Mautic', stop: () => fake.close() });
		const receiver = await startWebhookReceiver();
		started.push({ name: 'receiver', stop: () => receiver.close() });
		note(`Fake Mautic at ${fake.url}`);

		const queueCluster = await QueueCluster.create({
			root,
			tarball,
			redisPort: redis.port,
			postgres,
			workers: WORKERS,
		});
		cluster = queueCluster;
		started.push({ name: 'n8n', stop: () => queueCluster.stopAll() });
		note(describeSetup(queueCluster.host, root));

		await time('import (n8n CLI, runs the migrations)', async () => {
			await queueCluster.cli([
				'import:credentials',
				'--input',
				queueCluster.file('credentials.json', credentials({ url: fake.url, ...ADMIN })),
			]);
			const dir = path.join(root, 'workflows');
			fs.mkdirSync(dir);
			fs.writeFileSync(
				path.join(dir, 'trigger.json'),
				JSON.stringify(triggerWorkflow(receiver.url)),
			);
			fs.writeFileSync(path.join(dir, 'upsert.json'), JSON.stringify(upsertWorkflow()));
			await queueCluster.cli(['import:workflow', '--separate', '--input', dir]);
		});
		await time('start main, webhook processor, workers', async () => {
			// the CLI import ran the migrations: all four can boot at once (allSettled: every
			// process that did start is recorded, and so stopped, even when another failed)
			const outcomes = await Promise.allSettled(
				queueCluster.processes.map((entry) => queueCluster.start(entry)),
			);
			const failed = outcomes.find((outcome) => outcome.status === 'rejected');
			if (failed) throw failed.reason;
			note(
				`main at ${queueCluster.mainUrl}, webhook processor at ${queueCluster.webhookUrl}; PIDs ${queueCluster.pids().join(', ')}`,
			);
		});
		await time('publish on main (REST)', async () => {
			const session = await signInAsOwner(queueCluster.mainUrl);
			for (const id of [TRIGGER_WORKFLOW_ID, UPSERT_WORKFLOW_ID]) {
				const workflow = await rest(session, 'GET', `/workflows/${id}`);
				await rest(session, 'POST', `/workflows/${id}/activate`, {
					versionId: workflow.data.versionId,
				});
				note(`published ${id} on main`);
			}
		});

		const ctx = {
			cluster: queueCluster,
			fake,
			receiver,
			query: postgres.query,
			results,
			log: note,
		};
		const immediate = Math.ceil(EVENTS / 2);
		await time('trigger: events through the cluster', () =>
			triggerScenario(ctx, { immediate, queued: EVENTS - immediate }).catch((error) =>
				results.failure('trigger scenario', error),
			),
		);
		await time('upsert: contacts through the cluster', () =>
			upsertScenario(ctx, { contacts: CONTACTS, requests: REQUESTS }).catch((error) =>
				results.failure('upsert scenario', error),
			),
		);
		results.begin('cluster');
		// the one error n8n logs on purpose: the 404 probe after unpublishing the trigger
		const errors = queueCluster.errors([new RegExp(`unknown webhook.*${TRIGGER_WEBHOOK_ID}`)]);
		results.check(
			'error-level log records in all n8n processes (besides the 404 probe)',
			0,
			errors.length,
		);
		for (const error of errors.slice(0, 10)) note(`  ${error}`);
	} catch (error) {
		results.failure('setup', error);
		note(error instanceof Error ? (error.stack ?? error.message) : String(error));
	} finally {
		note('Stopping everything this run started…');
		await time('stop', () => stopEverything());
	}
	const running = services
		.filter((service) => service.child.exitCode === null && service.child.signalCode === null)
		.map((service) => `${service.name}=${service.child.pid}`);
	const leftover = [...(cluster ? cluster.pids() : []), ...running];
	results.begin('cluster');
	results.check(
		'processes (n8n, Redis, Postgres) still running after stop',
		'none',
		leftover.join(', ') || 'none',
	);

	const keep = process.env.MAATOO_QUEUE_KEEP || results.failed > 0;
	if (!keep) fs.rmSync(root, { recursive: true, force: true });
	process.stdout.write(`\n${results.table()}\n\n`);
	process.stdout.write(
		`Timings: ${Object.entries(timings)
			.map(([name, value]) => `${name} ${value}`)
			.join('; ')}\n`,
	);
	const waited = Number.parseFloat(timings['of which waiting for the build lock'] ?? '0');
	process.stdout.write(
		`Total: ${elapsed()} (${((Date.now() - startedAt) / 1000 - waited).toFixed(1)} s without waiting for the lock). ${results.failed ? `${results.failed} check(s) FAILED` : 'All checks passed'}.`,
	);
	process.stdout.write(keep ? ` Logs kept in ${root}\n` : '\n');
	return results.failed === 0 ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
		stopEverything().finally(() => process.exit(1));
	},
);
