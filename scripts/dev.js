#!/usr/bin/env node
// @ts-check
/**
 * `npm run dev`: the product, running. Builds the package, starts the sandbox Mautic (a fake
 * Mautic written in Node, test/fake-mautic, seeded with demo data; not a real Mautic), installs
 * the packed package into a pinned local n8n, imports a ready credential and the example
 * workflows, and prints where to go. Ctrl-C stops everything it started.
 *
 * Ports: MAATOO_SANDBOX_PORT (sandbox Mautic, default 8090), N8N_PORT (n8n, default 5678) and
 * N8N_RUNNERS_BROKER_PORT (n8n's task runners, default N8N_PORT + 1). A busy default port is
 * replaced by the next free one; a busy port set through its variable stops the run with one line.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { REPO_ROOT } = require('./lib/packageTarball');
const { PortError, chooseSandboxPorts, describeAddressInUse } = require('./lib/ports');
const { startSandbox } = require('./lib/sandbox');

const SANDBOX_FOLDER = path.join(REPO_ROOT, '.sandbox');

/** @param {string} message */
function step(message) {
	process.stdout.write(`\n▸ ${message}\n`);
}

async function main() {
	const ports = await chooseSandboxPorts();
	for (const note of ports.notes) process.stdout.write(`${note}\n`);

	step('Building the package');
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });
	let sandbox;
	try {
		sandbox = await startSandbox({
			folder: SANDBOX_FOLDER,
			n8nPort: ports.n8nPort,
			mauticPort: ports.mauticPort,
			brokerPort: ports.brokerPort,
			log: step,
		});
	} catch (error) {
		throw explainStartFailure(error, ports);
	}

	process.stdout.write(`
  n8n with the maatoo nodes:  ${sandbox.baseUrl}
    sign in as                ${sandbox.owner.email} / ${sandbox.owner.password}
  sandbox Mautic API:         ${sandbox.mautic.url}/api  (user ${sandbox.mauticUser.username} / ${sandbox.mauticUser.password})
                              a fake Mautic written in Node with demo data, not a real Mautic
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

/**
 * A port taken between the check and the listen becomes one line, not a stack trace.
 * @param {unknown} error @param {{ mauticPort: number, n8nPort: number, brokerPort: number }} ports
 */
function explainStartFailure(error, ports) {
	const variables = {
		[ports.mauticPort]: 'MAATOO_SANDBOX_PORT',
		[ports.n8nPort]: 'N8N_PORT',
		[ports.brokerPort]: 'N8N_RUNNERS_BROKER_PORT',
	};
	const line = describeAddressInUse(error, variables);
	if (line) return new PortError(line);
	// n8n reports its own EADDRINUSE in its log and exits.
	if (error instanceof Error && /n8n exited early/.test(error.message)) {
		let log = '';
		try {
			log = fs.readFileSync(path.join(SANDBOX_FOLDER, 'n8n.log'), 'utf8').slice(-20_000);
		} catch {
			// no log
		}
		// "n8n's port 5678 is already in use. …" (n8n's server) or a raw EADDRINUSE (task broker).
		const busy = /port (\d+) is already in use|EADDRINUSE[^\n]*?:(\d+)/i.exec(log);
		if (busy)
			return new PortError(
				describeAddressInUse({ code: 'EADDRINUSE', port: Number(busy[1] ?? busy[2]) }, variables) ??
					error.message,
			);
	}
	return error;
}

main().catch((error) => {
	if (error instanceof PortError) process.stderr.write(`\nnpm run dev: ${error.message}\n`);
	else process.stderr.write(`\n${error.stack || error}\n`);
	process.exit(1);
});
