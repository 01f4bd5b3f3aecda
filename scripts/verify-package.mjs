#!/usr/bin/env node
// @ts-check
/**
 * `npm run verify`: what n8n's verification runs on a community package, offline. The analyzer of
 * @n8n/scan-community-package (installed once into a cache folder outside the repository) lints
 * the sources and the packed tarball with inline eslint-disable comments ignored; then the
 * tarball must list every node and credential it declares and carry no runtime dependencies.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { cacheRoot } = require('./lib/n8nHost.js');
const { REPO_ROOT, packPackage } = require('./lib/packageTarball.js');

const SCANNER_VERSION = '0.32.0';

function ensureScanner() {
	const dir = path.join(cacheRoot(), `scanner-${SCANNER_VERSION}`);
	const entry = path.join(
		dir,
		'node_modules',
		'@n8n',
		'scan-community-package',
		'scanner',
		'scanner.mjs',
	);
	if (!fs.existsSync(entry)) {
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(
			path.join(dir, 'package.json'),
			JSON.stringify({
				name: 'maatoo-scanner-host',
				private: true,
				version: '0.0.0',
				dependencies: { '@n8n/scan-community-package': SCANNER_VERSION },
			}),
		);
		execFileSync(
			'npm',
			['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
			{ cwd: dir, stdio: 'inherit' },
		);
	}
	return entry;
}

function fail(message) {
	process.stderr.write(`✗ ${message}\n`);
	process.exitCode = 1;
}

const scanner = await import(pathToFileURL(ensureScanner()).href);

const sources = await scanner.analyzePackage(REPO_ROOT, scanner.SOURCE_FILE_PATTERNS);
if (sources.passed) process.stdout.write('✓ sources pass the n8n community package analyzer\n');
else fail(`sources: ${sources.message}\n${sources.details ?? ''}`);

const unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'maatoo-verify-'));
const tarball = packPackage(unpacked);
execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
const packageDir = path.join(unpacked, 'package');
const tarballResult = await scanner.analyzePackage(packageDir, ['**/*.js', 'package.json']);
if (tarballResult.passed) process.stdout.write(`✓ ${path.basename(tarball)} passes the analyzer\n`);
else fail(`tarball: ${tarballResult.message}\n${tarballResult.details ?? ''}`);

const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
const runtime = Object.keys(manifest.dependencies ?? {});
if (runtime.length > 0) fail(`the tarball declares runtime dependencies: ${runtime.join(', ')}`);
else process.stdout.write('✓ no runtime dependencies\n');
const declared = [...manifest.n8n.nodes, ...manifest.n8n.credentials];
const missing = declared.filter((file) => !fs.existsSync(path.join(packageDir, file)));
if (missing.length > 0)
	fail(`the tarball lacks files package.json declares: ${missing.join(', ')}`);
else
	process.stdout.write(
		`✓ all ${declared.length} declared nodes and credentials are in the tarball\n`,
	);

fs.rmSync(unpacked, { recursive: true, force: true });
