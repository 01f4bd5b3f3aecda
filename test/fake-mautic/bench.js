// @ts-check
'use strict';

/**
 * Server-time benchmark of the fake: the request shapes the n8n-vs-maatoo benchmark sends, against a
 * store seeded with many contacts, with latencyMs 0. `server` is the fake's own time per request (request
 * received -> response handed to the socket), `wall` the loopback round trip seen by the client in this
 * process, `cpu` the process CPU time (all threads, GC helpers too) over the round trip.
 *
 *   node test/fake-mautic/bench.js [--contacts 50000] [--runs 15] [--hook]
 *
 * --hook subscribes a loopback webhook receiver to the contact events (immediate mode), to time the
 * webhook path as well; without it no hook exists, like in the benchmark.
 */

const http = require('node:http');

// time spent inside the fake's server, per request: captured from the server it creates
/** @type {number[]} */
const serverTimes = [];
const createServer = http.createServer;
let instrument = false;
/** @type {any} */ (http).createServer = (/** @type {any[]} */ ...args) => {
	const server = createServer.apply(http, /** @type {any} */ (args));
	if (!instrument) return server;
	server.prependListener('request', (_req, res) => {
		const t0 = process.hrtime.bigint();
		res.on('finish', () => serverTimes.push(Number(process.hrtime.bigint() - t0) / 1e6));
	});
	return server;
};
const { startFakeMautic } = require('./index');

/** @param {string} name @param {number} def */
function argNum(name, def) {
	const i = process.argv.indexOf(name);
	return i === -1 ? def : Number(process.argv[i + 1]);
}
const CONTACTS = argNum('--contacts', 50000);
const RUNS = argNum('--runs', 15);
const WITH_HOOK = process.argv.includes('--hook');

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const AUTH = 'Basic ' + Buffer.from('admin:maatoo-secret').toString('base64');

/**
 * @param {string} base
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 * @returns {Promise<{ status: number, ms: number, cpu: number, bytes: number, body: Buffer }>}
 */
function request(base, method, path, body) {
	const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
	return new Promise((resolve, reject) => {
		const t0 = process.hrtime.bigint();
		const c0 = process.cpuUsage();
		const req = http.request(
			base + '/api' + path,
			{
				method,
				agent,
				headers: {
					Authorization: AUTH,
					...(data
						? { 'Content-Type': 'application/json', 'Content-Length': String(data.length) }
						: {}),
				},
			},
			(res) => {
				/** @type {Buffer[]} */
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => {
					const ms = Number(process.hrtime.bigint() - t0) / 1e6;
					const c = process.cpuUsage(c0);
					const buf = Buffer.concat(chunks);
					resolve({
						status: res.statusCode || 0,
						ms,
						cpu: (c.user + c.system) / 1000,
						bytes: buf.length,
						body: buf,
					});
				});
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		req.end(data);
	});
}

/** @param {number[]} xs */
function stats(xs) {
	const s = [...xs].sort((a, b) => a - b);
	const q = (/** @type {number} */ p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
	return { median: q(0.5), min: s[0], p90: q(0.9), max: s[s.length - 1] };
}

/** @type {{ name: string, target: number, median: number, min: number, p90: number, max: number, cpu: number, server: number, status: string }[]} */
const rows = [];

/**
 * @param {string} name
 * @param {number} target ms
 * @param {number} runs
 * @param {(i: number) => Promise<{ status: number, ms: number, cpu: number }>} fn
 * @param {number[]} [okStatus]
 */
async function measure(name, target, runs, fn, okStatus = [200, 201]) {
	/** @type {number[]} */
	const times = [];
	/** @type {number[]} */
	const cpus = [];
	/** @type {number[]} */
	const server = [];
	/** @type {Set<number>} */
	const statuses = new Set();
	for (let i = 0; i < runs; i++) {
		serverTimes.length = 0;
		const r = await fn(i);
		server.push(serverTimes.reduce((a, b) => a + b, 0));
		statuses.add(r.status);
		times.push(r.ms);
		cpus.push(r.cpu);
	}
	const bad = [...statuses].filter((s) => !okStatus.includes(s));
	if (bad.length) throw new Error(`${name}: unexpected status ${bad.join(',')}`);
	const sv = stats(server);
	rows.push({
		name,
		target,
		...sv,
		cpu: stats(cpus).median,
		server: sv.median,
		status: [...statuses].join(','),
	});
	const st = rows[rows.length - 1];
	const f = (/** @type {number} */ x) => x.toFixed(1).padStart(7);
	console.log(
		`${name.padEnd(56)} server median ${f(sv.median)} ms (min ${f(sv.min)}, p90 ${f(sv.p90)})  wall ${f(stats(times).median)}  cpu ${f(st.cpu)}  target <= ${target} ms ${sv.median <= target ? 'ok' : 'SLOW'}`,
	);
}

/** Minimal loopback receiver that answers 200 to every webhook. */
async function startReceiver() {
	const server = http.createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			res.writeHead(200);
			res.end('ok');
		});
	});
	await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
	const addr = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${addr.port}/hook`,
		close: () => new Promise((r) => server.close(() => r(undefined))),
	};
}

async function main() {
	instrument = true;
	const fake = await startFakeMautic({ version: '7.0.0' });
	instrument = false;
	const base = fake.url;
	const receiver = WITH_HOOK ? await startReceiver() : null;
	if (receiver) {
		fake.store.createHook({
			webhookUrl: receiver.url,
			triggers: [
				'mautic.lead_post_save_new',
				'mautic.lead_post_save_update',
				'mautic.lead_points_change',
				'mautic.lead_post_delete',
			],
		});
	}

	let t = Date.now();
	for (let i = 1; i <= CONTACTS; i++) {
		fake.store.createContact(
			{
				email: `seed${i}@example.com`,
				firstname: `Seed${i}`,
				lastname: 'Contact',
				city: i % 2 ? 'Berlin' : 'Zürich',
			},
			{ tags: ['seed'] },
		);
	}
	console.log(
		`seeded ${CONTACTS} contacts in ${Date.now() - t} ms (node ${process.version})${WITH_HOOK ? ', with a webhook' : ''}`,
	);

	// warm-up (JIT) on a separate set of emails
	for (let w = 0; w < 3; w++) {
		const items = Array.from({ length: 200 }, (_, k) => ({
			email: `warm${w}-${k}@example.com`,
			firstname: 'W',
			lastname: 'U',
			city: 'X',
			tags: ['warm'],
		}));
		await request(base, 'POST', '/contacts/batch/new', items);
		await request(base, 'GET', `/contacts?start=${w * 100}&limit=500`);
		await request(base, 'POST', '/contacts/new', {
			email: `warm-single${w}@example.com`,
			firstname: 'W',
		});
	}

	/** @type {Record<string, any>[][]} */
	const batches = [];
	await measure('POST /contacts/batch/new, 200 new contacts', 40, RUNS, (i) => {
		const items = Array.from({ length: 200 }, (_, k) => ({
			email: `batch${i}-${k}@example.com`,
			firstname: `First${k}`,
			lastname: `Last${k}`,
			city: 'Hamburg',
			tags: ['benchmark'],
		}));
		batches.push(items);
		return request(base, 'POST', '/contacts/batch/new', items);
	});
	/** @type {Record<string, any>[][]} */
	const changed = [];
	await measure('POST /contacts/batch/new, 200 existing (upsert, changes)', 40, RUNS, (i) => {
		const items = batches[i].map((it) => ({
			...it,
			email: it.email.toUpperCase(),
			firstname: `${it.firstname}-v2`,
			city: 'München',
		}));
		changed.push(items);
		return request(base, 'POST', '/contacts/batch/new', items);
	});
	await measure('POST /contacts/batch/new, 200 existing (upsert, no change)', 40, RUNS, (i) =>
		request(base, 'POST', '/contacts/batch/new', changed[i]),
	);
	await measure('POST /contacts/new, single new contact', 2, RUNS * 20, (i) =>
		request(base, 'POST', '/contacts/new', {
			email: `single${i}@example.com`,
			firstname: 'Single',
			lastname: `N${i}`,
			city: 'Köln',
			tags: ['benchmark'],
		}),
	);
	await measure('POST /contacts/new, single existing (upsert)', 2, RUNS * 20, (i) =>
		request(base, 'POST', '/contacts/new', {
			email: `single${i}@example.com`,
			firstname: 'Single2',
			lastname: `N${i}`,
			city: 'Köln',
			tags: ['benchmark'],
		}),
	);

	const total = fake.store.contacts.size;
	for (const start of [0, Math.floor(total / 2), total - 500]) {
		await measure(`GET /contacts?start=${start}&limit=500`, 60, RUNS, () =>
			request(base, 'GET', `/contacts?start=${start}&limit=500`),
		);
	}
	for (const start of [0, Math.floor(total / 2), total - 30]) {
		await measure(`GET /contacts?start=${start}&limit=30`, 5, RUNS * 4, () =>
			request(base, 'GET', `/contacts?start=${start}&limit=30`),
		);
	}
	const maxId = Math.max(...fake.store.contacts.keys());
	for (const after of [0, Math.floor(maxId / 2), maxId - 500]) {
		const q = `orderBy=id&orderByDir=ASC&where%5B0%5D%5Bcol%5D=id&where%5B0%5D%5Bexpr%5D=gt&where%5B0%5D%5Bval%5D=${after}&limit=500`;
		await measure(`GET /contacts where id>${after} orderBy id ASC limit=500`, 60, RUNS, () =>
			request(base, 'GET', `/contacts?${q}`),
		);
	}
	await measure('GET /contacts?start=0&limit=500&minimal=1', 60, RUNS, () =>
		request(base, 'GET', `/contacts?start=0&limit=500&minimal=1`),
	);
	await measure('GET /contacts?search=email:batch1-1*&limit=30', 60, RUNS, () =>
		request(base, 'GET', `/contacts?search=${encodeURIComponent('email:batch1-1*')}&limit=30`),
	);

	const slow = rows.filter((r) => r.median > r.target);
	console.log(slow.length ? `${slow.length} over target` : 'all within target');
	agent.destroy();
	if (receiver) await receiver.close();
	await fake.close();
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
