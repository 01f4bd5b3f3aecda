// @ts-check
'use strict';

/**
 * Symfony-like routing: `{id}` and every `{…Id}`/`{…id}` placeholder only match digits, so a
 * non-numeric id matches no route (router 404). A path that matches with another method is a 405.
 */

/**
 * @typedef {import('./errors').Reply} Reply
 * @typedef {{
 *   store: import('./store').Store, config: import('./server').FakeConfig, major: number, method: string, path: string,
 *   query: Record<string, any>, body: any, params: Record<string, string>, headers: import('node:http').IncomingHttpHeaders,
 *   user: import('./store').User|undefined,
 *   emit: (type: string, payload: Record<string, any>) => void,
 *   ok: (body: unknown, status?: number, headers?: Record<string, string>) => Reply
 * }} RouteCtx
 * @typedef {(ctx: RouteCtx) => Reply | Promise<Reply>} Handler
 * @typedef {{ methods: string[], pattern: string, regex: RegExp, names: string[], handler: Handler, minMajor?: number, minVersion?: string }} Route
 */

class Router {
	constructor() {
		/** @type {Route[]} */
		this.routes = [];
	}

	/**
	 * @param {string|string[]} methods
	 * @param {string} pattern path below /api, e.g. '/contacts/{id}/edit'
	 * @param {Handler} handler
	 * @param {{ minMajor?: number, minVersion?: string }} [opts] route exists only from this Mautic
	 *   major version (or this `major.minor` version) on
	 */
	add(methods, pattern, handler, opts = {}) {
		/** @type {string[]} */
		const names = [];
		const src = pattern.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name) => {
			names.push(name);
			return name === 'id' || /id$/i.test(name) ? '(\\d+)' : '([^/]+)';
		});
		this.routes.push({
			methods: (Array.isArray(methods) ? methods : [methods]).map((m) => m.toUpperCase()),
			pattern,
			regex: new RegExp('^' + src + '$'),
			names,
			handler,
			minMajor: opts.minMajor,
			minVersion: opts.minVersion,
		});
	}

	/** @param {string} p @param {Handler} h @param {{minMajor?: number, minVersion?: string}} [o] */
	get(p, h, o) {
		this.add('GET', p, h, o);
	}
	/** @param {string} p @param {Handler} h @param {{minMajor?: number, minVersion?: string}} [o] */
	post(p, h, o) {
		this.add('POST', p, h, o);
	}
	/** @param {string} p @param {Handler} h @param {{minMajor?: number, minVersion?: string}} [o] */
	delete(p, h, o) {
		this.add('DELETE', p, h, o);
	}

	/**
	 * @param {string} method
	 * @param {string} path
	 * @param {number} major
	 * @param {string} [version] the full version, for routes with `minVersion`
	 * @returns {{ route: Route, params: Record<string, string> } | { allowed: string[] } | null}
	 */
	match(method, path, major, version = String(major)) {
		/** @type {Set<string>} */
		const allowed = new Set();
		const m = method === 'HEAD' ? 'GET' : method;
		for (const route of this.routes) {
			if (route.minMajor && major < route.minMajor) continue;
			if (route.minVersion && olderThan(version, route.minVersion)) continue;
			const res = route.regex.exec(path);
			if (!res) continue;
			if (!route.methods.includes(m)) {
				route.methods.forEach((x) => allowed.add(x));
				continue;
			}
			/** @type {Record<string, string>} */
			const params = {};
			route.names.forEach((n, i) => {
				params[n] = decodeURIComponent(res[i + 1]);
			});
			return { route, params };
		}
		return allowed.size ? { allowed: [...allowed] } : null;
	}
}

/** Whether `version` ("7.1.2") is before `min` ("7.2"), by major and minor. @param {string} version @param {string} min */
function olderThan(version, min) {
	const [a = 0, b = 0] = String(version)
		.split('.')
		.map((x) => parseInt(x, 10) || 0);
	const [c = 0, d = 0] = min.split('.').map((x) => parseInt(x, 10) || 0);
	return a < c || (a === c && b < d);
}

module.exports = { Router };
