// @ts-check
/**
 * Installs one n8n release into a host folder outside the repository: the registry-only fixes
 * (xlsx from the registry instead of a CDN, overrides for pins the registry lacks, found by
 * familyPins.js and registryPins.js) live in that folder's package.json, never in the product's.
 * The tree installs without scripts, then every package with an install script is rebuilt one
 * by one by the Node that will run n8n (first on PATH, its headers as nodedir), so native addons
 * load there. One by one, because some cannot build here: @confluentinc/kafka-javascript
 * downloads librdkafka (n8n only needs it for the Kafka nodes), and isolated-vm 6 (pulled by
 * n8n 1.123.66 and later) needs Node 22 to compile; n8nHost.js then runs n8n's legacy expression
 * engine. sqlite3 must build: n8n cannot start without it.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { formatDuration, startHeartbeat } = require('./heartbeat');
const { resolveMissingPins } = require('./registryPins');

/** Addons n8n cannot start without; any other may fail to build (the smoke then shows whether it mattered). */
const REQUIRED_ADDONS = ['sqlite3'];
const REBUILD_TIMEOUT_MS = 15 * 60_000;
/** File in the host folder while an install is under way or was interrupted. */
const INCOMPLETE = '.install-incomplete';

/**
 * npm's environment when this runs under `npm run`/`npm test`: drop the product's npm settings
 * (its .npmrc says ignore-scripts) so they do not leak into the host folder's install.
 * @param {Record<string, string>} extra
 * @returns {NodeJS.ProcessEnv}
 */
function npmEnv(extra = {}) {
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(([name]) => !/^npm_(config|package|lifecycle)_/i.test(name)),
	);
	return { ...inherited, ...extra };
}

/**
 * @param {string} dir
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @param {{ timeoutMs?: number, quiet?: boolean }} [options]
 */
function npm(dir, args, env, options = {}) {
	return spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: dir,
		env,
		stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		timeout: options.timeoutMs,
	});
}

/** @param {string} dir @param {string} version */
function writeManifest(dir, version) {
	const file = path.join(dir, 'package.json');
	let overrides = { xlsx: '0.18.5' };
	try {
		const previous = JSON.parse(fs.readFileSync(file, 'utf8'));
		// A previous, interrupted run already found these missing pins; keep them.
		if (previous.dependencies?.n8n === version) overrides = { ...previous.overrides, ...overrides };
	} catch {
		// first run
	}
	const manifest = {
		name: 'maatoo-e2e-n8n-host',
		private: true,
		version: '0.0.0',
		dependencies: { n8n: version },
		overrides,
	};
	fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * Runs familyPins.js (async, so in a child) and adds what it finds to the host's overrides; when
 * it fails, the lock-only loop alone finds the missing pins, only slower.
 * @param {string} dir @param {string} version @param {(line: string) => void} log
 * @returns {Record<string, string>}
 */
function addFamilyOverrides(dir, version, log) {
	const result = spawnSync(process.execPath, [path.join(__dirname, 'familyPins.js'), version], {
		env: npmEnv(),
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
		timeout: 10 * 60_000,
	});
	if (result.status !== 0) {
		log(`  (could not walk n8n's own packages for missing pins; resolving the slow way)`);
		return {};
	}
	/** @type {Record<string, string>} */
	const found = JSON.parse(result.stdout);
	const file = path.join(dir, 'package.json');
	const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
	manifest.overrides = { ...manifest.overrides, ...found };
	fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
	return found;
}

/** Packages in the resolved tree that have install scripts (native addons, mostly). @param {string} dir */
function packagesWithInstallScripts(dir) {
	const lock = JSON.parse(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8'));
	const names = new Set();
	for (const [location, entry] of Object.entries(lock.packages ?? {})) {
		if (!entry.hasInstallScript || !location) continue;
		names.add(location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length));
	}
	return [...names].sort();
}

/**
 * @param {string} dir
 * @param {import('./nodeRuntime').NodeRuntime | undefined} runtime undefined: the machine's Node
 * @param {(line: string) => void} log
 */
function rebuildAddons(dir, runtime, log, installStarted = Date.now()) {
	// `npm` is a `#!/usr/bin/env node` script: with the runtime first on PATH, npm, node-gyp and
	// every install script run on that Node and build against its headers.
	const env = npmEnv({
		...(runtime
			? {
					PATH: `${runtime.binDir}${path.delimiter}${process.env.PATH ?? ''}`,
					npm_config_nodedir: runtime.nodedir,
				}
			: {}),
		npm_config_ignore_scripts: 'false',
	});
	const nodeVersion = runtime?.version ?? process.version;
	/** @type {string[]} */
	const failed = [];
	const names = packagesWithInstallScripts(dir);
	for (const [index, name] of names.entries()) {
		const started = Date.now();
		const beat = startHeartbeat({
			label: `building ${name} (${index + 1} of ${names.length})`,
			installStarted,
		});
		let result;
		try {
			result = npm(dir, ['rebuild', name, '--ignore-scripts=false'], env, {
				timeoutMs: REBUILD_TIMEOUT_MS,
				quiet: true,
			});
		} finally {
			beat.stop();
		}
		const seconds = ((Date.now() - started) / 1000).toFixed(0);
		if (result.status === 0) {
			log(
				`  rebuilt ${name} for Node ${nodeVersion} (${seconds} s; ${index + 1} of ${names.length})`,
			);
			continue;
		}
		const lines = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n');
		// The first compiler error says why (e.g. isolated-vm 6 needs V8 from Node 22), npm's tail only that it failed.
		const why =
			lines.find((line) => /\berror:/.test(line))?.replace(/^npm error\s*/, '') ??
			lines.slice(-3).join(' | ');
		log(
			`  could not rebuild ${name} (${result.error ? result.error.message : `exit ${result.status}`}, ${seconds} s): ${why.slice(0, 400)}`,
		);
		failed.push(name);
	}
	const missing = failed.filter((name) => REQUIRED_ADDONS.includes(name));
	if (missing.length)
		throw new Error(
			`n8n cannot run without ${missing.join(', ')}, which did not build for Node ${nodeVersion}`,
		);
	return failed;
}

/**
 * @param {{ dir: string, version: string, runtime?: import('./nodeRuntime').NodeRuntime, log: (line: string) => void }} options
 * @returns {{ overrides: Record<string, string>, skippedAddons: string[] }}
 */
function installN8n({ dir, version, runtime, log: print }) {
	const installStarted = Date.now();
	/** Each line says how long the install has run, so a slow step never looks like a hang. @param {string} line */
	const log = (line) =>
		print(line.startsWith(' ') ? line : `[${formatDuration(Date.now() - installStarted)}] ${line}`);
	fs.mkdirSync(dir, { recursive: true });
	// Until ensureN8n writes .installed: a run stopped during step 3 leaves n8n's bin in place
	// without its native addons, and must not pass for a finished install next time.
	fs.writeFileSync(path.join(dir, INCOMPLETE), `${new Date().toISOString()}\n`);
	writeManifest(dir, version);
	log(
		`Step 1 of 3: resolving n8n ${version}'s dependency tree in ${dir} (pins the registry lacks get overridden; about 6 minutes)…`,
	);
	let beat = startHeartbeat({
		label: `resolving n8n ${version}'s dependency tree (npm prints nothing here)`,
		installStarted,
	});
	let overrides;
	try {
		overrides = {
			...addFamilyOverrides(dir, version, log),
			...resolveMissingPins(dir, { log, env: npmEnv() }),
		};
	} finally {
		beat.stop();
	}
	const nodeVersion = runtime?.version ?? process.version;
	const expected = topLevelPackages(dir);
	log(
		`Step 2 of 3: downloading and unpacking ${expected ? `${expected.toLocaleString('en-US')} packages` : 'the packages'} for Node ${nodeVersion}, without install scripts (about 6 minutes, ~2.3 GB)…`,
	);
	beat = startHeartbeat({
		label: `installing n8n ${version}'s packages`,
		installStarted,
		countDir: path.join(dir, 'node_modules'),
		expected,
	});
	let result;
	try {
		result = npm(dir, ['install', '--ignore-scripts'], npmEnv());
	} finally {
		beat.stop();
	}
	if (result.status !== 0)
		throw new Error(`npm install n8n@${version} failed (exit ${result.status})`);
	log(
		`Step 3 of 3: running install scripts one by one with Node ${nodeVersion} (native addons; about 4 minutes, sqlite3 alone about 2 as it compiles from source)…`,
	);
	const skippedAddons = rebuildAddons(dir, runtime, log, installStarted);
	return { overrides, skippedAddons };
}

/** How many package folders the resolved tree puts directly in node_modules. @param {string} dir */
function topLevelPackages(dir) {
	try {
		const lock = JSON.parse(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8'));
		/** @param {string[] | undefined} list @param {string} value */
		const fits = (list, value) =>
			!list ||
			list.includes(value) ||
			(list.every((item) => item.startsWith('!')) && !list.includes(`!${value}`));
		return Object.entries(lock.packages ?? {}).filter(
			([location, entry]) =>
				/^node_modules\/(@[^/]+\/)?[^/@][^/]*$/.test(location) &&
				fits(entry.os, process.platform) &&
				fits(entry.cpu, process.arch),
		).length;
	} catch {
		return undefined;
	}
}

module.exports = { installN8n, packagesWithInstallScripts, INCOMPLETE };
