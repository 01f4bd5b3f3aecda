#!/usr/bin/env node
// @ts-check
/**
 * `node scripts/check-lock.js`: checks that package-lock.json is complete for every platform, so
 * `npm ci` accepts it on Linux, macOS and Windows alike. npm leaves other platforms' optional
 * binaries (e.g. @unrs/resolver-binding-win32-x64-msvc) out of the lock when it writes the lock
 * from an installed node_modules (npm/cli#4828, still in npm 11); `npm ci` then fails on every
 * machine with "Missing: … from lock file". Fix a lock this reports with
 * `npm install --package-lock-only` (it resolves from the lock and the registry, not node_modules).
 *
 * Checks: every dependency and optional dependency of every entry resolves to an entry, the way
 * Node resolves it (the nearest node_modules up the path); no entry is marked extraneous; the root
 * entry lists exactly package.json's dependencies; no entry carries a `libc` field. npm 11 writes
 * `libc`, npm 10 (bundled with Node 20 and 22) drops it on every `npm install`, so a lock with it
 * changes on most contributors' machines; without it both leave the lock alone (npm then installs
 * both the glibc and the musl build of an optional binary on Linux: harmless).
 * `node scripts/check-lock.js --fix` removes `libc` fields.
 *
 * npm 11 is needed for `npm ci`: npm 10 (bundled with Node 20 and 22) refuses a lock in which an
 * optional peer of n8n-core's AI packages is "invalid" (openai wants @aws-sdk/credential-provider-node
 * >=3.972 where n8n-core pins 3.808.0), and the one fix in the manifest, `overrides`, is forbidden
 * in community-node packages by n8n's lint (@n8n/community-nodes/no-overrides-field). CI and the
 * workflows install npm 11 first (`npm install -g npm@11`).
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(
	process.argv.slice(2).find((arg) => !arg.startsWith('--')) || path.join(__dirname, '..'),
);

/** @param {Record<string, any>} packages @param {string} from location of the dependent @param {string} name */
function resolves(packages, from, name) {
	let base = from;
	for (;;) {
		if (packages[`${base ? `${base}/` : ''}node_modules/${name}`]) return true;
		if (!base) return false;
		const index = base.lastIndexOf('/node_modules/');
		base = index < 0 ? '' : base.slice(0, index);
	}
}

/** @param {string} dir @returns {string[]} problems */
function checkLock(dir) {
	const lock = JSON.parse(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8'));
	const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
	const packages = lock.packages ?? {};
	/** @type {string[]} */
	const problems = [];
	/** @type {string[]} */
	const extraneous = [];
	if (lock.lockfileVersion !== 3)
		problems.push(`lockfileVersion is ${lock.lockfileVersion}, expected 3`);
	for (const field of [
		'dependencies',
		'devDependencies',
		'optionalDependencies',
		'peerDependencies',
	]) {
		const wanted = JSON.stringify(manifest[field] ?? {});
		const locked = JSON.stringify(packages['']?.[field] ?? {});
		if (wanted !== locked)
			problems.push(
				`root entry's ${field} differ from package.json's: run npm install --package-lock-only`,
			);
	}
	for (const [location, entry] of Object.entries(packages)) {
		if (entry.extraneous)
			extraneous.push(
				`${location} is marked extraneous (the lock was written from a node_modules with stray packages)`,
			);
		if (entry.libc)
			extraneous.push(
				`${location} has a libc field, which npm 10 drops on install: run node scripts/check-lock.js --fix`,
			);
		if (entry.link) continue;
		for (const field of ['dependencies', 'optionalDependencies']) {
			for (const name of Object.keys(entry[field] ?? {})) {
				if (!resolves(packages, location, name))
					problems.push(`${location || '(root)'} → ${name} (${field}) has no entry in the lock`);
			}
		}
	}
	return [...problems, ...extraneous];
}

/** Removes the libc fields npm 11 writes (see above). @param {string} dir @returns {number} how many */
function dropLibc(dir) {
	const file = path.join(dir, 'package-lock.json');
	const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
	let count = 0;
	for (const entry of Object.values(lock.packages ?? {})) {
		if (entry.libc) {
			delete entry.libc;
			count++;
		}
	}
	if (count) fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
	return count;
}

if (require.main === module) {
	const args = process.argv.slice(2);
	if (args.includes('--fix')) process.stdout.write(`removed ${dropLibc(root)} libc fields\n`);
	const problems = checkLock(root);
	if (problems.length) {
		const shown = problems.slice(0, 40);
		process.stderr.write(
			`package-lock.json has ${problems.length} problems:\n  ${shown.join('\n  ')}\n`,
		);
		if (problems.length > shown.length)
			process.stderr.write(`  … and ${problems.length - shown.length} more\n`);
		process.stderr.write('Fix: npm install --package-lock-only (see scripts/check-lock.js)\n');
		process.exitCode = 1;
	} else {
		const count =
			Object.keys(
				JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')).packages,
			).length - 1;
		process.stdout.write(`package-lock.json: complete for every platform (${count} packages)\n`);
	}
}

module.exports = { checkLock, dropLibc };
