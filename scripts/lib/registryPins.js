// @ts-check
/**
 * The registry this machine reaches lacks some exact versions that new n8n releases pin (their
 * monorepo packages are published a patch or two later, or not at all). `npm install
 * --package-lock-only` names one missing pin per run ("No matching version found for X@V");
 * each is overridden to the newest published version below it, in the host folder's
 * package.json only, until the whole tree resolves. Works for any n8n version, not a fixed list.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const MAX_ROUNDS = 80;

/** @param {string} version @returns {[number, number, number, string]} */
function parseVersion(version) {
	const match = /^(\d+)\.(\d+)\.(\d+)(?:-(.+))?$/.exec(version);
	if (!match) throw new Error(`not an exact version: ${version}`);
	return [Number(match[1]), Number(match[2]), Number(match[3]), match[4] ?? ''];
}

/** Ascending order; a prerelease sorts before its release. @param {string} a @param {string} b */
function compareVersions(a, b) {
	const x = parseVersion(a);
	const y = parseVersion(b);
	for (let index = 0; index < 3; index++)
		if (x[index] !== y[index]) return Number(x[index]) - Number(y[index]);
	if (x[3] === y[3]) return 0;
	if (!x[3]) return 1;
	if (!y[3]) return -1;
	return x[3] < y[3] ? -1 : 1;
}

/**
 * The newest published release below `wanted` (prereleases only when `wanted` is one).
 * @param {string[]} published @param {string} wanted
 */
function nearestEarlier(published, wanted) {
	const prerelease = parseVersion(wanted)[3] !== '';
	const candidates = published
		.filter((version) => /^\d+\.\d+\.\d+(-.+)?$/.test(version))
		.filter((version) => prerelease || !version.includes('-'))
		.filter((version) => compareVersions(version, wanted) < 0)
		.sort(compareVersions);
	return candidates[candidates.length - 1];
}

/** `npm error notarget No matching version found for @n8n/agents@0.26.2.` @param {string} output */
function parseMissingPin(output) {
	const match = /No matching version found for (@?[^@\s]+)@(\S+?)\.?(?:\s|$)/.exec(output);
	return match ? { name: match[1], version: match[2] } : undefined;
}

/** @param {string} cwd @param {string[]} args @param {NodeJS.ProcessEnv} env */
function npm(cwd, args, env) {
	return spawnSync('npm', args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/**
 * Resolves the host folder's dependency tree into package-lock.json, adding an override for
 * every pin the registry lacks. Returns the overrides it added.
 * @param {string} dir host folder with package.json
 * @param {{ log: (line: string) => void, env?: NodeJS.ProcessEnv }} options
 * @returns {Record<string, string>}
 */
function resolveMissingPins(dir, { log, env = process.env }) {
	const manifestFile = path.join(dir, 'package.json');
	/** @type {Record<string, string>} */
	const added = {};
	for (let round = 1; round <= MAX_ROUNDS; round++) {
		const result = npm(
			dir,
			[
				'install',
				'--package-lock-only',
				'--ignore-scripts',
				'--prefer-offline',
				'--no-audit',
				'--no-fund',
			],
			env,
		);
		if (result.status === 0) return added;
		const output = `${result.stdout}\n${result.stderr}`;
		const missing = parseMissingPin(output);
		if (!missing)
			throw new Error(
				`resolving the n8n dependency tree in ${dir} failed:\n${output.slice(-3000)}`,
			);
		const key = `${missing.name}@${missing.version}`;
		if (added[key])
			throw new Error(
				`the override ${key} -> ${added[key]} did not take effect:\n${output.slice(-3000)}`,
			);
		const view = npm(dir, ['view', missing.name, 'versions', '--json'], env);
		if (view.status !== 0)
			throw new Error(`npm view ${missing.name} versions failed:\n${view.stderr.slice(-2000)}`);
		const parsed = JSON.parse(view.stdout);
		const replacement = nearestEarlier(Array.isArray(parsed) ? parsed : [parsed], missing.version);
		if (!replacement)
			throw new Error(
				`the registry has no version of ${missing.name} below the missing ${missing.version}`,
			);
		const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
		manifest.overrides = { ...manifest.overrides, [key]: replacement };
		fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
		added[key] = replacement;
		log(`  registry lacks ${key}: overriding with ${replacement}`);
	}
	throw new Error(`more than ${MAX_ROUNDS} missing pins in ${dir}; giving up`);
}

module.exports = { resolveMissingPins, nearestEarlier, compareVersions, parseMissingPin };
