// @ts-check
'use strict';

/**
 * Tiny loopback HTTP receiver for webhook deliveries in tests (kept in .js: the repo's lint
 * rules ban node built-ins in .ts files). Records raw bodies and headers.
 */

const http = require('node:http');
const crypto = require('node:crypto');

/**
 * base64(HMAC-SHA256(rawBody, secret)) — how a receiver verifies Webhook-Signature.
 * @param {string} rawBody
 * @param {string} secret
 */
function hmacBase64(rawBody, secret) {
	return crypto.createHmac('sha256', secret).update(Buffer.from(rawBody, 'utf8')).digest('base64');
}

/**
 * @typedef {{ method: string, path: string, headers: http.IncomingHttpHeaders, body: string }} Received
 */

/**
 * @param {{ status?: number | ((r: Received) => number) }} [opts]
 */
async function startWebhookReceiver(opts = {}) {
	/** @type {Received[]} */
	const received = [];
	/** @type {((r: Received) => void)[]} */
	let waiters = [];
	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const r = {
				method: req.method || '',
				path: req.url || '',
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			};
			received.push(r);
			const status = typeof opts.status === 'function' ? opts.status(r) : (opts.status ?? 200);
			res.writeHead(status, { 'Content-Type': 'text/plain' });
			res.end('ok');
			const w = waiters;
			waiters = [];
			w.forEach((fn) => fn(r));
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const addr = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${addr.port}/hook`,
		received,
		/** Resolves once at least `count` requests have arrived. @param {number} [count] @param {number} [timeoutMs] */
		waitFor(count = 1, timeoutMs = 5000) {
			return new Promise((resolve, reject) => {
				const check = () => {
					if (received.length >= count) {
						clearTimeout(timer);
						resolve(received.slice());
						return true;
					}
					return false;
				};
				const timer = setTimeout(
					() => reject(new Error(`expected ${count} webhook(s), got ${received.length}`)),
					timeoutMs,
				);
				if (check()) return;
				const again = () => {
					if (!check()) waiters.push(again);
				};
				waiters.push(again);
			});
		},
		/** @returns {Promise<void>} */
		close() {
			return new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
}

module.exports = { startWebhookReceiver, hmacBase64 };
