// @ts-check
/**
 * A head start for registryPins.js: the pins the registry lacks are almost all n8n's own monorepo
 * packages (n8n-*, @n8n/*), pinned exactly by each other. Walking just that family with
 * `npm view` finds them in seconds, where `npm install --package-lock-only` names one per
 * resolution of the whole tree (about a minute each, twenty-odd for n8n 2.41.3). The lock-only
 * loop still runs afterwards and catches whatever this misses.
 */
const { execFile } = require('node:child_process');
const { nearestEarlier } = require('./registryPins');

const CONCURRENCY = 6;
const FAMILY = /^(n8n|n8n-[a-z0-9-]+|@n8n\/[a-z0-9._-]+)$/;
const EXACT = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/** @param {string[]} args @param {NodeJS.ProcessEnv} env @returns {Promise<any>} */
function npmViewJson(args, env) {
	return new Promise((resolve, reject) => {
		execFile(
			'npm',
			['view', ...args, '--json'],
			{ env, maxBuffer: 16 * 1024 * 1024 },
			(error, stdout, stderr) => {
				if (error)
					reject(new Error(`npm view ${args.join(' ')}: ${stderr.trim().split('\n').pop()}`));
				else resolve(stdout.trim() ? JSON.parse(stdout) : undefined);
			},
		);
	});
}

/**
 * Overrides (`name@missing` → nearest earlier published version) for every exact pin inside the
 * n8n family, starting at n8n@version.
 * @param {string} version
 * @param {{ log: (line: string) => void, env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<Record<string, string>>}
 */
async function familyOverrides(version, { log, env = process.env }) {
	/** @type {Map<string, Promise<string[]>>} */
	const versionsOf = new Map();
	const published = (/** @type {string} */ name) => {
		if (!versionsOf.has(name))
			versionsOf.set(
				name,
				npmViewJson([name, 'versions'], env).then((list) => (Array.isArray(list) ? list : [list])),
			);
		return /** @type {Promise<string[]>} */ (versionsOf.get(name));
	};
	/** @type {Record<string, string>} */
	const overrides = {};
	const seen = new Set();
	/** @type {Array<[string, string]>} */
	let queue = [['n8n', version]];
	while (queue.length) {
		const batch = queue.filter(([name, pin]) => !seen.has(`${name}@${pin}`));
		batch.forEach(([name, pin]) => seen.add(`${name}@${pin}`));
		queue = [];
		for (let start = 0; start < batch.length; start += CONCURRENCY) {
			const results = await Promise.all(
				batch.slice(start, start + CONCURRENCY).map(async ([name, pin]) => {
					let chosen = pin;
					if (!(await published(name)).includes(pin)) {
						const earlier = nearestEarlier(await published(name), pin);
						if (!earlier) return []; // the lock-only loop will report it
						overrides[`${name}@${pin}`] = earlier;
						log(`  registry lacks ${name}@${pin}: overriding with ${earlier}`);
						chosen = earlier;
					}
					const dependencies =
						(await npmViewJson([`${name}@${chosen}`, 'dependencies'], env)) ?? {};
					return Object.entries(dependencies).filter(
						([dependency, spec]) => FAMILY.test(dependency) && EXACT.test(String(spec)),
					);
				}),
			);
			for (const found of results) queue.push(.../** @type {Array<[string, string]>} */ (found));
		}
	}
	return overrides;
}

module.exports = { familyOverrides };

// `node familyPins.js <n8n version>` prints the overrides as JSON (installN8n runs it synchronously).
if (require.main === module) {
	familyOverrides(String(process.argv[2]), {
		log: (line) => process.stderr.write(`${line}\n`),
	}).then(
		(overrides) => process.stdout.write(JSON.stringify(overrides)),
		(error) => {
			process.stderr.write(`${error instanceof Error ? error.message : error}\n`);
			process.exitCode = 1;
		},
	);
}
