#!/usr/bin/env node
// @ts-check
/**
 * `npm run screenshots`: pictures of the nodes in the real n8n editor for the README, taken
 * headless. Starts the sandbox, signs in, opens an example workflow and one node's parameters.
 * Needs Debian's chromium (`apt-get install chromium`); playwright-core is installed once into
 * the tool cache (no browser download).
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { cacheRoot } = require('./lib/n8nHost');
const { REPO_ROOT } = require('./lib/packageTarball');
const { startSandbox } = require('./lib/sandbox');

const PLAYWRIGHT_VERSION = '1.56.1';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const OUT_DIR = path.join(REPO_ROOT, 'docs', 'images');

function playwright() {
	const dir = path.join(cacheRoot(), `playwright-core-${PLAYWRIGHT_VERSION}`);
	const entry = path.join(dir, 'node_modules', 'playwright-core');
	if (!fs.existsSync(entry)) {
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(
			path.join(dir, 'package.json'),
			JSON.stringify({ name: 'maatoo-screenshots', private: true, version: '0.0.0' }),
		);
		execFileSync(
			'npm',
			[
				'install',
				`playwright-core@${PLAYWRIGHT_VERSION}`,
				'--no-audit',
				'--no-fund',
				'--loglevel=error',
			],
			{ cwd: dir, stdio: 'inherit' },
		);
	}
	return require(entry);
}

async function main() {
	if (!fs.existsSync(CHROMIUM))
		throw new Error(`${CHROMIUM} not found: apt-get install chromium (or set CHROMIUM_PATH)`);
	const { chromium } = playwright();
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'maatoo-screens-'));
	const sandbox = await startSandbox({ folder, n8nPort: 5690, mauticPort: 8095 });
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	try {
		const page = await browser.newPage({
			viewport: { width: 1440, height: 900 },
			deviceScaleFactor: 1,
		});
		await page.goto(`${sandbox.baseUrl}/signin`);
		await page
			.locator('input[type="email"], input[name="emailOrLdapLoginId"]')
			.first()
			.fill(sandbox.owner.email);
		await page.locator('input[type="password"]').first().fill(sandbox.owner.password);
		await page.locator('button:has-text("Sign in")').first().click();
		await page.waitForURL((url) => !url.pathname.includes('signin'), { timeout: 30_000 });

		fs.mkdirSync(OUT_DIR, { recursive: true });
		await page.goto(`${sandbox.baseUrl}/workflow/exSyncShopCust01`);
		await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
		await page.waitForTimeout(1500);
		await page.screenshot({ path: path.join(OUT_DIR, 'workflow.png') });

		await page
			.locator('[data-test-id="canvas-node"]:has-text("Create or update contacts")')
			.first()
			.dblclick();
		await page.waitForSelector('[data-test-id="ndv"]', { timeout: 30_000 });
		await page.waitForTimeout(2000);
		await page.screenshot({ path: path.join(OUT_DIR, 'contact-node.png') });
		process.stdout.write(`Screenshots written to ${path.relative(REPO_ROOT, OUT_DIR)}/\n`);
	} finally {
		await browser.close();
		await sandbox.stop();
		fs.rmSync(folder, { recursive: true, force: true });
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
});
