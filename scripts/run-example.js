#!/usr/bin/env node
// @ts-check
/**
 * `npm run example -- <name>`: runs one workflow from examples/ without the editor, in the pinned
 * local n8n (with the packed package) against the sandbox Mautic (the fake Mautic with its demo
 * data), through n8n's own CLI: import:credentials, import:workflow, execute. Prints what each
 * node returned. Without a name it lists the examples. Only examples that start with a Manual
 * Trigger run this way; trigger examples need Mautic to send events (see `npm run dev`).
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startFakeMautic } = require('../test/fake-mautic');
const { loadExamples } = require('./lib/examples');
const { N8nSession } = require('./lib/n8nSession');
const { REPO_ROOT, packPackage } = require('./lib/packageTarball');

const CREDENTIAL = {
	id: 'maatooSandbox01',
	name: 'maatoo sandbox (Basic auth)',
	type: 'maatooApi',
};
const SANDBOX_USER = { username: 'admin', password: 'maatoo-secret' };

/** @param {any} workflow */
const isManual = (workflow) =>
	workflow.nodes.some((/** @type {any} */ node) => node.type === 'n8n-nodes-base.manualTrigger');

async function main() {
	const examples = loadExamples(CREDENTIAL.id);
	const wanted = process.argv[2];
	const example =
		wanted && examples.find(({ file }) => file === wanted || file === `${wanted}.json`);
	if (!example) {
		if (wanted) process.stderr.write(`No example "${wanted}".\n`);
		process.stdout.write('Examples (run one with: npm run example -- <name>):\n');
		for (const { file, workflow } of examples) {
			process.stdout.write(
				`  ${file.replace(/\.json$/, '').padEnd(36)} ${workflow.name}${isManual(workflow) ? '' : '  (trigger: use npm run dev)'}\n`,
			);
		}
		process.exitCode = wanted ? 1 : 0;
		return;
	}
	const { workflow } = example;
	if (!isManual(workflow)) {
		throw new Error(
			`"${workflow.name}" starts with a Maatoo Trigger: it runs when Mautic sends an event. Run npm run dev, publish it in the editor and change a contact in the sandbox Mautic.`,
		);
	}

	process.stdout.write('▸ Building and packing the package\n');
	execFileSync('npm', ['run', 'build', '--silent'], {
		cwd: REPO_ROOT,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const tarball = packPackage(fs.mkdtempSync(path.join(os.tmpdir(), 'maatoo-example-')));
	const mautic = await startFakeMautic({ seed: 'demo', version: '7.0.0' });
	/** @type {N8nSession | undefined} */
	let n8n;
	try {
		process.stdout.write(`▸ Sandbox Mautic (fake, demo data) on ${mautic.url}; preparing n8n\n`);
		n8n = await N8nSession.create({ tarball });
		await n8n.importCredentials([{ ...CREDENTIAL, data: { url: mautic.url, ...SANDBOX_USER } }]);
		await n8n.importWorkflow(workflow);
		process.stdout.write(`▸ n8n execute --id ${workflow.id}  (${workflow.name})\n`);
		const started = Date.now();
		const run = await n8n.execute(workflow.id);
		const seconds = ((Date.now() - started) / 1000).toFixed(1);
		const runData = run.data.resultData.runData;
		for (const [nodeName, runs] of Object.entries(runData)) {
			const last = /** @type {any} */ (runs)[/** @type {any} */ (runs).length - 1];
			if (last.error) {
				process.stdout.write(`\n${nodeName}: failed: ${last.error.message}\n`);
				continue;
			}
			const items = (last.data?.main?.[0] ?? []).map((/** @type {any} */ item) => item.json);
			process.stdout.write(`\n${nodeName}: ${items.length} item${items.length === 1 ? '' : 's'}\n`);
			for (const item of items.slice(0, 5))
				process.stdout.write(`  ${JSON.stringify(item).slice(0, 300)}\n`);
			if (items.length > 5) process.stdout.write(`  … ${items.length - 5} more\n`);
		}
		const error = run.data.resultData.error;
		process.stdout.write(
			`\n${error ? `Failed: ${error.message}` : 'Finished'} in ${seconds} s (n8n execute, including n8n's start); ${mautic.requests.length} request${mautic.requests.length === 1 ? '' : 's'} reached the sandbox Mautic.\n`,
		);
		if (error) process.exitCode = 1;
	} finally {
		await n8n?.dispose();
		await mautic.close();
	}
}

main().catch((error) => {
	process.stderr.write(`\n${error instanceof Error ? error.message : error}\n`);
	process.exit(1);
});
