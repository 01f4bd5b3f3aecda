// @ts-check
'use strict';

/**
 * The real Mautic the environment names (kept in .js: the repo's lint rules ban `process` in .ts
 * files). `npm run test:real` sets these; see README "Testing against a real Mautic".
 */
const REQUIRED = ['MAUTIC_URL', 'MAUTIC_USERNAME', 'MAUTIC_PASSWORD'];

/**
 * `redirectUri`: MAUTIC_OAUTH_REDIRECT_URI, set when the OAuth2 client has n8n's callback URI
 * registered (the authorization-code checks need it).
 * @returns {{ missing: string[], url: string, username: string, password: string, clientId: string, clientSecret: string, version: string, redirectUri: string }}
 */
function realMauticEnvironment() {
	const env = process.env;
	return {
		missing: REQUIRED.filter((name) => !env[name]),
		url: String(env.MAUTIC_URL ?? '').replace(/\/+$/, ''),
		username: env.MAUTIC_USERNAME ?? '',
		password: env.MAUTIC_PASSWORD ?? '',
		clientId: env.MAUTIC_OAUTH_CLIENT_ID ?? '',
		clientSecret: env.MAUTIC_OAUTH_CLIENT_SECRET ?? '',
		version: env.MAUTIC_VERSION ?? '',
		redirectUri: env.MAUTIC_OAUTH_REDIRECT_URI ?? '',
	};
}

module.exports = { realMauticEnvironment };
