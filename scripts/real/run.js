#!/usr/bin/env node
// @ts-check
/**
 * `npm run test:real`: the contract suite and the node runs against the fake and a real Mautic,
 * then the end-to-end run of the packed package in a real n8n against that Mautic. Uses the
 * Mautic MAUTIC_URL names, else starts ../shared/real-mautic (and stops it again). It writes
 * test data (contacts, segments, point groups, hooks, five contract_* custom fields) there.
 */
const { spawnSync } = require('node:child_process');
const { useRealMautic } = require('../lib/realMautic');
const { REPO_ROOT } = require('../lib/packageTarball');

function run(args, env) {
	const result = spawnSync('npx', args, {
		cwd: REPO_ROOT,
		stdio: 'inherit',
		env: { ...process.env, ...env },
	});
	return result.status ?? 1;
}

async function main() {
	const started = Date.now();
	const { env, source, stop } = await useRealMautic();
	console.log(`[test:real] real Mautic ${env.MAUTIC_VERSION} at ${env.MAUTIC_URL}, from ${source}`);
	let status = 1;
	try {
		// Several files at once: the time goes to Mautic's answers, not to this machine.
		status = run(['jest', 'test/contract', '--maxWorkers=3'], env);
		if (status === 0)
			status = run(['jest', '-c', 'jest.e2e.config.js', 'test/e2e/realMautic.e2e.test.js'], env);
	} finally {
		stop();
	}
	console.log(
		`[test:real] ${status === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`,
	);
	process.exit(status);
}

main().catch((error) => {
	console.error(`[test:real] ${error.message}`);
	process.exit(1);
});
