// @ts-check
/**
 * Talks to the fake Mautic the way a Mautic admin's script would (its public API over HTTP),
 * to seed data for a test and to fetch OAuth2 tokens.
 */
const { request } = require('undici');

const ADMIN = { username: 'admin', password: 'maatoo-secret' };

function basicHeader(user = ADMIN) {
	return `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
}

/** @param {string} baseUrl @param {string} method @param {string} path @param {unknown} [body] */
async function api(baseUrl, method, path, body) {
	const response = await request(`${baseUrl}/api${path}`, {
		method: /** @type {any} */ (method),
		headers: {
			authorization: basicHeader(),
			'content-type': 'application/json',
			accept: 'application/json',
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.body.text();
	if (response.statusCode >= 400)
		throw new Error(`${method} ${path} → ${response.statusCode}: ${text}`);
	return text ? JSON.parse(text) : undefined;
}

/** Creates contacts in batches of 200; returns their ids in input order. */
async function createContacts(baseUrl, contacts) {
	const ids = [];
	for (let start = 0; start < contacts.length; start += 200) {
		const body = await api(
			baseUrl,
			'POST',
			'/contacts/batch/new',
			contacts.slice(start, start + 200),
		);
		const created = body.contacts;
		const list = Array.isArray(created)
			? created
			: Object.keys(created)
					.sort((a, b) => Number(a) - Number(b))
					.map((key) => created[key]);
		ids.push(...list.map((contact) => contact.id));
	}
	return ids;
}

/**
 * Runs the authorization-code grant as n8n's OAuth callback would after the user approved.
 * @param {{ url: string, issueAuthorizationCode: (clientId: string, redirectUri: string) => string }} fake
 */
async function authorizationCodeTokens(fake, client) {
	const code = fake.issueAuthorizationCode(client.clientId, client.redirectUri);
	const response = await request(`${fake.url}/oauth/v2/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			code,
			redirect_uri: client.redirectUri,
			client_id: client.clientId,
			client_secret: client.clientSecret,
		}).toString(),
	});
	const text = await response.body.text();
	if (response.statusCode !== 200)
		throw new Error(`token exchange failed: ${response.statusCode} ${text}`);
	return JSON.parse(text);
}

module.exports = { ADMIN, api, createContacts, authorizationCodeTokens, basicHeader };
