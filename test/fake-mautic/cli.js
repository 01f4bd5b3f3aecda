#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Standalone fake Mautic (sandbox backend):
 *   node test/fake-mautic/cli.js --port 8090 --seed demo [--version 7.0.0] [--latency 5] [--webhook-mode queued]
 *     [--no-basic-auth] [--batch-limit 200]
 */

const { startFakeMautic, DEFAULT_USERS, DEFAULT_CLIENTS } = require('./server');

/** @param {string[]} argv */
function parseArgs(argv) {
	/** @type {Record<string, string|boolean>} */
	const out = {};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (!a.startsWith('--')) continue;
		const eq = a.indexOf('=');
		if (eq !== -1) out[a.slice(2, eq)] = a.slice(eq + 1);
		else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--'))
			out[a.slice(2)] = argv[++i];
		else out[a.slice(2)] = true;
	}
	return out;
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (args.help) {
		console.log(
			'usage: cli.js [--port 8090] [--host 127.0.0.1] [--seed demo] [--version 5.1.1] [--latency 0] [--webhook-mode immediate|queued] [--no-basic-auth] [--batch-limit 200]',
		);
		return;
	}
	const fake = await startFakeMautic({
		port: args.port ? Number(args.port) : 0,
		host: typeof args.host === 'string' ? args.host : '127.0.0.1',
		seed: args.seed === 'demo' ? 'demo' : undefined,
		version: typeof args.version === 'string' ? args.version : undefined,
		latencyMs: args.latency ? Number(args.latency) : 0,
		webhookMode: args['webhook-mode'] === 'queued' ? 'queued' : 'immediate',
		basicAuthEnabled: !args['no-basic-auth'],
		batchLimit: args['batch-limit'] ? Number(args['batch-limit']) : undefined,
	});
	const u = DEFAULT_USERS[0];
	const c = DEFAULT_CLIENTS[0];
	console.log(`fake Mautic listening on ${fake.url}`);
	console.log(
		`  Mautic ${fake.config.version}; Basic auth: ${u.username} / ${u.password}; OAuth2 client: ${c.clientId} / ${c.clientSecret}`,
	);
	if (fake.config.webhookMode === 'queued')
		console.log('  webhooks are queued; send SIGUSR2 to flush them');
	process.on('SIGUSR2', () => {
		fake.flushWebhooks().then((n) => console.log(`flushed webhooks: ${n} POST(s)`));
	});
	const stop = () => {
		fake.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
