#!/usr/bin/env node
// @ts-check
/**
 * `npm run screenshots`: pictures of the nodes in the real n8n editor for the README, taken
 * headless. Starts the sandbox, signs in, opens an example workflow and one node's parameters,
 * then opens a workflow holding one node of each type and pictures each node's parameter panel
 * in docs/images/panels/<nodeName>.png.
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
const PANELS_DIR = path.join(OUT_DIR, 'panels');
const PANELS_WORKFLOW_ID = 'maatooPanels0001';

/** Every node in package.json `n8n.nodes`, with the operation users pick most (the name is the canvas label). */
const PANEL_NODES = [
	['maatooContact', 'Contact', { operation: 'upsert' }],
	['maatooCompany', 'Company', { operation: 'upsert' }],
	['maatooCompanySegment', 'Company Segment', { operation: 'addCompany' }],
	['maatooSegment', 'Segment', { operation: 'addContact' }],
	['maatooPointGroup', 'Point Group', { operation: 'getAll' }],
	['maatooPointInsight', 'Point Insight', { operation: 'getAll' }],
	['maatooCampaign', 'Campaign', { operation: 'addContact' }],
	['maatooEmail', 'Email', { operation: 'sendToContact' }],
	['maatooForm', 'Form', { operation: 'getSubmissions' }],
	['maatooNote', 'Note', { operation: 'create' }],
	['maatooStage', 'Stage', { operation: 'addContact' }],
	['maatooTextMessage', 'Text Message', { operation: 'sendToContact' }],
	['maatooTag', 'Tag', { operation: 'create' }],
	['maatooCategory', 'Category', { operation: 'create' }],
	['maatooReport', 'Report', { operation: 'run' }],
	['maatooTrigger', 'Trigger', {}],
];

/** @param {string} credentialId */
function panelsWorkflow(credentialId) {
	const nodes = PANEL_NODES.map(([type, name, parameters], index) => ({
		id: `panel-${type}`,
		name,
		type: `n8n-nodes-maatoo.${type}`,
		typeVersion: 1,
		position: [(index % 4) * 260, Math.floor(index / 4) * 200],
		...(type === 'maatooTrigger' ? { webhookId: 'maatoo-panels-trigger' } : {}),
		credentials: { maatooApi: { id: credentialId, name: 'maatoo sandbox (Basic auth)' } },
		parameters: { authentication: 'basicAuth', ...parameters },
	}));
	return { id: PANELS_WORKFLOW_ID, name: 'Node panels (screenshots)', nodes, connections: {} };
}

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
	const sandbox = await startSandbox({
		folder,
		n8nPort: 5690,
		mauticPort: 8095,
		extraWorkflows: (credentialId) => [panelsWorkflow(credentialId)],
	});
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

		fs.mkdirSync(PANELS_DIR, { recursive: true });
		await page.goto(`${sandbox.baseUrl}/workflow/${PANELS_WORKFLOW_ID}`);
		await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
		await page.waitForTimeout(1500);
		for (const [type, name] of PANEL_NODES) {
			await page
				.locator('[data-test-id="canvas-node"]')
				.filter({ has: page.getByText(name, { exact: true }) })
				.first()
				.dblclick();
			await page.waitForSelector('[data-test-id="ndv"]', { timeout: 30_000 });
			await page.waitForTimeout(2000);
			await page.screenshot({ path: path.join(PANELS_DIR, `${type}.png`) });
			await page.keyboard.press('Escape');
			await page.waitForSelector('[data-test-id="ndv"]', { state: 'hidden', timeout: 30_000 });
		}
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
