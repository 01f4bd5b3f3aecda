#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: n8n's built-in Mautic node against ours, inside one real n8n 2.8.4, against
 * the fake Mautic answering every request after a fixed latency. Prints requests received,
 * execution time and peak memory of the n8n process for each job, with ratios, and writes the
 * table to docs/benchmarks.md. A script, not a test: nothing here asserts on time.
 *
 * BENCH_TARGET=real runs the same jobs against a real Mautic instead (MAUTIC_URL etc., else the one in
 * ../shared/real-mautic, started and stopped here), at smaller sizes (defaults 300 and 300, one run):
 * there the server's own work per contact shows. Each target writes its own section of the doc.
 *
 * Environment: BENCH_UPSERT (default 5000), BENCH_EXPORT (default 50000), BENCH_LATENCY_MS (default 5),
 * BENCH_RUNS (default 3): every job runs that many times, in rounds (all jobs once, then again), and
 * the table shows the median time and the highest peak memory, so a busy moment on the machine
 * cannot decide a ratio.
 * To study one job: BENCH_ONLY (a regular expression over "job implementation", e.g. "getAll maatoo")
 * runs just the matching jobs and leaves docs/benchmarks.md alone; BENCH_CPU_PROFILE=<folder> makes
 * n8n write V8 CPU profiles there (open them in Chrome DevTools, or summarise with
 * scripts/bench/profile-summary.js).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startFakeMautic } = require('../../test/fake-mautic');
const { useRealMautic } = require('../lib/realMautic');
const { N8nSession } = require('../lib/n8nSession');
const { REPO_ROOT, packPackage } = require('../lib/packageTarball');
const { jobs, BUILTIN_CREDENTIAL, MAATOO_CREDENTIAL } = require('./workflows');

const REAL = process.env.BENCH_TARGET === 'real';
const UPSERT = Number(process.env.BENCH_UPSERT || (REAL ? 300 : 5000));
const EXPORT = Number(process.env.BENCH_EXPORT || (REAL ? 300 : 50000));
const LATENCY = Number(process.env.BENCH_LATENCY_MS || 5);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS || (REAL ? 1 : 3)));
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : undefined;
const CPU_PROFILE = process.env.BENCH_CPU_PROFILE
	? path.resolve(process.env.BENCH_CPU_PROFILE)
	: undefined;
const ADMIN = { username: 'admin', password: 'maatoo-secret' };

/** Peak resident memory so far (VmHWM) of a Linux process, in MB. */
function peakMemoryMb(pid) {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const match = status.match(/VmHWM:\s+(\d+) kB/);
		return match ? Number(match[1]) / 1024 : 0;
	} catch {
		return 0;
	}
}

function seedExport(fake, count) {
	for (let index = 0; index < count; index++) {
		fake.store.createContact(
			{
				email: `export${index}@example.com`,
				firstname: `Export${index}`,
				lastname: 'Contact',
				city: 'Basel',
			},
			{ tags: index % 3 ? ['customer'] : ['customer', 'vip'] },
		);
	}
}

/** The fake Mautic as a bench target: reset and seeded for each job, its own request log. */
async function fakeTarget() {
	const fake = await startFakeMautic({ latencyMs: LATENCY });
	return {
		url: fake.url,
		admin: ADMIN,
		describe: `the fake Mautic answering each request after ${LATENCY} ms`,
		exportSearch: undefined,
		prepare(entry) {
			fake.reset();
			if (entry.job === 'getAll') seedExport(fake, EXPORT);
			fake.clearRequests();
		},
		apiRequests: () => fake.requests.filter((request) => request.path.startsWith('/api/')).length,
		close: () => fake.close(),
	};
}

/**
 * A real Mautic as a bench target: the contacts to get are made once, in batches, with a tag the
 * getAll jobs search for; requests are counted from the request log of ../shared/real-mautic when
 * there is one (REAL_MAUTIC_DIR), else not at all.
 */
async function realTarget() {
	const { env, source, stop } = await useRealMautic();
	const admin = { username: env.MAUTIC_USERNAME, password: env.MAUTIC_PASSWORD };
	const authorization = `Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString('base64')}`;
	const tag = `benchexport${Date.now().toString(36)}`;
	for (let start = 0; start < EXPORT; start += 200) {
		const batch = Array.from({ length: Math.min(200, EXPORT - start) }, (_, offset) => ({
			email: `${tag}x${start + offset}@example.com`,
			firstname: `Export${start + offset}`,
			lastname: 'Contact',
			city: 'Basel',
			tags: ['customer'],
		}));
		const response = await fetch(`${env.MAUTIC_URL}/api/contacts/batch/new`, {
			method: 'POST',
			headers: { authorization, 'content-type': 'application/json' },
			body: JSON.stringify(batch),
		});
		if (response.status !== 201)
			throw new Error(
				`seeding the export failed: ${response.status} ${(await response.text()).slice(0, 300)}`,
			);
		await response.text();
	}
	const log = path.join(process.env.REAL_MAUTIC_DIR || '/tmp/real-mautic', 'requests.log');
	const logged = source.includes('real-mautic') && fs.existsSync(log);
	const apiLines = () =>
		fs
			.readFileSync(log, 'utf8')
			.split('\n')
			.filter((line) => / \/api\//.test(line)).length;
	let before = 0;
	return {
		url: env.MAUTIC_URL,
		admin,
		describe: `a real Mautic ${env.MAUTIC_VERSION} (${source.replace(/ \(.*\)$/, '')}: PHP's built-in server with 4 workers and MariaDB on this machine)`,
		exportSearch: tag,
		prepare() {
			if (logged) before = apiLines();
		},
		apiRequests: () => (logged ? apiLines() - before : NaN),
		close: async () => stop(),
	};
}

async function runJob(session, target, entry) {
	target.prepare(entry);
	if (CPU_PROFILE) fs.mkdirSync(CPU_PROFILE, { recursive: true });
	await session.start({
		nodeArgs: CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROFILE}`] : [],
	});
	const pid = /** @type {number} */ (session.server?.pid);
	let peak = peakMemoryMb(pid);
	const sampler = setInterval(() => (peak = Math.max(peak, peakMemoryMb(pid))), 100);
	const webhookPath = entry.workflow.nodes[0].parameters.path;
	const started = process.hrtime.bigint();
	const response = await fetch(`${session.baseUrl}/webhook/${webhookPath}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{}',
	});
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	const text = await response.text();
	peak = Math.max(peak, peakMemoryMb(pid));
	clearInterval(sampler);
	const requests = target.apiRequests();
	await session.stop();
	let summary;
	try {
		summary = JSON.parse(text);
	} catch {
		summary = { raw: text.slice(0, 200) };
	}
	return { ...entry, status: response.status, seconds, requests, peakMb: peak, summary };
}

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** One row per job from its runs: median time, the most requests and memory any run needed. */
function combine(runs) {
	return {
		...runs[0],
		seconds: median(runs.map((run) => run.seconds)),
		allSeconds: runs.map((run) => run.seconds),
		requests: Math.max(...runs.map((run) => run.requests)),
		peakMb: Math.max(...runs.map((run) => run.peakMb)),
		summary:
			runs.find((run) => run.summary.count_id !== runs[0].summary.count_id)?.summary ??
			runs[0].summary,
	};
}

function ratio(base, value, invert = false) {
	if (!base || !value) return 'n/a';
	const factor = invert ? value / base : base / value;
	return `${factor >= 10 ? factor.toFixed(0) : factor.toFixed(1)}×`;
}

function table(results) {
	const lines = [
		`| job | implementation | requests | time (s) | peak memory of n8n (MB) | items out | speed-up | requests saved |`,
		`|---|---|---:|---:|---:|---:|---:|---:|`,
	];
	for (const result of results) {
		const base = results.find(
			(candidate) => candidate.job === result.job && candidate.implementation === 'built-in',
		);
		const own = result.implementation === 'built-in';
		lines.push(
			`| ${result.label ?? base?.label ?? result.job} | ${result.implementation} | ${Number.isNaN(result.requests) ? 'n/a' : result.requests.toLocaleString('en')} | ${result.seconds.toFixed(2)} | ${result.peakMb.toFixed(0)} | ${(result.summary.count_id ?? '?').toLocaleString?.('en') ?? result.summary.count_id} | ${own ? '1×' : ratio(base?.seconds, result.seconds)} | ${own ? '1×' : ratio(base?.requests, result.requests)} |`,
		);
	}
	return lines.join('\n');
}

async function main() {
	const target = REAL ? await realTarget() : await fakeTarget();
	process.stdout.write(
		`Benchmark: ${UPSERT} upserts, export of ${EXPORT}, against ${target.describe}\n`,
	);
	const tarball = packPackage(fs.mkdtempSync(path.join(os.tmpdir(), 'maatoo-bench-')));
	const env = { EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none', N8N_PAYLOAD_SIZE_MAX: '512' };
	const session = await N8nSession.create({ tarball, env });
	try {
		await session.importCredentials([
			{ ...BUILTIN_CREDENTIAL, type: 'mauticApi', data: { url: target.url, ...target.admin } },
			{ ...MAATOO_CREDENTIAL, type: 'maatooApi', data: { url: target.url, ...target.admin } },
		]);
		const all = jobs(UPSERT, EXPORT, target.exportSearch).filter(
			(entry) => !ONLY || ONLY.test(`${entry.job} ${entry.implementation}`),
		);
		for (const entry of all) {
			await session.importWorkflow(entry.workflow);
			await session.publish(entry.workflow.id);
		}
		const runsByJob = all.map(() => []);
		for (let round = 1; round <= RUNS; round++) {
			for (const [index, entry] of all.entries()) {
				process.stdout.write(`… run ${round}/${RUNS}: ${entry.job} with ${entry.implementation}\n`);
				const result = await runJob(session, target, entry);
				process.stdout.write(
					`  ${result.requests} requests, ${result.seconds.toFixed(2)} s, peak ${result.peakMb.toFixed(0)} MB, answer ${JSON.stringify(result.summary)}\n`,
				);
				runsByJob[index].push(result);
			}
		}
		const results = runsByJob.map(combine);
		const markdown = table(results);
		process.stdout.write(`\n${markdown}\n`);
		if (ONLY) return;
		const section = [
			`Measured by \`${REAL ? 'BENCH_TARGET=real ' : ''}npm run bench\` on ${new Date().toISOString().slice(0, 10)}: one real n8n ${session.host.version} (Node ${process.version}), ${target.describe}, ${os.cpus().length} cores.`,
			`Each job ran ${RUNS} times, in rounds; the table shows the median time (every run's time is listed below it) and the highest peak memory of any run.`,
			'Each job runs in a freshly started n8n process, started by a webhook and answered with a summary (so neither implementation has to print its items).',
			"Time is the whole workflow (the same generator and summary nodes around each implementation); peak memory is the n8n main process's resident high-water mark, boot included.",
			'',
			markdown,
			'',
			'Times of every run (s):',
			'',
			...results.map(
				(result) =>
					`- ${result.label ?? results.find((other) => other.job === result.job && other.label)?.label ?? result.job}, ${result.implementation}: ${result.allSeconds.map((value) => value.toFixed(2)).join(', ')}`,
			),
			'',
		].join('\n');
		writeSection(REAL ? 'real' : 'fake', section);
		process.stdout.write('\nWritten to docs/benchmarks.md\n');
	} finally {
		await session.dispose();
		await target.close();
	}
}

const DOC = path.join(REPO_ROOT, 'docs', 'benchmarks.md');
const HEADINGS = { fake: '## Against the fake Mautic', real: '## Against a real Mautic' };
const IMPLEMENTATIONS =
	"Built-in: `n8n-nodes-base.mautic` (one request per contact; lists 30 per page, raw contacts). maatoo: `n8n-nodes-maatoo.maatooContact` (batches of 200; lists 500 per page with the next page asked for while one is read, simplified contacts parsed from compacted pages; `{{ $json.x }}` mappings read without n8n's per-item expression sandbox).";

/**
 * Replaces one target's section of docs/benchmarks.md and keeps the other (and any reading of it
 * written under it, after a line `<!-- notes -->`).
 * @param {'fake' | 'real'} target @param {string} body
 */
function writeSection(target, body) {
	const old = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '';
	/** @type {Record<string, string>} */
	const sections = { fake: '', real: '' };
	for (const name of /** @type {const} */ (['fake', 'real'])) {
		const start = old.indexOf(HEADINGS[name]);
		if (start === -1) continue;
		const next = Object.values(HEADINGS)
			.map((heading) => old.indexOf(heading, start + 1))
			.filter((index) => index > start);
		sections[name] = old
			.slice(start + HEADINGS[name].length, next.length ? Math.min(...next) : undefined)
			.trim();
	}
	// a doc from before the sections held the fake's table only
	if (old && !sections.fake && !sections.real)
		sections.fake = old.replace('# Benchmarks', '').replace(IMPLEMENTATIONS, '').trim();
	const notes = sections[target].includes('<!-- notes -->')
		? sections[target].slice(sections[target].indexOf('<!-- notes -->'))
		: '';
	sections[target] = [body.trim(), notes].filter(Boolean).join('\n\n');
	const doc = ['# Benchmarks', '', IMPLEMENTATIONS, ''];
	for (const name of /** @type {const} */ (['fake', 'real']))
		if (sections[name]) doc.push(HEADINGS[name], '', sections[name], '');
	fs.mkdirSync(path.dirname(DOC), { recursive: true });
	fs.writeFileSync(DOC, doc.join('\n'));
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
});
