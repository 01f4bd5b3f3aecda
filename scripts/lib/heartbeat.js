// @ts-check
/**
 * Progress lines during the long, silent steps of the n8n install (npm resolving or installing
 * 2,000 packages prints nothing for minutes). The install runs npm synchronously, so the lines
 * come from a small child process that prints every 30 s until it is stopped, or until the
 * process that started it is gone.
 *
 *   const beat = startHeartbeat({ label: 'installing n8n 2.8.4', installStarted, countDir, expected });
 *   try { spawnSync(...) } finally { beat.stop(); }
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const INTERVAL_MS = Number(process.env.MAATOO_PROGRESS_INTERVAL_MS) || 30_000;

/** "4 min 05 s", "35 s" @param {number} ms */
function formatDuration(ms) {
	const seconds = Math.max(0, Math.round(ms / 1000));
	const minutes = Math.floor(seconds / 60);
	return minutes ? `${minutes} min ${String(seconds % 60).padStart(2, '0')} s` : `${seconds} s`;
}

/** Package folders directly in node_modules (scoped ones counted one by one). @param {string} dir */
function countPackages(dir) {
	let count = 0;
	let names;
	try {
		names = fs.readdirSync(dir);
	} catch {
		return 0;
	}
	for (const name of names) {
		if (name.startsWith('.')) continue;
		if (name.startsWith('@')) {
			try {
				count += fs.readdirSync(path.join(dir, name)).length;
			} catch {
				// removed meanwhile
			}
		} else count++;
	}
	return count;
}

/**
 * @param {{ label: string, installStarted?: number, countDir?: string, expected?: number, intervalMs?: number }} options
 * label: what is going on, e.g. "resolving n8n 2.8.4's dependency tree"; countDir: a node_modules
 * whose package folders to count; expected: how many there will be
 * @returns {{ stop: () => void }}
 */
function startHeartbeat({
	label,
	installStarted = Date.now(),
	countDir,
	expected,
	intervalMs = INTERVAL_MS,
}) {
	const settings = JSON.stringify({
		label,
		installStarted,
		stepStarted: Date.now(),
		countDir,
		expected,
		intervalMs,
		parent: process.pid,
	});
	const child = spawn(process.execPath, [__filename, settings], {
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	child.unref();
	return {
		stop() {
			if (child.exitCode === null) child.kill();
		},
	};
}

/** The child: one line every intervalMs on stderr. @param {string} json */
function beat(json) {
	const { label, installStarted, stepStarted, countDir, expected, intervalMs, parent } =
		JSON.parse(json);
	setInterval(() => {
		try {
			process.kill(parent, 0);
		} catch {
			process.exit(0); // the install was stopped
		}
		const now = Date.now();
		let line = `  … still ${label}: ${formatDuration(now - stepStarted)} in this step, ${formatDuration(now - installStarted)} since the install began`;
		if (countDir) {
			const count = countPackages(countDir);
			line += expected
				? `; ${count.toLocaleString('en-US')} of ${expected.toLocaleString('en-US')} packages in place`
				: `; ${count.toLocaleString('en-US')} packages in place`;
		}
		process.stderr.write(`${line}\n`);
	}, intervalMs);
}

if (require.main === module) beat(String(process.argv[2]));

module.exports = { startHeartbeat, formatDuration, countPackages };
