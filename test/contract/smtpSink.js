// @ts-check
'use strict';

/**
 * A minimal SMTP server that accepts every message and keeps it in memory, so a real Mautic
 * whose mailer is its default `smtp://localhost:25` (a fresh install, as CI starts it) can send.
 * No TLS, no authentication: it answers EHLO without STARTTLS, so Symfony's mailer sends in clear.
 */

const net = require('node:net');

/**
 * @typedef {{ from: string, to: string[], data: string }} SunkMessage
 * @typedef {{ port: number, messages: SunkMessage[], close: () => Promise<void> }} SmtpSink
 */

/**
 * @param {{ port?: number, host?: string }} [options]
 * @returns {Promise<SmtpSink>}
 */
function startSmtpSink(options = {}) {
	/** @type {SunkMessage[]} */
	const messages = [];
	/** @type {Set<net.Socket>} */
	const sockets = new Set();
	const server = net.createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => socket.destroy());
		socket.setEncoding('utf8');
		let buffer = '';
		let inData = false;
		/** @type {SunkMessage} */
		let current = { from: '', to: [], data: '' };
		const reply = (/** @type {string} */ line) => socket.write(`${line}\r\n`);
		reply('220 smtp-sink ready');
		socket.on('data', (chunk) => {
			buffer += chunk;
			for (;;) {
				if (inData) {
					const end = buffer.indexOf('\r\n.\r\n');
					if (end === -1) return;
					current.data += buffer.slice(0, end);
					buffer = buffer.slice(end + 5);
					messages.push(current);
					current = { from: '', to: [], data: '' };
					inData = false;
					reply('250 2.0.0 queued');
					continue;
				}
				const newline = buffer.indexOf('\r\n');
				if (newline === -1) return;
				const line = buffer.slice(0, newline);
				buffer = buffer.slice(newline + 2);
				const verb = line.slice(0, 4).toUpperCase();
				if (verb === 'EHLO') socket.write('250-smtp-sink\r\n250 8BITMIME\r\n');
				else if (verb === 'HELO') reply('250 smtp-sink');
				else if (verb === 'MAIL') {
					current.from = line.slice(10).trim();
					reply('250 2.1.0 ok');
				} else if (verb === 'RCPT') {
					current.to.push(line.slice(8).trim());
					reply('250 2.1.5 ok');
				} else if (verb === 'DATA') {
					inData = true;
					reply('354 end with <CRLF>.<CRLF>');
					// the terminator may follow at once: "\r\n.\r\n" needs the line break before it
					buffer = `\r\n${buffer}`;
				} else if (verb === 'QUIT') {
					reply('221 bye');
					socket.end();
				} else if (verb === 'RSET' || verb === 'NOOP') reply('250 ok');
				else reply('502 5.5.2 not implemented');
			}
		});
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 25, options.host ?? '127.0.0.1', () => {
			const address = server.address();
			resolve({
				port: typeof address === 'object' && address ? address.port : 0,
				messages,
				close: () =>
					new Promise((done) => {
						for (const socket of sockets) socket.destroy();
						server.close(() => done());
					}),
			});
		});
	});
}

/**
 * Why the contract suite cannot catch a real Mautic's mail here, or undefined when it can: the
 * sink listens on port 25 (a fresh Mautic's `smtp://localhost:25`), which needs root on Linux.
 * `MAUTIC_SMTP_SINK=off` says the real Mautic sends elsewhere (its own mailer or none).
 * @returns {string|undefined}
 */
function smtpSinkProblem() {
	if (process.env.MAUTIC_SMTP_SINK === 'off')
		return 'MAUTIC_SMTP_SINK=off: no local SMTP sink for the real Mautic';
	if (typeof process.getuid === 'function' && process.getuid() !== 0)
		return 'the local SMTP sink needs port 25 (root) to catch what a fresh Mautic sends';
	return undefined;
}

/**
 * The sink on port 25, waiting while another test file (another jest worker) holds the port.
 * @param {number} [waitMs]
 * @returns {Promise<SmtpSink>}
 */
async function acquireSmtpSink(waitMs = 150_000) {
	const deadline = Date.now() + waitMs;
	for (;;) {
		try {
			return await startSmtpSink();
		} catch (error) {
			const code = /** @type {{ code?: string }} */ (error).code;
			if (code !== 'EADDRINUSE' || Date.now() > deadline) throw error;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
}

module.exports = { startSmtpSink, acquireSmtpSink, smtpSinkProblem };
