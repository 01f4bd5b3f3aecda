#!/usr/bin/env node
// @ts-check
/**
 * `npm run dev`: the product, running. Builds the package, starts the bundled sandbox Mautic
 * (the fake server, seeded with demo data), installs the packed package into a pinned local
 * n8n, imports a ready credential and the example workflows, and prints where to go.
 * Ctrl-C stops everything it started.
 */
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { REPO_ROOT } = require('./lib/packageTarball');
const { startSandbox } = require('./lib/sandbox');

const N8N_PORT = Number(process.env.N8N_PORT || 5678);
const MAUTIC_PORT = Number(process.env.MAATOO_SANDBOX_PORT || 8090);

function step(message) {
	process.stdout.write(`\n▸ ${message}\n`);
}

async function main() {
	step('Building the package');
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });
	const sandbox = await startSandbox({ folder: path.join(REPO_ROOT, '.sandbox'), n8nPort: N8N_PORT, mauticPort: MAUTIC_PORT, log: step });

	process.stdout.write(`
  n8n with the maatoo nodes:  ${sandbox.baseUrl}
    sign in as                ${sandbox.owner.email} / ${sandbox.owner.password}
  sandbox Mautic API:         ${sandbox.mautic.url}/api  (user ${sandbox.mauticUser.username} / ${sandbox.mauticUser.password})
  credential ready in n8n:    "${sandbox.credential.name}"
  example workflows:          ${sandbox.workflows.map((workflow) => workflow.name).join('\n                              ')}

  Open first: Workflows → "maatoo example: sync new shop customers with tags" → Execute workflow.
  n8n log: .sandbox/n8n.log      Stop with Ctrl-C.
`);

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		process.stdout.write('\nStopping n8n and the sandbox Mautic…\n');
		await sandbox.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	process.stderr.write(`\n${error.stack || error}\n`);
	process.exit(1);
});
