// @ts-check
/**
 * The n8n releases `npm run test:compat` runs: the newest 1.123 patch and 2.8.4 on this
 * machine's Node (their engines allow Node 20), and the newest 2.x on Node 24 (2.36 and later
 * require it). Ranges resolve through the registry; offline, to the newest host already
 * installed in the cache.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const { cacheRoot } = require('../lib/n8nHost');
const { compareVersions } = require('../lib/registryPins');

/** @typedef {{ spec: string, node: string }} Target */

/** @type {Target[]} */
const TARGETS = [
	{ spec: '1.123', node: 'system' },
	{ spec: '2.8.4', node: 'system' },
	{ spec: '2', node: '24' },
];

/** @param {string} version @param {string} spec */
function matches(version, spec) {
	return version === spec || version.startsWith(`${spec}.`);
}

/** Newest n8n version matching `spec` (exact, or a prefix such as 1.123 or 2). @param {Target} target */
function resolveVersion(target) {
	if (/^\d+\.\d+\.\d+$/.test(target.spec)) return target.spec;
	const view = spawnSync('npm', ['view', `n8n@${target.spec}`, 'version', '--json'], {
		encoding: 'utf8',
	});
	if (view.status === 0 && view.stdout.trim()) {
		const parsed = JSON.parse(view.stdout);
		const versions = (Array.isArray(parsed) ? parsed : [parsed]).filter((version) =>
			/^\d+\.\d+\.\d+$/.test(version),
		);
		if (versions.length) return versions.sort(compareVersions)[versions.length - 1];
	}
	const suffix = target.node === 'system' ? '' : `-node${target.node}`;
	const installed = fs.existsSync(cacheRoot())
		? fs
				.readdirSync(cacheRoot())
				.map((name) => new RegExp(`^n8n-(\\d+\\.\\d+\\.\\d+)${suffix}$`).exec(name)?.[1])
				.filter((version) => version !== undefined && matches(version, target.spec))
		: [];
	if (!installed.length)
		throw new Error(
			`cannot resolve n8n@${target.spec}: npm view failed and nothing matching is installed`,
		);
	return /** @type {string[]} */ (installed).sort(compareVersions)[installed.length - 1];
}

module.exports = { TARGETS, resolveVersion, matches };
