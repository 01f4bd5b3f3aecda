// @ts-check
'use strict';

/**
 * HTTP front of the fake: request log, latency and fault injection, the ApiSubscriber checks
 * (API disabled, Basic disabled), Symfony routing (404/405 before authentication), the /api
 * firewall (Basic or OAuth2 bearer), controller dispatch and webhook delivery before answering.
 */

const http = require('node:http');
const { encode } = require('./php-json');
const { parsePhpQuery, parseBody, BodyParseError } = require('./php-query');
const {
	subscriberError,
	exceptionError,
	MESSAGES,
	ServerException,
	genericMessage,
} = require('./errors');
const { Store } = require('./store');
const { Router } = require('./router');
const { OAuthServer } = require('./oauth');
const { WebhookDispatcher } = require('./webhooks');
const { applySeed } = require('./seed');

/**
 * @typedef {import('./store').User} User
 * @typedef {import('./oauth').OAuthClient} OAuthClient
 * @typedef {import('./errors').Reply} Reply
 * @typedef {{ method: string, path: string, query: Record<string, any>, body: any, headers: http.IncomingHttpHeaders,
 *   authType: 'basic'|'bearer'|'none', requestNumber: number }} FaultContext
 * @typedef {{ status: 200|429|500|502|503|504, retryAfter?: number, after?: boolean, reset?: boolean, body?: any }} Fault
 * `body` replaces the answer's body (a proxy or plugin answering oddly, e.g. 200 without the record).
 * @typedef {{ method: string, path: string, query: Record<string, any>, status: number|null,
 *   authType: 'basic'|'bearer'|'none', at: number, body?: any, fault?: boolean,
 *   othersInFlight: number, urlLength: number }} RequestRecord
 * (`othersInFlight`: requests received and not yet answered when this one arrived; `urlLength`:
 * characters of the request target, path and query string, as sent)
 * @typedef {{
 *   version: string, apiEnabled: boolean, basicAuthEnabled: boolean, batchLimit: number, latencyMs: number,
 *   fault: ((ctx: FaultContext) => Fault|undefined|null|void) | undefined, webhookMode: 'immediate'|'queued',
 *   accessTokenLifetime: number
 * }} FakeConfig
 * @typedef {Partial<FakeConfig> & { users?: Partial<User>[], oauthClients?: OAuthClient[], seed?: 'demo'|undefined,
 *   port?: number, host?: string }} FakeOptions
 */

const DEFAULT_USERS = [
	{
		id: 1,
		username: 'admin',
		password: 'maatoo-secret',
		firstName: 'Ada',
		lastName: 'Admin',
		email: 'admin@example.com',
	},
];
const DEFAULT_CLIENTS = [
	{
		clientId: '1_abc',
		clientSecret: 'shh',
		redirectUris: ['http://127.0.0.1:5678/rest/oauth2-credential/callback'],
		grants: ['authorization_code', 'refresh_token', 'client_credentials'],
	},
];
const CONFIG_KEYS = [
	'version',
	'apiEnabled',
	'basicAuthEnabled',
	'batchLimit',
	'latencyMs',
	'fault',
	'webhookMode',
	'accessTokenLifetime',
];

/** 1x1 transparent GIF, the tracking pixel's answer. */
const TRANSPARENT_GIF = Buffer.from(
	'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
	'base64',
);

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** @param {http.IncomingMessage} req @returns {Promise<Buffer>} */
function readBody(req) {
	return new Promise((resolve, reject) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/** @param {string|undefined} authz @returns {{ user: string, pass: string } | null} */
function parseBasic(authz) {
	const m = /^basic\s+(.*)$/i.exec(authz || '');
	if (!m) return null;
	const decoded = Buffer.from(m[1].trim(), 'base64').toString('utf8');
	const i = decoded.indexOf(':');
	return i === -1
		? { user: decoded, pass: '' }
		: { user: decoded.slice(0, i), pass: decoded.slice(i + 1) };
}

/** @param {FakeConfig} config */
const majorOf = (config) => parseInt(String(config.version), 10) || 0;

/**
 * @param {FakeOptions} [options]
 */
async function startFakeMautic(options = {}) {
	/** @type {FakeConfig} */
	const config = {
		version: '5.1.1',
		apiEnabled: true,
		basicAuthEnabled: true,
		batchLimit: 200,
		latencyMs: 0,
		fault: undefined,
		webhookMode: 'immediate',
		accessTokenLifetime: 3600,
	};
	for (const k of CONFIG_KEYS)
		if (/** @type {any} */ (options)[k] !== undefined)
			/** @type {any} */ (config)[k] = /** @type {any} */ (options)[k];

	const users = /** @type {User[]} */ (
		options.users && options.users.length ? options.users : DEFAULT_USERS
	);
	const store = new Store({ users });
	const seed = options.seed;
	if (seed) applySeed(store, seed);

	const router = new Router();
	require('./routes/users')(router);
	require('./routes/contacts')(router);
	require('./routes/points')(router);
	require('./routes/insights')(router);
	require('./routes/segments')(router);
	require('./routes/hooks')(router);
	require('./routes/fields')(router);
	require('./routes/stages')(router);
	require('./routes/smses')(router);
	require('./routes/tags')(router);
	require('./routes/categories')(router);
	require('./routes/reports')(router);
	require('./routes/forms')(router);
	require('./routes/notes')(router);
	require('./routes/campaigns')(router);
	require('./routes/emails')(router);
	require('./routes/companies')(router);
	require('./routes/companySegments')(router);

	const oauth = new OAuthServer(options.oauthClients || DEFAULT_CLIENTS, () => ({
		accessTokenLifetime: config.accessTokenLifetime,
		defaultUserId: [...store.users.keys()][0],
	}));
	/** @type {RequestRecord[]} */
	const requests = [];
	let inFlight = 0;
	/** @type {import('./webhooks').Delivery[]} */
	const deliveries = [];
	let baseUrl = '';
	const webhooks = new WebhookDispatcher({
		store,
		deliveries,
		getConfig: () => config,
		baseUrl: () => baseUrl,
	});

	/**
	 * @param {http.IncomingMessage} req
	 * @param {{ path: string, query: Record<string, any>, body: any, bodyError: boolean, basic: {user: string, pass: string}|null }} r
	 * @param {import('./webhooks').HookEvent[]} events
	 * @returns {Promise<Reply>}
	 */
	async function dispatch(req, r, events) {
		const method = (req.method || 'GET').toUpperCase();
		const url = req.url || '/';
		const isApi = url.includes('/api') || url.includes('/oauth');
		if (isApi) {
			if (!config.apiEnabled) return subscriberError(403, MESSAGES.apiDisabled, 'api_disabled');
			if (r.basic && !config.basicAuthEnabled)
				return subscriberError(403, MESSAGES.basicDisabled, 'access_denied');
		}
		if (r.path === '/oauth/v2/token') {
			if (r.bodyError) return exceptionError(400);
			const params =
				method === 'GET'
					? r.query
					: { ...r.query, ...(r.body && typeof r.body === 'object' ? r.body : {}) };
			return oauth.token(params, r.basic);
		}
		if (r.path === '/oauth/v2/authorize') {
			return oauth.authorize({
				...r.query,
				...(r.body && typeof r.body === 'object' ? r.body : {}),
			});
		}
		// the public form submission a browser posts (routes/forms.js)
		if (r.path === '/form/submit') {
			return require('./routes/forms').publicSubmit({
				store,
				method,
				query: r.query,
				body: r.body,
				emit: (type, payload) => events.push({ type, payload, at: store.now() }),
			});
		}
		const pixel = method === 'GET' && /^\/email\/([^/]+)\.gif$/.exec(r.path);
		if (pixel) {
			// the public tracking pixel (routes/emails.js): an email opened
			const emit = (/** @type {string} */ type, /** @type {any} */ payload) =>
				events.push({ type, payload, at: store.now() });
			require('./routes/emails').trackEmailOpen({ store, emit }, pixel[1]);
			return { status: 200, headers: { 'Content-Type': 'image/gif' }, raw: TRANSPARENT_GIF };
		}
		if (!(r.path === '/api' || r.path.startsWith('/api/'))) {
			if (isApi) return exceptionError(404, `Requested URL not found: ${r.path}`);
			return {
				status: 404,
				headers: { 'Content-Type': 'text/html; charset=UTF-8' },
				raw: '<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>',
			};
		}
		const m = router.match(method, r.path.slice(4), majorOf(config), String(config.version));
		if (!m) return exceptionError(404, `Requested URL not found: ${r.path}`);
		if ('allowed' in m) return exceptionError(405, undefined, { Allow: m.allowed.join(', ') });
		if (r.bodyError) return exceptionError(400);

		// firewall: Basic (when enabled) or OAuth2 bearer (header, query or body access_token)
		/** @type {User|undefined} */
		let user;
		if (r.basic) {
			const found = [...store.users.values()].find(
				(u) =>
					u.username === r.basic?.user && u.password === r.basic?.pass && u.isPublished !== false,
			);
			if (!found) return subscriberError(401, MESSAGES.basicInvalid, 'access_denied');
			user = found;
		} else {
			const bm = /^bearer\s+(.+)$/i.exec(String(req.headers.authorization || ''));
			const token = bm
				? bm[1].trim()
				: r.query.access_token ||
					(r.body && typeof r.body === 'object' && !Array.isArray(r.body)
						? r.body.access_token
						: undefined);
			if (!token) return subscriberError(401, MESSAGES.authDenied, 'access_denied');
			const v = oauth.verify(String(token));
			if ('error' in v) return subscriberError(401, v.error, 'invalid_grant');
			user = store.getUser(v.userId);
			if (!user) return subscriberError(401, MESSAGES.tokenInvalid, 'invalid_grant');
		}
		let body = r.body;
		if (body && typeof body === 'object' && !Array.isArray(body) && 'access_token' in body) {
			body = { ...body };
			delete body.access_token;
		}
		const query = { ...r.query };
		delete query.access_token;
		const ctx = {
			store,
			config,
			major: majorOf(config),
			method,
			path: r.path,
			query,
			body,
			params: m.params,
			headers: req.headers,
			user,
			/** @param {string} type @param {Record<string, any>} payload */
			emit: (type, payload) => events.push({ type, payload, at: store.now() }),
			/** @param {unknown} b @param {number} [status] @param {Record<string, string>} [headers] @returns {Reply} */
			ok: (b, status = 200, headers) => ({ status, body: b, headers, controller: true }),
		};
		store.revalidateFields();
		return await m.route.handler(ctx);
	}

	/**
	 * @param {http.ServerResponse} res
	 * @param {RequestRecord} record
	 * @param {Reply} reply
	 * @param {boolean} head
	 */
	function write(res, record, reply, head) {
		/** @type {Record<string, string|string[]>} */
		const headers = {};
		let data = reply.raw;
		if (data === undefined) {
			data = encode(reply.body, { hex: reply.hex });
			headers['Content-Type'] = 'application/json';
		}
		Object.assign(headers, reply.headers || {});
		if (reply.controller) headers['Mautic-Version'] = config.version;
		record.status = reply.status;
		res.writeHead(reply.status, headers);
		res.end(head ? undefined : data);
	}

	/**
	 * @param {http.ServerResponse} res
	 * @param {RequestRecord} record
	 * @param {Fault} fault
	 */
	function answerFault(res, record, fault) {
		record.fault = true;
		if (fault.reset) {
			record.status = 0;
			res.socket?.destroy();
			return;
		}
		const status = fault.status || 500;
		/** @type {Record<string, string>} */
		const headers = {};
		if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
		/** @type {Reply} */
		let reply;
		if (fault.body !== undefined) {
			reply = { status, headers, body: fault.body };
		} else if (status === 429) {
			reply = {
				status,
				headers: { ...headers, 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0' },
				body: {
					errors: [
						{
							code: 429,
							message: 'You exceeded the rate limit of 100 API calls per hour.',
							details: [],
						},
					],
				},
			};
		} else if (status === 500) {
			reply = {
				status,
				headers,
				hex: true,
				body: { errors: [{ message: genericMessage(500), code: 500, type: null }] },
			};
		} else {
			const text = http.STATUS_CODES[status] || 'Error';
			reply = {
				status,
				headers: { ...headers, 'Content-Type': 'text/html' },
				raw: `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
			};
		}
		write(res, record, reply, false);
	}

	/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
	async function handle(req, res) {
		const method = (req.method || 'GET').toUpperCase();
		const u = new URL(req.url || '/', 'http://fake.invalid');
		const path = u.pathname;
		const query = parsePhpQuery(u.search.slice(1));
		const authz = String(req.headers.authorization || '');
		const basic = parseBasic(authz);
		/** @type {'basic'|'bearer'|'none'} */
		const authType = basic
			? 'basic'
			: /^bearer\s/i.test(authz) || query.access_token
				? 'bearer'
				: 'none';
		/** @type {RequestRecord} */
		const record = {
			method,
			path,
			query,
			status: null,
			authType,
			at: Date.now(),
			othersInFlight: inFlight,
			urlLength: (req.url || '/').length,
		};
		requests.push(record);
		inFlight++;
		res.once('close', () => inFlight--);
		const requestNumber = requests.length;
		// which request a contact's form-only empty values belong to (contact-save.js)
		store.requestSeq++;

		const buf = await readBody(req);
		let body;
		let bodyError = false;
		try {
			body = parseBody(buf, req.headers['content-type']);
		} catch (e) {
			if (!(e instanceof BodyParseError)) throw e;
			bodyError = true;
		}
		record.body = body;
		if (
			record.authType === 'none' &&
			body &&
			typeof body === 'object' &&
			!Array.isArray(body) &&
			body.access_token
		)
			record.authType = 'bearer';

		if (config.latencyMs > 0) await sleep(config.latencyMs);
		const fault = config.fault
			? config.fault({
					method,
					path,
					query,
					body,
					headers: req.headers,
					authType: record.authType,
					requestNumber,
				})
			: undefined;
		if (fault && !fault.after) return answerFault(res, record, fault);

		/** @type {import('./webhooks').HookEvent[]} */
		const events = [];
		/** @type {Reply} */
		let reply;
		try {
			reply = await dispatch(req, { path, query, body, bodyError, basic }, events);
		} catch (e) {
			if (e instanceof ServerException) reply = exceptionError(e.status, e.shownMessage);
			else {
				console.error('[fake-mautic] handler error', e);
				reply = exceptionError(500);
			}
			// an exception rolls the request back in PHP; events that were already delivered stay delivered
		}
		// Mautic delivers immediate webhooks inside the request, before answering
		try {
			await webhooks.dispatch(events);
		} catch (e) {
			console.error('[fake-mautic] webhook dispatch error', e);
		}
		if (fault && fault.after) return answerFault(res, record, fault);
		write(res, record, reply, method === 'HEAD');
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((e) => {
			console.error('[fake-mautic] internal error', e);
			if (!res.headersSent) {
				res.writeHead(500, { 'Content-Type': 'application/json' });
				res.end(encode({ errors: [{ message: genericMessage(500), code: 500, type: null }] }));
			} else res.destroy();
		});
	});
	server.keepAliveTimeout = 5000;

	const host = options.host || '127.0.0.1';
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port || 0, host, () => {
			server.off('error', reject);
			resolve(undefined);
		});
	});
	const addr = /** @type {import('node:net').AddressInfo} */ (server.address());
	baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${addr.port}`;

	return {
		url: baseUrl,
		port: addr.port,
		requests,
		deliveries,
		store,
		config,
		clearRequests() {
			requests.length = 0;
		},
		/** @param {(r: RequestRecord) => boolean} [filter] */
		countRequests(filter) {
			return filter ? requests.filter(filter).length : requests.length;
		},
		expireAccessTokens() {
			oauth.expireAccessTokens();
		},
		/** @param {string} clientId @param {string} [redirectUri] */
		issueAuthorizationCode(clientId, redirectUri) {
			return oauth.issueAuthorizationCode(clientId, redirectUri);
		},
		flushWebhooks() {
			return webhooks.flush();
		},
		/** @param {Partial<FakeConfig>} partial */
		setConfig(partial) {
			for (const k of CONFIG_KEYS)
				if (k in partial) /** @type {any} */ (config)[k] = /** @type {any} */ (partial)[k];
		},
		/** Back to the initial (seeded) data; OAuth tokens and the request log are kept. */
		reset() {
			store.reset();
			if (seed) applySeed(store, seed);
			deliveries.length = 0;
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

module.exports = { startFakeMautic, DEFAULT_USERS, DEFAULT_CLIENTS };
