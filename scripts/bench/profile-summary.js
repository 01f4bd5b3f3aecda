#!/usr/bin/env node
// @ts-check
/**
 * Summarises V8 CPU profiles (`.cpuprofile`, as written by `node --cpu-prof`): the functions with
 * the most self time, and the ones with the most total time (self plus callees), so a benchmark
 * run can be read without a browser.
 *
 *   node scripts/bench/profile-summary.js <file-or-folder> [--top 30] [--filter maatoo]
 */
const fs = require('node:fs');
const path = require('node:path');

function argValue(name, fallback) {
	const index = process.argv.indexOf(name);
	return index === -1 ? fallback : process.argv[index + 1];
}

function profilesAt(target) {
	if (!fs.statSync(target).isDirectory()) return [target];
	return fs
		.readdirSync(target)
		.filter((name) => name.endsWith('.cpuprofile'))
		.map((name) => path.join(target, name));
}

function summarise(file, top, filter) {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parentOf = new Map();
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parentOf.set(child, node.id);
	// Sample counts per node, weighted by the time deltas V8 recorded.
	const selfMs = new Map();
	for (let index = 0; index < profile.samples.length; index++) {
		const id = profile.samples[index];
		selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
	}
	const label = (node) => {
		const frame = node.callFrame;
		const where = frame.url
			? `${frame.url.replace(/^.*node_modules\//, '')}:${frame.lineNumber + 1}`
			: '';
		return `${frame.functionName || '(anonymous)'} ${where}`.trim();
	};
	const self = new Map();
	const total = new Map();
	for (const [id, ms] of selfMs) {
		const node = byId.get(id);
		self.set(label(node), (self.get(label(node)) ?? 0) + ms);
		const seen = new Set();
		for (let current = id; current !== undefined; current = parentOf.get(current)) {
			const name = label(byId.get(current));
			if (seen.has(name)) continue;
			seen.add(name);
			total.set(name, (total.get(name) ?? 0) + ms);
		}
	}
	const all = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0);
	const print = (title, map) => {
		process.stdout.write(`\n${title}\n`);
		const rows = [...map]
			.filter(([name]) => !filter || name.includes(filter))
			.sort((a, b) => b[1] - a[1])
			.slice(0, top);
		for (const [name, ms] of rows)
			process.stdout.write(`${ms.toFixed(0).padStart(8)} ms  ${name}\n`);
	};
	process.stdout.write(`\n== ${path.basename(file)}: ${all.toFixed(0)} ms sampled\n`);
	print('self time', self);
	print('total time', total);
}

const target = process.argv[2];
if (!target) {
	process.stderr.write('usage: profile-summary.js <file-or-folder> [--top 30] [--filter text]\n');
	process.exit(2);
}
for (const file of profilesAt(target))
	summarise(file, Number(argValue('--top', 30)), argValue('--filter', undefined));
