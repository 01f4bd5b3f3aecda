// @ts-check
'use strict';

/**
 * Outgoing webhooks (WebhookModel): payload `{"<event>":[{…, "timestamp"}]}` re-encoded with PHP
 * json_encode, signed with base64(HMAC-SHA256(rawBody, secret)). Immediate mode posts one event
 * per request before the API answers; queued mode (command_process) waits for flush(), which
 * sends up to 10 queue rows per POST, ordered by queue id per the hook's eventsOrderbyDir.
 * Only loopback targets are contacted.
 */

const http = require('node:http');
const https = require('node:https');
const crypto = require('node:crypto');
const { encode, formatC } = require('./php-json');

/**
 * @typedef {{ hookId: number, url: string, body: string, signature: string, status: number|null,
 *   headers: Record<string, string>, at: number, error?: string }} Delivery
 * @typedef {{ type: string, payload: Record<string, any>, at: Date }} HookEvent
 */

const WEBHOOK_LIMIT = 10;
const TIMEOUT_MS = 15000;

/** @param {string} url */
function isLoopback(url) {
	try {
		const h = new URL(url).hostname.replace(/^\[|\]$/g, '');
		return h === 'localhost' || h === '::1' || /^127\./.test(h);
	} catch {
		return false;
	}
}

/** @param {string} body @param {string} secret */
function sign(body, secret) {
	return crypto.createHmac('sha256', secret).update(body, 'utf8').digest('base64');
}

class WebhookDispatcher {
	/**
	 * @param {{ store: import('./store').Store, deliveries: Delivery[], getConfig: () => { webhookMode: string }, baseUrl: () => string }} deps
	 */
	constructor(deps) {
		this.deps = deps;
	}

	/**
	 * Published hooks subscribed to an event type, by id.
	 * @param {string} type
	 */
	hooksFor(type) {
		return [...this.deps.store.hooks.values()]
			.filter((h) => h.isPublished && h.triggers.includes(type))
			.sort((a, b) => a.id - b.id);
	}

	/**
	 * Handles the events one API request produced.
	 * @param {HookEvent[]} events
	 */
	async dispatch(events) {
		const { store } = this.deps;
		const queued = this.deps.getConfig().webhookMode === 'queued';
		for (const ev of events) {
			for (const hook of this.hooksFor(ev.type)) {
				if (queued) {
					store.webhookQueue.push({
						id: store.nextId('webhookQueue'),
						hookId: hook.id,
						eventType: ev.type,
						payload: ev.payload,
						dateAdded: ev.at,
					});
				} else {
					await this.post(hook, { [ev.type]: [{ ...ev.payload, timestamp: formatC(ev.at) }] });
				}
			}
		}
	}

	/**
	 * mautic:webhooks:process — returns the number of POSTs sent.
	 * @returns {Promise<number>}
	 */
	async flush() {
		const { store } = this.deps;
		let posts = 0;
		const hookIds = [...new Set(store.webhookQueue.map((q) => q.hookId))].sort((a, b) => a - b);
		for (const hookId of hookIds) {
			const hook = store.hooks.get(hookId);
			if (!hook || !hook.isPublished) continue;
			const desc = hook.eventsOrderbyDir === 'DESC';
			for (;;) {
				const rows = store.webhookQueue
					.filter((q) => q.hookId === hookId)
					.sort((a, b) => (desc ? b.id - a.id : a.id - b.id))
					.slice(0, WEBHOOK_LIMIT);
				if (!rows.length) break;
				/** @type {Record<string, any[]>} */
				const payload = {};
				for (const row of rows) {
					(payload[row.eventType] = payload[row.eventType] || []).push({
						...row.payload,
						timestamp: formatC(row.dateAdded),
					});
				}
				const status = await this.post(hook, payload);
				posts++;
				// a transport error keeps the rows queued; any HTTP answer removes them (no retry in 5.x)
				if (status === null) break;
				const sent = new Set(rows.map((r) => r.id));
				store.webhookQueue = store.webhookQueue.filter((q) => !sent.has(q.id));
				if (!hook.isPublished) break;
			}
		}
		return posts;
	}

	/**
	 * @param {import('./store').Hook} hook
	 * @param {Record<string, any>} payload
	 * @returns {Promise<number|null>} HTTP status, null on transport error
	 */
	async post(hook, payload) {
		const body = encode(payload);
		const signature = sign(body, hook.secret);
		/** @type {Record<string, string>} */
		const headers = {
			'Content-Type': 'application/json',
			'Webhook-Signature': signature,
			'X-Origin-Base-URL': this.deps.baseUrl(),
			'User-Agent': 'GuzzleHttp/7',
		};
		/** @type {Delivery} */
		const delivery = {
			hookId: hook.id,
			url: hook.webhookUrl,
			body,
			signature,
			status: null,
			headers,
			at: Date.now(),
		};
		this.deps.deliveries.push(delivery);
		if (!isLoopback(hook.webhookUrl)) {
			delivery.error = 'fake Mautic only delivers to loopback addresses';
			return null;
		}
		try {
			delivery.status = await send(hook.webhookUrl, body, headers);
		} catch (e) {
			delivery.error = e instanceof Error ? e.message : String(e);
			return null;
		}
		// HTTP 410 stops the webhook at once (mautic.webhook.stopped.reason.410)
		if (delivery.status === 410) hook.isPublished = false;
		return delivery.status;
	}
}

/**
 * @param {string} url
 * @param {string} body
 * @param {Record<string, string>} headers
 * @returns {Promise<number>}
 */
function send(url, body, headers) {
	return new Promise((resolve, reject) => {
		const u = new URL(url);
		const lib = u.protocol === 'https:' ? https : http;
		const req = lib.request(
			u,
			{
				method: 'POST',
				headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
				timeout: TIMEOUT_MS,
				rejectUnauthorized: false,
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode || 0));
				res.on('error', reject);
			},
		);
		req.on('timeout', () => req.destroy(new Error('webhook request timed out')));
		req.on('error', reject);
		req.end(body);
	});
}

module.exports = { WebhookDispatcher, sign, isLoopback };
