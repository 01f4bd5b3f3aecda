// @ts-check
'use strict';

/**
 * OAuth2 server (FOSOAuthServerBundle / oauth2-php as Mautic uses it): authorization codes
 * (auto-approved here), token endpoint with authorization_code, refresh_token (rotating) and
 * client_credentials grants, and bearer token verification for /api.
 */

const crypto = require('node:crypto');
const { subscriberError, MESSAGES } = require('./errors');

/**
 * @typedef {{ clientId: string, clientSecret: string, redirectUris: string[], grants: string[] }} OAuthClient
 * @typedef {{ clientId: string, userId: number, expiresAt: number, redirectUri?: string }} Grant
 * @typedef {import('./errors').Reply} Reply
 */

const CODE_LIFETIME_MS = 30 * 1000; // FOS auth_code_lifetime default
const REFRESH_LIFETIME_MS = 14 * 24 * 3600 * 1000; // api_oauth2_refresh_token_lifetime = 14 days

/** Like FOS: base_convert(bin2hex(random_bytes(32)), 16, 36). */
function randomToken() {
	return BigInt('0x' + crypto.randomBytes(32).toString('hex')).toString(36);
}

/** oauth2-php validateRedirectUri: case-insensitive prefix match against a registered URI. @param {string} input @param {string[]} stored */
function redirectMatches(input, stored) {
	if (!input || !stored.length) return false;
	return stored.some((s) => input.slice(0, s.length).toLowerCase() === s.toLowerCase());
}

class OAuthServer {
	/**
	 * @param {OAuthClient[]} clients
	 * @param {() => { accessTokenLifetime: number, defaultUserId: number }} getConfig
	 */
	constructor(clients, getConfig) {
		/** @type {Map<string, OAuthClient>} */
		this.clients = new Map(clients.map((c) => [c.clientId, c]));
		this.getConfig = getConfig;
		/** @type {Map<string, Grant>} */ this.codes = new Map();
		/** @type {Map<string, Grant>} */ this.accessTokens = new Map();
		/** @type {Map<string, Grant>} */ this.refreshTokens = new Map();
	}

	/** Every issued access token expires now. */
	expireAccessTokens() {
		for (const t of this.accessTokens.values()) t.expiresAt = 0;
	}

	/**
	 * A code as if the user approved the client in the browser.
	 * @param {string} clientId
	 * @param {string} [redirectUri]
	 * @param {number} [userId]
	 */
	issueAuthorizationCode(clientId, redirectUri, userId) {
		const client = this.clients.get(clientId);
		if (!client) throw new Error(`unknown OAuth client ${clientId}`);
		const code = randomToken();
		this.codes.set(code, {
			clientId,
			userId: userId ?? this.getConfig().defaultUserId,
			expiresAt: Date.now() + CODE_LIFETIME_MS,
			redirectUri: redirectUri ?? client.redirectUris[0],
		});
		return code;
	}

	/**
	 * @param {string} token
	 * @returns {{ userId: number } | { error: string }}
	 */
	verify(token) {
		const t = this.accessTokens.get(token);
		if (!t) return { error: MESSAGES.tokenInvalid };
		if (t.expiresAt <= Date.now()) return { error: MESSAGES.tokenExpired };
		return { userId: t.userId };
	}

	/**
	 * GET|POST /oauth/v2/authorize: auto-approves and redirects with ?code=&state=.
	 * @param {Record<string, any>} params
	 * @returns {Reply}
	 */
	authorize(params) {
		const clientId = params.client_id ? String(params.client_id) : '';
		if (!clientId) return subscriberError(400, 'No client id supplied', 'invalid_request');
		const client = this.clients.get(clientId);
		if (!client) return subscriberError(400, 'Unknown client', 'invalid_client');
		let redirectUri = params.redirect_uri ? String(params.redirect_uri) : '';
		if (!redirectUri) {
			if (!client.redirectUris.length)
				return subscriberError(
					400,
					'No redirect URL was supplied or registered.',
					'redirect_uri_mismatch',
				);
			redirectUri = client.redirectUris[0];
		}
		if (!redirectMatches(redirectUri, client.redirectUris)) {
			return subscriberError(
				400,
				'The redirect URI provided does not match registered URI(s).',
				'redirect_uri_mismatch',
			);
		}
		const target = new URL(redirectUri);
		const state = params.state === undefined ? undefined : String(params.state);
		const responseType = params.response_type ? String(params.response_type) : '';
		if (responseType !== 'code') {
			target.searchParams.set(
				'error',
				responseType ? 'unsupported_response_type' : 'invalid_request',
			);
			target.searchParams.set(
				'error_description',
				responseType ? 'Response type not supported by server.' : 'Invalid response type.',
			);
		} else {
			target.searchParams.set('code', this.issueAuthorizationCode(clientId, redirectUri));
		}
		if (state !== undefined) target.searchParams.set('state', state);
		return { status: 302, headers: { Location: target.toString() }, raw: '' };
	}

	/**
	 * POST /oauth/v2/token.
	 * @param {Record<string, any>} params body (or query) parameters
	 * @param {{ user: string, pass: string } | null} basic client credentials from an HTTP Basic header
	 * @returns {Reply}
	 */
	token(params, basic) {
		/** @param {string} type @param {string} msg */
		const fail = (type, msg) => subscriberError(400, msg, type);
		const grantType = params.grant_type ? String(params.grant_type) : '';
		if (!grantType)
			return fail('invalid_request', 'Invalid grant_type parameter or parameter missing');
		let creds;
		if (basic && basic.user) creds = [basic.user, basic.pass];
		else if (!params.client_id)
			return fail('invalid_client', 'Client id was not found in the headers or body');
		else creds = [String(params.client_id), String(params.client_secret ?? '')];
		const client = this.clients.get(creds[0]);
		if (!client || client.clientSecret !== creds[1])
			return fail('invalid_client', 'The client credentials are invalid');
		if (!client.grants.includes(grantType))
			return fail('unauthorized_client', 'The grant type is unauthorized for this client_id');

		const cfg = this.getConfig();
		let userId = cfg.defaultUserId;
		let issueRefresh = true;
		switch (grantType) {
			case 'authorization_code': {
				const code = params.code ? String(params.code) : '';
				if (!code) return fail('invalid_request', 'Missing parameter. "code" is required');
				const g = this.codes.get(code);
				if (!g || g.clientId !== client.clientId)
					return fail('invalid_grant', "Code doesn't exist or is invalid for the client");
				if (
					params.redirect_uri &&
					!redirectMatches(String(params.redirect_uri), [g.redirectUri || ''])
				) {
					return fail('redirect_uri_mismatch', 'The redirect URI is missing or do not match');
				}
				if (g.expiresAt <= Date.now())
					return fail('invalid_grant', 'The authorization code has expired');
				this.codes.delete(code);
				userId = g.userId;
				break;
			}
			case 'refresh_token': {
				const rt = params.refresh_token ? String(params.refresh_token) : '';
				if (!rt) return fail('invalid_request', 'No "refresh_token" parameter found');
				const g = this.refreshTokens.get(rt);
				if (!g || g.clientId !== client.clientId)
					return fail('invalid_grant', 'Invalid refresh token');
				if (g.expiresAt <= Date.now()) return fail('invalid_grant', 'Refresh token has expired');
				this.refreshTokens.delete(rt); // rotation: the old refresh token is gone
				userId = g.userId;
				break;
			}
			case 'client_credentials':
				issueRefresh = false;
				break;
			default:
				return fail('unsupported_grant_type', 'Invalid grant_type parameter or parameter missing');
		}

		const access = randomToken();
		this.accessTokens.set(access, {
			clientId: client.clientId,
			userId,
			expiresAt: Date.now() + cfg.accessTokenLifetime * 1000,
		});
		/** @type {Record<string, any>} */
		const body = {
			access_token: access,
			expires_in: cfg.accessTokenLifetime,
			token_type: 'bearer',
			scope: null,
		};
		if (issueRefresh) {
			const refresh = randomToken();
			this.refreshTokens.set(refresh, {
				clientId: client.clientId,
				userId,
				expiresAt: Date.now() + REFRESH_LIFETIME_MS,
			});
			body.refresh_token = refresh;
		}
		return { status: 200, body, headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' } };
	}
}

module.exports = { OAuthServer };
