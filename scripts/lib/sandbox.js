// @ts-check
/**
 * The sandbox: the fake Mautic with its demo data and a pinned local n8n with the packed package,
 * a ready credential, the example workflows and an owner account. `npm run dev` runs it for
 * people; the screenshot script drives a browser against it.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startFakeMautic } = require('../../test/fake-mautic');
const { loadExamples } = require('./examples');
const {
	DEFAULT_N8N_VERSION,
	cacheRoot,
	ensureN8n,
	isN8nInstalled,
	n8nEnv,
	runN8n,
	startN8n,
	stopN8n,
} = require('./n8nHost');
const { installAsCommunityPackage, packPackage } = require('./packageTarball');

const OWNER = {
	email: 'sandbox@maatoo.local',
	password: 'Sandbox-maatoo-2026',
	firstName: 'Sandbox',
	lastName: 'User',
};
const SANDBOX_USER = { username: 'admin', password: 'maatoo-secret' };

async function setUpOwner(baseUrl) {
	const response = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	// 400 means an owner exists already (a previous sandbox run): fine.
	if (!response.ok && response.status !== 400) {
		throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
	}
}

/**
 * @param {{ folder: string, n8nPort: number, mauticPort: number, brokerPort?: number, log?: (message: string) => void, extraWorkflows?: (credentialId: string) => any[] }} options
 * brokerPort: n8n's task-runner broker (default n8nPort + 1); extraWorkflows: imported besides
 * the examples (the screenshot script's workflow with one node of each type)
 */
async function startSandbox({
	folder,
	n8nPort,
	mauticPort,
	brokerPort = n8nPort + 1,
	log = () => undefined,
	extraWorkflows = () => [],
}) {
	log(
		`Starting the sandbox Mautic (a fake Mautic written in Node, seeded with demo data) on http://127.0.0.1:${mauticPort}`,
	);
	const mautic = await startFakeMautic({ port: mauticPort, seed: 'demo', version: '7.0.0' });
	try {
		const installed = isN8nInstalled();
		log(
			installed
				? `n8n ${DEFAULT_N8N_VERSION} is installed in ${cacheRoot()}`
				: `Installing n8n ${DEFAULT_N8N_VERSION} into ${cacheRoot()}: first run only, about 15 to 20 minutes on a busy 2-core machine and ~2.5 GB of disk; progress every 30 s`,
		);
		const host = ensureN8n();
		const userFolder = path.join(folder, 'n8n');
		fs.mkdirSync(userFolder, { recursive: true });
		installAsCommunityPackage(
			packPackage(fs.mkdtempSync(path.join(os.tmpdir(), 'maatoo-sandbox-'))),
			userFolder,
		);
		const env = n8nEnv({ userFolder, port: n8nPort, brokerPort });

		const credential = {
			id: 'maatooSandbox01',
			name: 'maatoo sandbox (Basic auth)',
			type: 'maatooApi',
			data: { url: mautic.url, ...SANDBOX_USER },
		};
		const credentialsFile = path.join(folder, 'credentials.json');
		fs.writeFileSync(credentialsFile, JSON.stringify([credential], null, 2));
		await runN8n(host, ['import:credentials', '--input', credentialsFile], env);
		const workflows = loadExamples(credential.id).map((example) => example.workflow);
		for (const workflow of [...workflows, ...extraWorkflows(credential.id)]) {
			const file = path.join(folder, `workflow-${workflow.id}.json`);
			fs.writeFileSync(file, JSON.stringify(workflow, null, 2));
			await runN8n(host, ['import:workflow', '--input', file], env);
		}

		log(`Starting n8n on http://127.0.0.1:${n8nPort}`);
		const n8n = await startN8n(host, env, { logFile: path.join(folder, 'n8n.log') });
		const baseUrl = `http://127.0.0.1:${n8nPort}`;
		await setUpOwner(baseUrl);
		return {
			mautic,
			baseUrl,
			owner: OWNER,
			mauticUser: SANDBOX_USER,
			credential,
			workflows,
			async stop() {
				await stopN8n(n8n);
				await mautic.close();
			},
		};
	} catch (error) {
		await mautic.close();
		throw error;
	}
}

module.exports = { startSandbox, OWNER };
