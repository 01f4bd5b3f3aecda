// @ts-check
/**
 * A real n8n, installed once per version into a cache folder outside the repository, and the
 * environment to run it headless on loopback. Used by the end-to-end suite, the sandbox
 * (`npm run dev`) and the benchmark.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const DEFAULT_N8N_VERSION = '2.8.4';

function cacheRoot() {
	return process.env.MAATOO_N8N_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-maatoo');
}

/**
 * Installs n8n@version into <cache>/n8n-<version> unless it is there already. n8n-nodes-base
 * wants xlsx from a CDN this machine cannot reach; the registry's 0.18.5 replaces it (the
 * override lives in that host folder, never in the product's package.json).
 * @param {string} version
 * @param {{ log?: (line: string) => void }} [options]
 */
function ensureN8n(version = DEFAULT_N8N_VERSION, options = {}) {
	const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
	const dir = path.join(cacheRoot(), `n8n-${version}`);
	const bin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const marker = path.join(dir, '.installed');
	if (fs.existsSync(marker) && fs.existsSync(bin)) return { dir, bin, version };
	if (fs.existsSync(bin) && installedVersion(dir) === version) {
		fs.writeFileSync(marker, version);
		return { dir, bin, version };
	}
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify(
			{
				name: 'maatoo-e2e-n8n-host',
				private: true,
				version: '0.0.0',
				dependencies: { n8n: version },
				overrides: { xlsx: '0.18.5' },
			},
			null,
			2,
		),
	);
	log(`Installing n8n ${version} into ${dir} (first run only, about 5 minutes)…`);
	// sqlite3 compiles in its install script: make sure no ignore-scripts setting leaks in from
	// the product's .npmrc through npm's environment when this runs under `npm test`.
	const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--ignore-scripts=false'], {
		cwd: dir,
		stdio: ['ignore', 'inherit', 'inherit'],
		env: { ...process.env, npm_config_ignore_scripts: 'false' },
	});
	if (result.status !== 0) throw new Error(`npm install n8n@${version} failed (exit ${result.status})`);
	fs.writeFileSync(marker, version);
	return { dir, bin, version };
}

/** @param {string} dir */
function installedVersion(dir) {
	try {
		return JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', 'n8n', 'package.json'), 'utf8')).version;
	} catch {
		return undefined;
	}
}

/**
 * Environment for a headless n8n that only listens on loopback and phones nowhere.
 * @param {{ userFolder: string, port: number, brokerPort: number, extra?: Record<string, string> }} options
 */
function n8nEnv({ userFolder, port, brokerPort, extra = {} }) {
	// Under jest NODE_ENV is "test", which makes n8n skip loading nodes and most of its start-up.
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('JEST_')),
	);
	return {
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
	};
}

/**
 * Runs one n8n CLI command to completion. stdout goes to a file: `n8n execute` exits before a
 * pipe drains and would cut large outputs.
 * @param {{ bin: string }} host
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @param {{ stdoutFile?: string, timeoutMs?: number }} [options]
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string }>}
 */
function runN8n(host, args, env, options = {}) {
	const stdoutFile = options.stdoutFile ?? path.join(os.tmpdir(), `n8n-out-${process.pid}-${Date.now()}.txt`);
	const out = fs.openSync(stdoutFile, 'w');
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [host.bin, ...args], { env, stdio: ['ignore', out, 'pipe'] });
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
 * @param {{ bin: string }} host
 * @param {NodeJS.ProcessEnv} env
 * @param {{ args?: string[], logFile: string, timeoutMs?: number, readyLogLine?: string }} options
 * (`readyLogLine` needs N8N_LOG_LEVEL info or lower; pass '' to wait for readiness only)
 */
async function startN8n(host, env, options) {
	const logStart = fs.existsSync(options.logFile) ? fs.statSync(options.logFile).size : 0;
	const log = fs.openSync(options.logFile, 'a');
	const child = spawn(process.execPath, [host.bin, ...(options.args ?? ['start'])], {
		env,
		stdio: ['ignore', log, log],
	});
	const port = env.N8N_PORT;
	const deadline = Date.now() + (options.timeoutMs ?? 120_000);
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n exited early (code ${child.exitCode}); see ${options.logFile}`);
		try {
			const response = await fetch(`http://127.0.0.1:${port}/healthz/readiness`);
			// Readiness comes before published workflows are activated; n8n logs this line after.
			const readyLine = options.readyLogLine ?? 'Editor is now accessible via';
			if (response.ok && (!readyLine || fs.readFileSync(options.logFile).subarray(logStart).toString('utf8').includes(readyLine))) return child;
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

module.exports = { DEFAULT_N8N_VERSION, ensureN8n, n8nEnv, runN8n, startN8n, stopN8n, cacheRoot };
