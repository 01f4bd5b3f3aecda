// @ts-check
'use strict';

/**
 * The parts of the harness that need Node built-ins or `process`, which the community-node
 * lint rules forbid in .ts files.
 *
 * n8n-core ships its own copies of @n8n/di, @n8n/backend-common and @n8n/config (nested under
 * node_modules/n8n-core/node_modules). The dependency-injection Container is module state, so
 * the harness must talk to exactly the copy n8n-core itself requires: resolve them from
 * n8n-core's directory, never from the project root (the root holds other versions pulled in
 * by @n8n/node-cli).
 */

const { tmpdir } = require('node:os');
const { join, dirname } = require('node:path');

const coreDir = dirname(require.resolve('n8n-core/package.json'));

/**
 * @param {string} id
 * @returns {any}
 */
function requireFromCore(id) {
	return require(require.resolve(id, { paths: [coreDir] }));
}

/**
 * @typedef {abstract new (...args: any[]) => any} AnyClass
 * @typedef {{
 *   get<T extends AnyClass>(type: T): InstanceType<T>;
 *   set<T extends AnyClass>(type: T, instance: InstanceType<T>): void;
 *   has(type: AnyClass): boolean;
 * }} DiContainer
 */

/** @type {DiContainer} */
const Container = requireFromCore('@n8n/di').Container;

/** The Logger class n8n-core resolves from the Container. @type {AnyClass} */
const Logger = requireFromCore('@n8n/backend-common').Logger;

/**
 * Not exported from n8n-core's index. Every node execution context gets this singleton from the
 * Container, and the real one starts an un-unref'd 60 s interval (keeping jest from exiting)
 * and adds a process 'exit' listener; the harness registers a stand-in instead.
 * @type {AnyClass}
 */
const SSHClientsManager =
	require('n8n-core/dist/execution-engine/ssh-clients-manager').SSHClientsManager;

/**
 * Where InstanceSettings says n8n's user folder is. Nothing is written there unless a node
 * uses n8n's file-system helpers; one folder per worker process.
 */
const n8nUserFolder = join(tmpdir(), `n8n-nodes-maatoo-harness-${process.pid}`);

/** Fixed, test-only keys for the in-memory InstanceSettings (n8n-core's Cipher uses the first). */
const instanceKeys = {
	encryption: 'n8n-nodes-maatoo-test-harness-key',
	hmacSignature: 'n8n-nodes-maatoo-test-harness-hmac',
};

/** Set N8N_HARNESS_LOG=1 (or a level: error, warn, info, debug) to print n8n's log lines. */
const printLevel = (() => {
	const value = (process.env.N8N_HARNESS_LOG ?? '').trim().toLowerCase();
	if (value === '' || value === '0' || value === 'false') return undefined;
	return ['error', 'warn', 'info', 'debug'].includes(value) ? value : 'debug';
})();

const levelRank = { error: 0, warn: 1, info: 2, debug: 3 };

/**
 * @param {'error' | 'warn' | 'info' | 'debug'} level
 * @param {string} message
 * @param {unknown} [meta]
 */
function printLog(level, message, meta) {
	if (printLevel === undefined) return;
	if (levelRank[level] > levelRank[/** @type {'debug'} */ (printLevel)]) return;
	const line = `[n8n ${level}] ${message}`;
	const hasMeta =
		meta !== undefined &&
		(typeof meta !== 'object' || meta === null || Object.keys(meta).length > 0);
	if (hasMeta) {
		console[level === 'debug' ? 'log' : level](line, meta);
	} else {
		console[level === 'debug' ? 'log' : level](line);
	}
}

module.exports = {
	Container,
	instanceKeys,
	Logger,
	n8nUserFolder,
	printLog,
	requireFromCore,
	SSHClientsManager,
};
