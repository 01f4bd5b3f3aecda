#!/usr/bin/env node
// @ts-check
/**
 * `npm run dev`: the product, running. Builds the package, starts the bundled sandbox Mautic
 * (the fake server, seeded with demo data), installs the packed package into a pinned local
 * n8n, imports a ready credential and the example workflows, and prints where to go.
 * Ctrl-C stops everything it started.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startFakeMautic } = require('../test/fake-mautic');
const { ensureN8n, n8nEnv, runN8n, startN8n, stopN8n } = require('./lib/n8nHost');
const { loadExamples } = require('./lib/examples');
const { REPO_ROOT, installAsCommunityPackage, packPackage } = require('./lib/packageTarball');

const N8N_PORT = Number(process.env.N8N_PORT || 5678);
const MAUTIC_PORT = Number(process.env.MAATOO_SANDBOX_PORT || 8090);
const OWNER = { email: 'sandbox@maatoo.local', password: 'Sandbox-maatoo-2026', firstName: 'Sandbox', lastName: 'User' };
const SANDBOX_USER = { username: 'admin', password: 'maatoo-secret' };

function step(message) {
	process.stdout.write(`\n▸ ${message}\n`);
}

async function setUpOwner(baseUrl) {
	const response = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	// 400 means an owner exists already (a previous sandbox run): fine.
	if (!response.ok && response.status !== 400) {
		throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
	}
}

async function main() {
	step('Building the package');
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });

	step(`Starting the sandbox Mautic on http://127.0.0.1:${MAUTIC_PORT}`);
	const mautic = await startFakeMautic({ port: MAUTIC_PORT, seed: 'demo', version: '7.0.0' });

	step('Preparing n8n 2.8.4 (installed once into ~/.cache/n8n-nodes-maatoo)');
	const host = ensureN8n();
	const sandboxDir = path.join(REPO_ROOT, '.sandbox');
	const userFolder = path.join(sandboxDir, 'n8n');
	fs.mkdirSync(userFolder, { recursive: true });
	const tarball = packPackage(fs.mkdtempSync(path.join(os.tmpdir(), 'maatoo-dev-')));
	installAsCommunityPackage(tarball, userFolder);
	const env = n8nEnv({ userFolder, port: N8N_PORT, brokerPort: N8N_PORT + 1, extra: { N8N_LOG_LEVEL: 'info' } });

	const credential = { id: 'maatooSandbox01', name: 'maatoo sandbox (Basic auth)', type: 'maatooApi', data: { url: mautic.url, ...SANDBOX_USER } };
	const credentialsFile = path.join(sandboxDir, 'credentials.json');
	fs.writeFileSync(credentialsFile, JSON.stringify([credential], null, 2));
	await runN8n(host, ['import:credentials', '--input', credentialsFile], env);
	const workflows = loadExamples(credential.id).map((example) => example.workflow);
	for (const workflow of workflows) {
		const file = path.join(sandboxDir, `workflow-${workflow.id}.json`);
		fs.writeFileSync(file, JSON.stringify(workflow, null, 2));
		await runN8n(host, ['import:workflow', '--input', file], env);
	}

	step(`Starting n8n on http://127.0.0.1:${N8N_PORT}`);
	const n8n = await startN8n(host, env, { logFile: path.join(sandboxDir, 'n8n.log') });
	await setUpOwner(`http://127.0.0.1:${N8N_PORT}`);

	process.stdout.write(`
  n8n with the maatoo nodes:  http://127.0.0.1:${N8N_PORT}
    sign in as                ${OWNER.email} / ${OWNER.password}
  sandbox Mautic API:         ${mautic.url}/api  (user ${SANDBOX_USER.username} / ${SANDBOX_USER.password})
  credential ready in n8n:    "${credential.name}"
  example workflows:          ${workflows.length ? workflows.map((workflow) => workflow.name).join(', ') : 'none'}

  Open first: a new workflow → add "Maatoo Contact" → Get Many → Execute step.
  n8n log: .sandbox/n8n.log      Stop with Ctrl-C.
`);

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		process.stdout.write('\nStopping n8n and the sandbox Mautic…\n');
		await stopN8n(n8n);
		await mautic.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	process.stderr.write(`\n${error.stack || error}\n`);
	process.exit(1);
});
