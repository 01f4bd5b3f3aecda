// @ts-check
/**
 * n8n 2.8.4 in queue mode: one main (`n8n start`), one webhook processor (`n8n webhook`) and
 * workers (`n8n worker`), sharing Redis, Postgres and the encryption key. Each process has its own
 * user folder with the packed package installed as a community package (as on separate
 * machines: no file is shared), its own port and its own task-runner broker port.
 *
 * Production webhook URLs point at the webhook processor (WEBHOOK_URL), and main does not serve
 * production webhooks at all (N8N_DISABLE_PRODUCTION_MAIN_PROCESS), so a delivery that works can
 * only have gone through the webhook processor. Logs are JSON lines (N8N_LOG_FORMAT=json) so the
 * run can read which process enqueued and which worker ran each execution.
 */
const fs = require('node:fs');
const path = require('node:path');
const { ensureN8n, n8nEnv, runN8n, startN8n, stopN8n } = require('../lib/n8nHost');
const { installAsCommunityPackage } = require('../lib/packageTarball');
const { freePort } = require('../lib/n8nSession');

const WORKER_CONCURRENCY = 5;

/**
 * @typedef {{ name: string, role: 'main' | 'webhook' | 'worker', port: number, env: NodeJS.ProcessEnv,
 *   logFile: string, child?: import('node:child_process').ChildProcess }} N8nProcess
 */

class QueueCluster {
	/**
	 * @param {{ root: string, tarball: string, redisPort: number, postgres: { port: number, db: { name: string, user: string, password: string } }, workers: number }} options
	 */
	static async create(options) {
		const cluster = new QueueCluster(options.root, ensureN8n());
		const shared = {
			EXECUTIONS_MODE: 'queue',
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(options.postgres.port),
			DB_POSTGRESDB_DATABASE: options.postgres.db.name,
			DB_POSTGRESDB_USER: options.postgres.db.user,
			DB_POSTGRESDB_PASSWORD: options.postgres.db.password,
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(options.redisPort),
			N8N_LOG_FORMAT: 'json',
			N8N_LOG_LEVEL: 'info',
			// the runner's broker listens on loopback by default; say so, as every process has one
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
			// n8n 2.x warns that manual executions on main in queue mode are deprecated
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		};
		const mainPort = await freePort();
		const webhookPort = await freePort();
		const webhookBase = `http://127.0.0.1:${webhookPort}/`;
		/** @type {Array<{ name: string, role: N8nProcess['role'], port: number, extra: Record<string, string> }>} */
		const plan = [
			{
				name: 'main',
				role: 'main',
				port: mainPort,
				extra: {
					N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
					N8N_EDITOR_BASE_URL: `http://127.0.0.1:${mainPort}/`,
				},
			},
			{ name: 'webhook', role: 'webhook', port: webhookPort, extra: {} },
		];
		for (let index = 1; index <= options.workers; index++) {
			const port = await freePort();
			// a worker serves only its health endpoint; n8nHost polls N8N_PORT for readiness
			plan.push({
				name: `worker-${index}`,
				role: 'worker',
				port,
				extra: {
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(port),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				},
			});
		}
		for (const entry of plan) {
			const userFolder = path.join(options.root, entry.name);
			fs.mkdirSync(userFolder, { recursive: true });
			installAsCommunityPackage(options.tarball, userFolder);
			const env = n8nEnv({
				userFolder,
				port: entry.port,
				brokerPort: await freePort(),
				host: cluster.host,
				extra: { ...shared, WEBHOOK_URL: webhookBase, ...entry.extra },
			});
			cluster.processes.push({
				name: entry.name,
				role: entry.role,
				port: entry.port,
				env,
				logFile: path.join(options.root, `${entry.name}.log`),
			});
		}
		return cluster;
	}

	/** @param {string} root @param {import('../lib/n8nHost').N8nHost} host */
	constructor(root, host) {
		this.root = root;
		this.host = host;
		/** @type {N8nProcess[]} */
		this.processes = [];
		this.counter = 0;
	}

	/** @param {string} name */
	process(name) {
		const found = this.processes.find((entry) => entry.name === name);
		if (!found) throw new Error(`no n8n process ${name}`);
		return found;
	}

	get main() {
		return this.process('main');
	}

	get workers() {
		return this.processes.filter((entry) => entry.role === 'worker');
	}

	get mainUrl() {
		return `http://127.0.0.1:${this.main.port}`;
	}

	get webhookUrl() {
		return `http://127.0.0.1:${this.process('webhook').port}`;
	}

	/** Runs an n8n CLI command with main's environment (same database and key as every process). @param {string[]} args */
	async cli(args) {
		const stdoutFile = path.join(this.root, `cli-${++this.counter}.txt`);
		const result = await runN8n(this.host, args, this.main.env, { stdoutFile });
		if (result.code !== 0)
			throw new Error(
				`n8n ${args.join(' ')} exited ${result.code}\n${result.stderr.slice(-3000)}\n${result.stdout.slice(-3000)}`,
			);
		return result;
	}

	/** @param {string} name @param {unknown} content */
	file(name, content) {
		const file = path.join(this.root, `${++this.counter}-${name}`);
		fs.writeFileSync(file, JSON.stringify(content, null, 2));
		return file;
	}

	/** @param {N8nProcess} entry */
	async start(entry) {
		const args = {
			main: ['start'],
			webhook: ['webhook'],
			worker: ['worker', `--concurrency=${WORKER_CONCURRENCY}`],
		}[entry.role];
		// readiness (database connected) plus the line each command logs once it takes work:
		// main after activating published workflows, the webhook processor once its listener
		// runs (its server answers earlier), a worker before its health server starts
		const readyLogLine = {
			main: 'Editor is now accessible via',
			webhook: 'Webhook listener waiting for requests',
			worker: 'n8n worker is now ready',
		}[entry.role];
		entry.child = await startN8n(this.host, entry.env, {
			args,
			logFile: entry.logFile,
			readyLogLine,
			timeoutMs: 180_000,
		});
	}

	/** Stops every started process by its PID: workers and the webhook processor first, main last. */
	async stopAll() {
		const order = [...this.processes].reverse();
		await Promise.all(
			order.filter((entry) => entry.role !== 'main').map((entry) => this.stop(entry)),
		);
		await this.stop(this.main);
	}

	/** @param {N8nProcess} entry */
	async stop(entry) {
		if (entry.child) await stopN8n(entry.child);
	}

	/** PIDs of the processes that are running. */
	pids() {
		return this.processes
			.filter(
				(entry) => entry.child && entry.child.exitCode === null && entry.child.signalCode === null,
			)
			.map((entry) => `${entry.name}=${entry.child?.pid}`);
	}

	/**
	 * The JSON log records of a process (lines that are not JSON, e.g. from the task runner, are skipped).
	 * @param {string} name
	 * @returns {Array<{ level?: string, message?: string, metadata?: Record<string, any> }>}
	 */
	logRecords(name) {
		const file = this.process(name).logFile;
		if (!fs.existsSync(file)) return [];
		/** @type {Array<any>} */
		const records = [];
		for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
			if (!line.startsWith('{')) continue;
			try {
				records.push(JSON.parse(line));
			} catch {
				// a partial last line
			}
		}
		return records;
	}

	/**
	 * Execution ids a process logged with a message, e.g. "Worker started execution" (worker) or
	 * "Enqueued execution" (the process that put the job on the Bull queue).
	 * @param {string} name @param {string} messagePrefix
	 */
	loggedExecutions(name, messagePrefix) {
		return this.logRecords(name)
			.filter((record) => String(record.message ?? '').startsWith(messagePrefix))
			.map((record) =>
				String(record.metadata?.executionId ?? /execution (\d+)/.exec(String(record.message))?.[1]),
			);
	}

	/**
	 * Error-level records of every process, as "name: message", except those matching `expected`.
	 * @param {RegExp[]} [expected]
	 */
	errors(expected = []) {
		return this.processes.flatMap((entry) =>
			this.logRecords(entry.name)
				.filter(
					(record) =>
						record.level === 'error' &&
						!expected.some((pattern) => pattern.test(String(record.message))),
				)
				.map((record) => `${entry.name}: ${String(record.message).slice(0, 300)}`),
		);
	}
}

module.exports = { QueueCluster, WORKER_CONCURRENCY };
