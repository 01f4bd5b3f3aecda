// @ts-check
/**
 * The real Mautic the real-backend commands use: the one MAUTIC_URL (and friends) names, or else
 * the stock Mautic 5.1 in ../shared/real-mautic, started here (root) and stopped afterwards if
 * this process started it.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { REPO_ROOT } = require('./packageTarball');

const SHARED = path.resolve(REPO_ROOT, '..', 'shared', 'real-mautic');
const VARIABLES = [
	'MAUTIC_URL',
	'MAUTIC_USERNAME',
	'MAUTIC_PASSWORD',
	'MAUTIC_OAUTH_CLIENT_ID',
	'MAUTIC_OAUTH_CLIENT_SECRET',
	'MAUTIC_VERSION',
	'MAUTIC_OAUTH_REDIRECT_URI',
];
/** n8n's OAuth2 callback, the redirect URI the authorization-code checks use. */
const REDIRECT_URI = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';

/** Whether the fixture's OAuth2 client has REDIRECT_URI registered (an install made without it has none). */
function redirectRegistered() {
	const result = spawnSync(
		'mysql',
		['-uroot', '-N', 'mautic', '-e', 'SELECT redirect_uris FROM oauth2_clients'],
		{ encoding: 'utf8' },
	);
	return result.status === 0 && result.stdout.includes(REDIRECT_URI);
}

/** Whether the PHP server start.sh runs is up (then start.sh only reports it, and we leave it up). */
function alreadyServing() {
	const pidFile = path.join(process.env.REAL_MAUTIC_DIR || '/tmp/real-mautic', 'php.pid');
	try {
		process.kill(Number(fs.readFileSync(pidFile, 'utf8').trim()), 0);
		return true;
	} catch {
		return false;
	}
}

/** Mautic's version from the Mautic-Version header of an API answer. */
async function reportedVersion(env) {
	const authorization = `Basic ${Buffer.from(`${env.MAUTIC_USERNAME}:${env.MAUTIC_PASSWORD}`).toString('base64')}`;
	const response = await fetch(`${env.MAUTIC_URL.replace(/\/+$/, '')}/api/contacts?limit=1`, {
		headers: { authorization },
	});
	await response.text();
	if (response.status !== 200)
		throw new Error(
			`${env.MAUTIC_URL} answered ${response.status} to an API call as ${env.MAUTIC_USERNAME}: check the API, Basic auth and the credentials`,
		);
	return response.headers.get('mautic-version') ?? '';
}

/**
 * The environment of a real Mautic and a function that stops what was started.
 * @returns {Promise<{ env: Record<string, string>, source: string, stop: () => void }>}
 */
async function useRealMautic() {
	/** @type {Record<string, string>} */
	const env = {};
	let source;
	let stop = () => {};
	if (process.env.MAUTIC_URL) {
		for (const name of VARIABLES) if (process.env[name]) env[name] = String(process.env[name]);
		source = `MAUTIC_URL=${env.MAUTIC_URL}`;
	} else if (fs.existsSync(path.join(SHARED, 'start.sh'))) {
		const wasServing = alreadyServing();
		// a new install registers n8n's callback for the authorization-code checks
		const started = spawnSync('bash', [path.join(SHARED, 'start.sh')], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
			env: {
				...process.env,
				REAL_MAUTIC_OAUTH_REDIRECTS: process.env.REAL_MAUTIC_OAUTH_REDIRECTS || REDIRECT_URI,
			},
		});
		if (started.status !== 0) throw new Error(`${SHARED}/start.sh exited ${started.status}`);
		for (const line of started.stdout.split('\n')) {
			const match = /^(MAUTIC_[A-Z_]+)=(.*)$/.exec(line.trim());
			if (match) env[match[1]] = match[2];
		}
		if (redirectRegistered()) env.MAUTIC_OAUTH_REDIRECT_URI = REDIRECT_URI;
		source = `${SHARED} (${wasServing ? 'already running, left running' : 'started here, stopped afterwards'})`;
		if (!wasServing)
			stop = () => spawnSync('bash', [path.join(SHARED, 'stop.sh')], { stdio: 'inherit' });
	} else {
		throw new Error(
			`No real Mautic: set MAUTIC_URL, MAUTIC_USERNAME and MAUTIC_PASSWORD (and MAUTIC_OAUTH_CLIENT_ID / _SECRET), or put the shared fixture at ${SHARED}`,
		);
	}
	for (const name of ['MAUTIC_URL', 'MAUTIC_USERNAME', 'MAUTIC_PASSWORD']) {
		if (!env[name]) throw new Error(`${name} is not set`);
	}
	env.MAUTIC_VERSION = (await reportedVersion(env)) || env.MAUTIC_VERSION || '';
	return { env, source, stop };
}

module.exports = { useRealMautic };
