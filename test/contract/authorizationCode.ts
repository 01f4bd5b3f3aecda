/**
 * The OAuth2 authorization-code grant driven without a browser: Mautic's login form, then its
 * consent form ("Accept"), then the code on the redirect. The fake approves at once; a real
 * Mautic asks for both forms, with its session cookie.
 */
import type { Backend } from './backends';

/** The redirect URI the checks use (n8n's OAuth2 callback); it must be registered for the client. */
export const REDIRECT_URI = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';

class Browser {
	private readonly cookies = new Map<string, string>();

	constructor(private readonly base: string) {}

	async go(
		method: string,
		path: string,
		form?: Record<string, string>,
	): Promise<{ status: number; location: string; text: string }> {
		const headers: Record<string, string> = {};
		if (this.cookies.size)
			headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
		if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
		const url = path.startsWith('http') ? path : `${this.base}${path}`;
		const response = await fetch(url, {
			method,
			headers,
			body: form ? new URLSearchParams(form).toString() : undefined,
			redirect: 'manual',
		});
		for (const cookie of response.headers.getSetCookie()) {
			const [pair] = cookie.split(';');
			const at = pair.indexOf('=');
			this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
		}
		return {
			status: response.status,
			location: response.headers.get('location') ?? '',
			text: await response.text(),
		};
	}
}

/** The hidden fields of Mautic's consent form, with its Accept button. */
function consentForm(html: string): Record<string, string> {
	const start = html.indexOf('fos_oauth_server_authorize_form');
	const form: Record<string, string> = { accepted: 'Accept' };
	for (const [input] of html.slice(start).matchAll(/<input[^>]*>/gs)) {
		const name = /name="(fos_oauth_server_authorize_form\[[^\]]+\])"/.exec(input)?.[1];
		if (name) form[name] = (/value="([^"]*)"/.exec(input)?.[1] ?? '').replace(/&amp;/g, '&');
	}
	return form;
}

/** Logs in as the backend's admin if asked, accepts, and returns the code Mautic redirects with. */
export async function authorizationCode(backend: Backend, state: string): Promise<string> {
	const browser = new Browser(backend.url);
	const query = new URLSearchParams({
		client_id: backend.oauthClient.clientId,
		response_type: 'code',
		redirect_uri: REDIRECT_URI,
		state,
	});
	const authorize = `/oauth/v2/authorize?${query}`;
	let step = await browser.go('GET', authorize);
	if (step.location.includes('/authorize_login')) {
		const login = await browser.go('POST', '/oauth/v2/authorize_login_check', {
			_username: backend.admin.username,
			_password: backend.admin.password,
		});
		if (login.status !== 302) throw new Error(`Mautic's login form answered ${login.status}`);
		step = await browser.go('GET', authorize);
		if (step.status !== 200)
			throw new Error(`the consent page answered ${step.status}: ${step.text.slice(0, 200)}`);
		step = await browser.go('POST', '/oauth/v2/authorize', consentForm(step.text));
	}
	if (!step.location.startsWith(REDIRECT_URI))
		throw new Error(
			`no redirect to ${REDIRECT_URI}: ${step.status} ${step.location} ${step.text.slice(0, 300)}`,
		);
	const redirect = new URL(step.location);
	expectState(redirect.searchParams.get('state'), state);
	const code = redirect.searchParams.get('code');
	if (!code) throw new Error(`no code in ${step.location}`);
	return code;
}

function expectState(actual: string | null, expected: string): void {
	if (actual !== expected) throw new Error(`the redirect carried state ${actual}, not ${expected}`);
}
