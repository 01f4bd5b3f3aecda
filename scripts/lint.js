#!/usr/bin/env node
// @ts-check
/**
 * `npm run lint`: n8n's community-node lint (`n8n-node lint`, which runs eslint with n8n's rules),
 * then one result line, e.g. "lint: 0 errors, 0 warnings". n8n-node lint prints nothing when
 * all is well, which reads like nothing ran. Extra arguments (e.g. --fix) are passed on.
 * Then the formatting check: Prettier with the settings of n8n's node template (.prettierrc.js);
 * with --fix it formats instead of checking. Last, the type check of the tests and the fake
 * (`tsc -p tsconfig.test.json`): ts-jest transpiles them without one, so type errors there would
 * otherwise go unseen.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');

const binOf = (/** @type {string} */ name) =>
	path.join(
		__dirname,
		'..',
		'node_modules',
		'.bin',
		process.platform === 'win32' ? `${name}.cmd` : name,
	);
const bin = binOf('n8n-node');

/** Prettier over the repository (what .prettierignore leaves); resolves to its exit code. @param {boolean} fix */
function checkFormatting(fix) {
	return new Promise((resolve) => {
		const prettier = spawn(
			binOf('prettier'),
			[fix ? '--write' : '--check', '--log-level', 'warn', '.'],
			{
				stdio: 'inherit',
				shell: process.platform === 'win32',
			},
		);
		prettier.on('close', (code) => resolve(code ?? 1));
	});
}

/** Type-checks the tests, the fake and the scripts they import; resolves to tsc's exit code. */
function checkTestTypes() {
	return new Promise((resolve) => {
		const tsc = spawn(binOf('tsc'), ['-p', 'tsconfig.test.json', '--noEmit'], {
			stdio: 'inherit',
			shell: process.platform === 'win32',
		});
		tsc.on('close', (code) => resolve(code ?? 1));
	});
}

/** eslint's stylish summary, "✖ 3 problems (1 error, 2 warnings)", or zeros when it printed none. @param {string} output */
function countProblems(output) {
	const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
	const match = /(\d+) problems? \((\d+) errors?, (\d+) warnings?\)/.exec(plain);
	return match
		? { errors: Number(match[2]), warnings: Number(match[3]) }
		: { errors: 0, warnings: 0 };
}

if (require.main === module) {
	const started = Date.now();
	const child = spawn(bin, ['lint', ...process.argv.slice(2)], {
		stdio: ['inherit', 'pipe', 'pipe'],
		shell: process.platform === 'win32',
	});
	let output = '';
	child.stdout.on('data', (chunk) => {
		output += chunk;
		process.stdout.write(chunk);
	});
	child.stderr.on('data', (chunk) => {
		output += chunk;
		process.stderr.write(chunk);
	});
	child.on('close', async (code, signal) => {
		const { errors, warnings } = countProblems(output);
		const formatting = await checkFormatting(process.argv.includes('--fix'));
		const types = await checkTestTypes();
		const seconds = ((Date.now() - started) / 1000).toFixed(0);
		const plural = (/** @type {number} */ count, /** @type {string} */ word) =>
			`${count} ${word}${count === 1 ? '' : 's'}`;
		const unformatted =
			formatting === 0 ? '' : '; files not formatted (npm run lint -- --fix formats them)';
		const untyped = types === 0 ? '' : '; type errors in the tests (tsc -p tsconfig.test.json)';
		if (code === 0 && formatting === 0 && types === 0)
			process.stdout.write(
				`lint: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, formatted, tests type-checked (${seconds} s)\n`,
			);
		else
			process.stderr.write(
				`lint: failed${errors || warnings ? ` with ${plural(errors, 'error')}, ${plural(warnings, 'warning')}` : ''}${unformatted}${untyped} (exit ${code || formatting || types || signal})\n`,
			);
		process.exitCode = code || formatting || types || (signal ? 1 : 0);
	});
}

module.exports = { countProblems };
