import { sleep } from 'n8n-workflow';
import { hmacBase64, startWebhookReceiver } from '../fake-mautic/receiver';
import { authorizationCode, REDIRECT_URI } from './authorizationCode';
import { RUN_TAG } from './backends';
import { expectShape } from './expectShape';
import { createContact, email, uniqueName } from './fixtures';
import * as S from './schemas';
import { onEachBackend } from './suite';

/* eslint-disable @typescript-eslint/no-explicit-any */

onEachBackend('contract', 'Webhooks', ({ backend, check }) => {
	check('GET /hooks/triggers lists the 14 events of Mautic 5', async () => {
		const answer = expectShape(
			S.triggers,
			(await backend().raw('GET', '/api/hooks/triggers')).body,
		);
		expect(Object.keys(answer.triggers)).toHaveLength(14);
		expect(answer.triggers['mautic.lead_post_save_new']).toMatchObject({
			label: 'Contact Identified Event',
		});
		expect(Object.keys(answer.triggers)).toEqual(
			expect.arrayContaining([
				'mautic.lead_points_change',
				'mautic.lead_post_delete',
				'mautic.form_on_submit',
			]),
		);
	});

	check(
		'create, list, replace (PUT drops triggers not sent) and delete a hook; a hook without URL is a 400',
		async () => {
			const name = uniqueName('Contract hook');
			const created = await backend().raw('POST', '/api/hooks/new', {
				name,
				webhookUrl: 'http://127.0.0.1:9/contract',
				secret: 'contract-secret',
				triggers: ['mautic.lead_post_save_new', 'mautic.lead_points_change'],
				eventsOrderbyDir: 'DESC',
				isPublished: true,
			});
			expect(created.status).toBe(201);
			const hook = expectShape(S.one('hook', S.hook), created.body).hook;
			expect(hook).toMatchObject({ secret: 'contract-secret', eventsOrderbyDir: 'DESC' });
			const list = expectShape(
				S.keyedList('hooks', S.hook, 'int'),
				(await backend().raw('GET', `/api/hooks?search=${encodeURIComponent(name)}`)).body,
			);
			expect(Object.keys(list.hooks)).toEqual([String(hook.id)]);
			const put = await backend().raw('PUT', `/api/hooks/${hook.id}/edit`, {
				name,
				webhookUrl: 'http://127.0.0.1:9/contract',
				triggers: ['mautic.lead_post_delete'],
				isPublished: true,
			});
			expect(expectShape(S.one('hook', S.hook), put.body).hook.triggers).toEqual([
				'mautic.lead_post_delete',
			]);
			const invalid = await backend().raw('POST', '/api/hooks/new', { name: 'no url' });
			expect(invalid.status).toBe(400);
			expect(expectShape(S.validationError, invalid.body).errors[0].message).toContain(
				'webhookUrl: ',
			);
			const deleted = expectShape(
				S.one('hook', S.hook),
				(await backend().raw('DELETE', `/api/hooks/${hook.id}/delete`)).body,
			);
			expect(deleted.hook.id).toBeNull();
			expect((await backend().raw('GET', `/api/hooks/${hook.id}`)).status).toBe(404);
		},
	);

	check(
		'a real delivery: signed with the hook secret over the raw body, one event per request, contact without fields.all',
		async () => {
			const receiver = await startWebhookReceiver();
			const secret = 'contract-delivery-secret';
			const hook = (
				await backend().api('POST', '/hooks/new', {
					name: uniqueName('Delivery hook'),
					webhookUrl: receiver.url,
					secret,
					triggers: ['mautic.lead_post_save_new', 'mautic.lead_points_change'],
					isPublished: true,
				})
			).hook;
			try {
				const address = email(backend(), 'delivery');
				const id = await createContact(backend(), {
					email: address,
					firstname: 'Hook',
					website: 'https://shop.example.com/hook',
				});
				await backend().api('POST', `/contacts/${id}/points/plus/5`);
				await backend().flushWebhooks();
				// other test files write to the same Mautic meanwhile: every delivery is checked, ours are read
				type Received = { headers: Record<string, string>; body: string };
				const ours = () =>
					(receiver.received as Received[]).filter((request) => request.body.includes(address));
				const deadline = Date.now() + 30_000;
				while (ours().length < 2 && Date.now() < deadline) await sleep(200);
				const received = receiver.received as Received[];
				for (const request of received) {
					expect(request.headers['webhook-signature']).toBe(hmacBase64(request.body, secret));
					expect(request.headers['content-type']).toMatch(/^application\/json/);
					expectShape(S.webhookPayload, JSON.parse(request.body), 'webhook body');
				}
				const bodies = ours().map(
					(request) => JSON.parse(request.body) as Record<string, unknown[]>,
				);
				const identified = bodies.find((body) => body['mautic.lead_post_save_new']);
				const points = bodies.find((body) => body['mautic.lead_points_change']);
				expect((identified!['mautic.lead_post_save_new'][0] as any).contact).toMatchObject({ id });
				const change = expectShape(S.pointsChangeEvent, points!['mautic.lead_points_change'][0]);
				expect(change.points).toEqual({ old_points: 0, new_points: 5 });
				// PHP's json_encode escapes slashes; the signature covers those exact bytes
				expect(received.some((request) => request.body.includes('\\/'))).toBe(true);
			} finally {
				await backend().api('DELETE', `/hooks/${hook.id}/delete`);
				await receiver.close();
			}
		},
	);
});

onEachBackend('contract', 'Authentication and errors', ({ backend, check }) => {
	check(
		'OAuth2 client credentials: a bearer token without refresh token, accepted by the API',
		async () => {
			const { clientId, clientSecret } = backend().oauthClient;
			const answer = await backend().raw('POST', '/oauth/v2/token', undefined, {
				auth: 'none',
				form: {
					grant_type: 'client_credentials',
					client_id: clientId,
					client_secret: clientSecret,
				},
			});
			expect(answer.status).toBe(200);
			const token = expectShape(S.clientCredentialsToken, answer.body);
			expect(token.expires_in).toBe(3600);
			const self = await backend().raw('GET', '/api/users/self', undefined, {
				auth: { bearer: token.access_token },
			});
			expect(self.status).toBe(200);
			expectShape(S.self, self.body);
		},
	);

	check(
		'OAuth2 authorization code: login and consent give a code, the code two tokens, a refresh replaces the refresh token',
		async () => {
			const { clientId, clientSecret } = backend().oauthClient;
			const code = await authorizationCode(backend(), RUN_TAG);
			const exchange = await backend().raw('POST', '/oauth/v2/token', undefined, {
				auth: 'none',
				form: {
					grant_type: 'authorization_code',
					code,
					redirect_uri: REDIRECT_URI,
					client_id: clientId,
					client_secret: clientSecret,
				},
			});
			expect(exchange.status).toBe(200);
			const tokens = expectShape(S.refreshableToken, exchange.body);
			expect(
				(
					await backend().raw('GET', '/api/users/self', undefined, {
						auth: { bearer: tokens.access_token },
					})
				).status,
			).toBe(200);
			const again = await backend().raw('POST', '/oauth/v2/token', undefined, {
				auth: 'none',
				form: {
					grant_type: 'authorization_code',
					code,
					redirect_uri: REDIRECT_URI,
					client_id: clientId,
					client_secret: clientSecret,
				},
			});
			expect(expectShape(S.subscriberError, again.body).errors[0]).toMatchObject({
				code: 400,
				type: 'invalid_grant',
			});

			const refresh = (token: string) =>
				backend().raw('POST', '/oauth/v2/token', undefined, {
					auth: 'none',
					form: {
						grant_type: 'refresh_token',
						refresh_token: token,
						client_id: clientId,
						client_secret: clientSecret,
					},
				});
			const refreshed = expectShape(S.refreshableToken, (await refresh(tokens.refresh_token)).body);
			expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
			const reused = await refresh(tokens.refresh_token);
			expect(reused.status).toBe(400);
			expect(expectShape(S.subscriberError, reused.body).errors[0]).toMatchObject({
				type: 'invalid_grant',
			});
		},
		{ needs: 'authorizationCode' },
	);

	check(
		'OAuth2 errors: a wrong client secret is invalid_client, a bad refresh token invalid_grant (400)',
		async () => {
			const { clientId, clientSecret } = backend().oauthClient;
			const badClient = await backend().raw('POST', '/oauth/v2/token', undefined, {
				auth: 'none',
				form: { grant_type: 'client_credentials', client_id: clientId, client_secret: 'wrong' },
			});
			expect(badClient.status).toBe(400);
			expect(expectShape(S.subscriberError, badClient.body).errors[0]).toEqual({
				message: 'The client credentials are invalid',
				code: 400,
				type: 'invalid_client',
			});
			const badGrant = await backend().raw('POST', '/oauth/v2/token', undefined, {
				auth: 'none',
				form: {
					grant_type: 'refresh_token',
					refresh_token: 'not-a-token',
					client_id: clientId,
					client_secret: clientSecret,
				},
			});
			expect(badGrant.status).toBe(400);
			expect(expectShape(S.subscriberError, badGrant.body).errors[0]).toMatchObject({
				code: 400,
				type: 'invalid_grant',
			});
		},
	);

	check(
		'401s: a bad bearer token, a wrong password, no credentials; none carries Mautic-Version',
		async () => {
			const cases = [
				{
					auth: { bearer: 'not-a-token' },
					message: 'The access token provided is invalid.',
					type: 'invalid_grant',
				},
				{
					auth: { username: backend().admin.username, password: 'wrong-password' },
					message: 'Authorization denied, invalid credentials.',
					type: 'access_denied',
				},
				{ auth: 'none' as const, message: 'API authorization denied.', type: 'access_denied' },
			];
			for (const { auth, message, type } of cases) {
				const answer = await backend().raw('GET', '/api/contacts?limit=1', undefined, { auth });
				expect(answer.status).toBe(401);
				expect(expectShape(S.subscriberError, answer.body).errors[0]).toEqual({
					message,
					code: 401,
					type,
				});
				expect(answer.headers.get('mautic-version')).toBeNull();
			}
		},
	);

	check(
		'an unknown route is the router 404 ("Requested URL not found"), without Mautic-Version',
		async () => {
			const answer = await backend().raw('GET', '/api/contacts/abc');
			expect(answer.status).toBe(404);
			expect(expectShape(S.subscriberError, answer.body).errors[0]).toEqual({
				message: 'Requested URL not found: /api/contacts/abc',
				code: 404,
				type: null,
			});
			expect(answer.headers.get('mautic-version')).toBeNull();
		},
	);

	check(
		'lookups: owners (a bare array), the field catalog, list fields, the user behind the credential',
		async () => {
			const owners = expectShape(
				S.owners,
				(await backend().raw('GET', '/api/contacts/list/owners')).body,
			);
			expect(owners.map((owner) => owner.id)).toContain(1);
			const fields = expectShape(
				S.keyedList('fields', S.field, 'int'),
				(await backend().raw('GET', '/api/fields/contact?limit=200')).body,
			);
			const byAlias = Object.fromEntries(
				Object.values(fields.fields).map((field) => [field.alias, field]),
			);
			expect(byAlias.email).toMatchObject({
				type: 'email',
				isUniqueIdentifier: true,
				isFixed: true,
				properties: {},
			});
			expect(byAlias.title.properties).toEqual({ list: ['Mr', 'Mrs', 'Miss'] });
			expectShape(S.listFields, (await backend().raw('GET', '/api/contacts/list/fields')).body);
			expect(
				expectShape(S.self, (await backend().raw('GET', '/api/users/self')).body).username,
			).toBe(backend().admin.username);
		},
	);

	check('a contact without notes, devices, companies or campaigns: empty lists', async () => {
		const id = await createContact(backend(), { email: email(backend(), 'sublists') });
		for (const [path, key] of [
			['notes', 'notes'],
			['devices', 'devices'],
			['companies', 'companies'],
			['campaigns', 'campaigns'],
		]) {
			expectShape(
				S.emptySubList(key),
				(await backend().raw('GET', `/api/contacts/${id}/${path}`)).body,
				path,
			);
		}
	});
});
