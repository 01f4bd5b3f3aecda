// @ts-check
/**
 * One end-to-end smoke on one installed n8n: builds dist/ and runs the e2e files through jest
 * under the shared build lock (others build dist/ in the same checkout), with the e2e suite
 * pointed at that n8n and Node by MAATOO_E2E_N8N_VERSION and MAATOO_E2E_N8N_NODE.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { REPO_ROOT } = require('../lib/packageTarball');

const BUILD_LOCK = '/tmp/maatoo-build.lock';

/** @param {string} value */
function shellQuote(value) {
	return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * @param {{ version: string, node: string, files: string[] }} options
 * @returns {Promise<{ passed: number, failed: number, total: number, seconds: number, exitCode: number | null, failures: string[] }>}
 * `failures` names each failed test, and each file that could not run at all.
 */
function runSmoke({ version, node, files }) {
	const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'maatoo-compat-')), 'jest.json');
	const jest = [
		process.execPath,
		require.resolve('jest/bin/jest', { paths: [REPO_ROOT] }),
		'-c',
		'jest.e2e.config.js',
		'--json',
		'--outputFile',
		report,
		...files,
	];
	const command = `npm run build >/dev/null && ${jest.map(shellQuote).join(' ')}`;
	const env = { ...process.env, MAATOO_E2E_N8N_VERSION: version, MAATOO_E2E_N8N_NODE: node };
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn('flock', [BUILD_LOCK, '-c', command], {
			cwd: REPO_ROOT,
			env,
			stdio: ['ignore', 'inherit', 'inherit'],
		});
		child.on('error', reject);
		child.on('close', (exitCode) => {
			const seconds = (Date.now() - started) / 1000;
			/** @type {any} */
			let result = {};
			try {
				result = JSON.parse(fs.readFileSync(report, 'utf8'));
			} catch {
				// jest did not get to write its report (build failed, or global setup threw)
			}
			const failures = (result.testResults ?? []).flatMap((/** @type {any} */ file) =>
				(file.assertionResults ?? [])
					.filter((/** @type {any} */ test) => test.status === 'failed')
					.map((/** @type {any} */ test) => test.fullName),
			);
			for (const file of result.testResults ?? []) {
				if (file.status === 'failed' && !(file.assertionResults ?? []).length)
					failures.push(
						`${path.basename(file.name)}: ${
							String(file.message)
								.split('\n')
								.find((line) => line.trim()) ?? 'did not run'
						}`,
					);
			}
			// jest's own clock (global setup and tests), without the wait for the lock and the build.
			const ends = (result.testResults ?? [])
				.map((/** @type {any} */ file) => file.endTime)
				.filter(Boolean);
			resolve({
				passed: result.numPassedTests ?? 0,
				failed: result.numFailedTests ?? 0,
				total: result.numTotalTests ?? 0,
				seconds:
					result.startTime && ends.length ? (Math.max(...ends) - result.startTime) / 1000 : seconds,
				exitCode,
				failures,
			});
		});
	});
}

module.exports = { runSmoke };
