// @ts-check
/**
 * n8n's internal REST API, signed in as the instance owner, for what its CLI cannot do on a
 * running instance. `n8n unpublish:workflow` only flips the database flag ("Changes will not take
 * effect if n8n is running") and never calls a trigger's webhook `delete`; unpublishing through
 * REST, as the editor does, runs the deactivation the way a user causes it.
 */

const OWNER = {
	email: 'e2e-owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-Owner-Password-1',
};
const BROWSER_ID = 'maatoo-e2e-browser';

/** @param {Response} response */
function authCookie(response) {
	const cookies =
		typeof response.headers.getSetCookie === 'function' ? response.headers.getSetCookie() : [];
	const auth = cookies.find((cookie) => cookie.startsWith('n8n-auth='));
	return auth ? auth.split(';')[0] : undefined;
}

/**
 * Sets the owner up on a fresh instance, or signs in when that was done before.
 * @param {string} baseUrl
 * @returns {Promise<{ baseUrl: string, cookie: string }>}
 */
async function signInAsOwner(baseUrl) {
	const headers = { 'content-type': 'application/json', 'browser-id': BROWSER_ID };
	let response = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers,
		body: JSON.stringify(OWNER),
	});
	let cookie = response.ok ? authCookie(response) : undefined;
	if (!cookie) {
		response = await fetch(`${baseUrl}/rest/login`, {
			method: 'POST',
			headers,
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
		cookie = response.ok ? authCookie(response) : undefined;
	}
	if (!cookie)
		throw new Error(
			`could not sign in to n8n as owner: ${response.status} ${await response.text()}`,
		);
	return { baseUrl, cookie };
}

/**
 * @param {{ baseUrl: string, cookie: string }} session
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 */
async function rest(session, method, path, body) {
	const response = await fetch(`${session.baseUrl}/rest${path}`, {
		method,
		headers: {
			'content-type': 'application/json',
			'browser-id': BROWSER_ID,
			cookie: session.cookie,
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok)
		throw new Error(`n8n ${method} /rest${path} → ${response.status}: ${text.slice(0, 2000)}`);
	return text ? JSON.parse(text) : undefined;
}

/**
 * Unpublishes a workflow on the running instance (n8n 2.x: POST /rest/workflows/:id/deactivate).
 * @param {string} baseUrl
 * @param {string} workflowId
 */
async function unpublishOnRunningN8n(baseUrl, workflowId) {
	const session = await signInAsOwner(baseUrl);
	return await rest(session, 'POST', `/workflows/${workflowId}/deactivate`, {});
}

module.exports = { signInAsOwner, rest, unpublishOnRunningN8n };
