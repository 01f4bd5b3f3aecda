#!/usr/bin/env node
// @ts-check
/**
 * Finds differences between the fake and a real Mautic: sends the same requests (the ones the
 * nodes send) to both and compares the answers' shapes (status, keys, value types; id-keyed
 * maps folded). A development tool for keeping the fake honest; the contract suite
 * (test/contract) is what CI checks.
 *
 *   MAUTIC_URL=… MAUTIC_USERNAME=… MAUTIC_PASSWORD=… node scripts/contract/diff.js [--only step]
 */
'use strict';
const { startFakeMautic } = require('../../test/fake-mautic');
const { steps } = require('./steps');

/** Keys whose values are compared as they are (statuses, error codes and messages), not by type. */
const LITERAL = new Set(['status', 'code', 'message', 'type', 'success', 'recordFound']);
/** Objects keyed by something other than ids that are folded too: contact field groups by alias. */
const FOLDED = new Set(['core', 'social', 'personal', 'professional', 'statusCodes', 'types']);

/** The shape of a JSON value: types instead of values; objects keyed by ids folded into one entry. */
function shape(value, key = '') {
	if (LITERAL.has(key) && (value === null || typeof value !== 'object'))
		return value === null ? 'null' : `=${value}`;
	if (value === null) return 'null';
	if (Array.isArray(value)) {
		if (!value.length) return '[]';
		const shapes = [...new Set(value.map((v) => JSON.stringify(shape(v, key))))].map((s) =>
			JSON.parse(s),
		);
		return shapes.length === 1 ? [shapes[0]] : ['oneOf', ...shapes];
	}
	if (typeof value === 'object') {
		const keys = Object.keys(value);
		if (keys.length && (FOLDED.has(key) || keys.every((k) => /^\d+$/.test(k)))) {
			const shapes = [
				...new Set(keys.map((k) => JSON.stringify(shape(value[k], FOLDED.has(key) ? '' : k)))),
			];
			return {
				'<id>':
					shapes.length === 1
						? JSON.parse(shapes[0])
						: ['oneOf', ...shapes.map((s) => JSON.parse(s))],
			};
		}
		return Object.fromEntries(keys.map((k) => [k, shape(value[k], k)]));
	}
	if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
	if (typeof value === 'string' && /^\d+$/.test(value)) return 'digits';
	return typeof value;
}

function compare(a, b, path, out) {
	if (JSON.stringify(a) === JSON.stringify(b)) return;
	if (
		a &&
		b &&
		typeof a === 'object' &&
		typeof b === 'object' &&
		!Array.isArray(a) &&
		!Array.isArray(b)
	) {
		const keysA = Object.keys(a);
		const keysB = Object.keys(b);
		for (const k of keysA)
			if (!(k in b)) out.push(`${path}.${k}: fake only (${JSON.stringify(a[k]).slice(0, 80)})`);
		for (const k of keysB)
			if (!(k in a)) out.push(`${path}.${k}: real only (${JSON.stringify(b[k]).slice(0, 80)})`);
		for (const k of keysA) if (k in b) compare(a[k], b[k], `${path}.${k}`, out);
		const common = keysA.filter((k) => k in b);
		const orderB = keysB.filter((k) => k in a);
		if (common.join() !== orderB.join() && !path.endsWith('<id>') && common.length < 40)
			out.push(
				`${path}: key order differs\n    fake ${common.join(',')}\n    real ${orderB.join(',')}`,
			);
		return;
	}
	if (Array.isArray(a) && Array.isArray(b) && a.length === 1 && b.length === 1)
		return compare(a[0], b[0], `${path}[]`, out);
	out.push(
		`${path}: fake ${JSON.stringify(a).slice(0, 160)} | real ${JSON.stringify(b).slice(0, 160)}`,
	);
}

function client(url, admin) {
	return async function call(method, path, body, options = {}) {
		const headers = { accept: 'application/json' };
		const auth = options.auth === undefined ? admin : options.auth;
		if (auth && 'bearer' in auth) headers.authorization = `Bearer ${auth.bearer}`;
		else if (auth)
			headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
		let payload;
		if (options.form) {
			headers['content-type'] = 'application/x-www-form-urlencoded';
			payload = new URLSearchParams(options.form).toString();
		} else if (body !== undefined) {
			headers['content-type'] = 'application/json';
			payload = JSON.stringify(body);
		}
		const response = await fetch(`${url}${path}`, {
			method,
			headers,
			body: payload,
			redirect: 'manual',
		});
		const text = await response.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = text.slice(0, 200);
		}
		return { status: response.status, version: response.headers.get('mautic-version'), body: json };
	};
}

async function record(target) {
	const answers = {};
	const call = client(target.url, target.admin);
	const tag = `d${Date.now().toString(36)}`;
	const state = {};
	for (const step of steps) {
		if (process.argv.includes('--only') && !process.argv.includes(step.name)) continue;
		try {
			answers[step.name] = await step.run(call, { ...target, tag, state });
		} catch (error) {
			answers[step.name] = { error: String(error.message) };
		}
	}
	return answers;
}

async function main() {
	const fake = await startFakeMautic({ version: '5.1.0' });
	try {
		const fakeTarget = {
			url: fake.url,
			admin: { username: 'admin', password: 'maatoo-secret' },
			oauth: { clientId: '1_abc', clientSecret: 'shh' },
		};
		const env = process.env;
		const realTarget = {
			url: env.MAUTIC_URL,
			admin: { username: env.MAUTIC_USERNAME, password: env.MAUTIC_PASSWORD },
			oauth: { clientId: env.MAUTIC_OAUTH_CLIENT_ID, clientSecret: env.MAUTIC_OAUTH_CLIENT_SECRET },
		};
		const [fakeAnswers, realAnswers] = [await record(fakeTarget), await record(realTarget)];
		const dump = process.argv.indexOf('--dump');
		if (dump !== -1) {
			// full answers of both, for reading a difference in detail
			require('node:fs').writeFileSync(
				`${process.argv[dump + 1]}.fake.json`,
				JSON.stringify(fakeAnswers, null, 1),
			);
			require('node:fs').writeFileSync(
				`${process.argv[dump + 1]}.real.json`,
				JSON.stringify(realAnswers, null, 1),
			);
		}
		let differences = 0;
		for (const name of Object.keys(fakeAnswers)) {
			const out = [];
			const a = fakeAnswers[name];
			const b = realAnswers[name];
			compare(shape(a), shape(b), name, out);
			if (out.length) {
				differences += out.length;
				console.log(`\n## ${name}\n  ${out.join('\n  ')}`);
			}
		}
		console.log(`\n${Object.keys(fakeAnswers).length} steps, ${differences} differences`);
	} finally {
		await fake.close();
	}
}

module.exports = { shape };
if (require.main === module)
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
