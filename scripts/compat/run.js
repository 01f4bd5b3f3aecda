#!/usr/bin/env node
// @ts-check
/**
 * `npm run test:compat`: the end-to-end smoke (the Contact node with Basic auth, OAuth2 refresh,
 * client credentials and a 1,000-contact upsert; the signed webhook trigger) on every n8n
 * release we claim to support: the newest 1.123 patch and 2.8.4 on this machine's Node, the
 * newest 2.x on Node 24. Installs what is missing into ~/.cache/n8n-nodes-maatoo first (once),
 * then prints a table of what actually ran. Exits non-zero if any release fails.
 *
 * Arguments: version specs to run only some targets (e.g. `2.8.4` or `1.123`).
 * Environment: MAATOO_COMPAT_FILES, comma-separated e2e files (default contact and trigger).
 */
const { ensureN8n } = require('../lib/n8nHost');
const { TARGETS, resolveVersion } = require('./targets');
const { runSmoke } = require('./smoke');

const DEFAULT_FILES = ['test/e2e/contact.e2e.test.js', 'test/e2e/trigger.e2e.test.js'];

/** @param {number} seconds */
function duration(seconds) {
	const minutes = Math.floor(seconds / 60);
	return minutes ? `${minutes} min ${Math.round(seconds % 60)} s` : `${Math.round(seconds)} s`;
}

/** How this install differs from a plain `npm install n8n`. @param {import('../lib/n8nHost').N8nHost} host */
function hostNotes(host) {
	const notes = host.skippedAddons.map((name) => `${name} not built`);
	notes.push(...Object.entries(host.env).map(([name, value]) => `${name}=${value}`));
	return notes.join(', ');
}

/** @param {string[][]} rows */
function markdownTable(rows) {
	const [head, ...body] = rows;
	return [head, head.map(() => '---'), ...body].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

async function main() {
	const only = process.argv.slice(2);
	const targets = only.length ? TARGETS.filter((target) => only.includes(target.spec)) : TARGETS;
	if (!targets.length)
		throw new Error(
			`no target matches ${only.join(', ')}; targets: ${TARGETS.map((target) => target.spec).join(', ')}`,
		);
	const files = process.env.MAATOO_COMPAT_FILES
		? process.env.MAATOO_COMPAT_FILES.split(',')
		: DEFAULT_FILES;
	const log = (/** @type {string} */ line) => process.stderr.write(`[compat] ${line}\n`);

	/** @type {string[][]} */
	const rows = [['n8n', 'Node', 'Tests passed', 'Tests failed', 'Duration', 'Notes']];
	/** @type {string[]} */
	const problems = [];
	for (const target of targets) {
		let version = target.spec;
		let nodeVersion = target.node === 'system' ? process.version : `${target.node}.x`;
		try {
			version = resolveVersion(target);
			// Installs (minutes, once) happen here, outside the build lock.
			const host = ensureN8n(version, { node: target.node, log });
			nodeVersion = host.nodeVersion;
			log(`n8n ${version} on Node ${nodeVersion}: ${files.join(' ')}`);
			const result = await runSmoke({ version, node: target.node, files });
			rows.push([
				version,
				nodeVersion,
				`${result.passed}/${result.total}`,
				String(result.failed),
				duration(result.seconds),
				hostNotes(host),
			]);
			if (result.failed || result.exitCode !== 0 || !result.total) {
				problems.push(
					`n8n ${version}: ${result.failures.join('; ') || `jest exited ${result.exitCode}`}`,
				);
			}
		} catch (error) {
			rows.push([version, nodeVersion, '0', 'not run', '–', '']);
			problems.push(`n8n ${version}: ${error instanceof Error ? error.message : String(error)}`);
		}
	}
	process.stdout.write(`\nSmoke: ${files.join(', ')}\n\n${markdownTable(rows)}\n`);
	if (problems.length) {
		process.stdout.write(`\nFailed:\n${problems.map((problem) => `- ${problem}`).join('\n')}\n`);
		process.exitCode = 1;
	}
}

main().catch((error) => {
	process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
	process.exitCode = 1;
});
