/**
 * Fidelity of the fake Mautic server (test/fake-mautic) on the behaviour our nodes depend on:
 * envelopes, keying, totals, error shapes, batch semantics, auth and webhook signing.
 */
import { request } from 'undici';
import { startFakeMautic } from './fake-mautic';
import { startWebhookReceiver, hmacBase64 } from './fake-mautic/receiver';

type Fake = Awaited<ReturnType<typeof startFakeMautic>>;
type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

interface Res {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const BASIC = 'Basic ' + Buffer.from('admin:maatoo-secret').toString('base64');

async function call(
	fake: Fake,
	method: string,
	path: string,
	body?: unknown,
	headers: Record<string, string> = { authorization: BASIC },
): Promise<Res> {
	const res = await request(fake.url + path, {
		method: method as 'GET',
		headers: { 'content-type': 'application/json', ...headers },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.body.text();
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: res.statusCode, headers: res.headers, text, json };
}

async function form(
	fake: Fake,
	path: string,
	fields: Record<string, string>,
	headers: Record<string, string> = {},
): Promise<Res> {
	const res = await request(fake.url + path, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
		body: new URLSearchParams(fields).toString(),
	});
	const text = await res.body.text();
	return {
		status: res.statusCode,
		headers: res.headers,
		text,
		json: text ? JSON.parse(text) : undefined,
	};
}

/** Top-level keys of a JSON object member, in the order they appear in the raw text. */
function rawKeysOf(text: string, member: string): string[] {
	const start = text.indexOf(`"${member}":{`);
	if (start === -1) return [];
	let depth = 0;
	const keys: string[] = [];
	let i = start + member.length + 3;
	let inString = false;
	let keyStart = -1;
	for (; i < text.length; i++) {
		const ch = text[i];
		if (inString) {
			if (ch === '\\') i++;
			else if (ch === '"') {
				inString = false;
				if (depth === 1 && keyStart !== -1 && text[i + 1] === ':')
					keys.push(text.slice(keyStart, i));
				keyStart = -1;
			}
			continue;
		}
		if (ch === '"') {
			inString = true;
			keyStart = i + 1;
		} else if (ch === '{' || ch === '[') depth++;
		else if (ch === '}' || ch === ']') {
			depth--;
			if (depth === 0) break;
		}
	}
	return keys;
}

describe('fake Mautic', () => {
	let fake: Fake;

	beforeEach(async () => {
		fake = await startFakeMautic({});
	});

	afterEach(async () => {
		await fake.close();
	});

	describe('contacts', () => {
		it('lists as {} with a string total when empty, keyed by id in server order otherwise', async () => {
			const empty = await call(fake, 'GET', '/api/contacts');
			expect(empty.status).toBe(200);
			expect(empty.text).toBe('{"total":"0","contacts":{}}');
			expect(empty.headers['mautic-version']).toBe('5.1.1');

			for (const email of ['a@example.com', 'b@example.com', 'c@example.com']) {
				expect((await call(fake, 'POST', '/api/contacts/new', { email })).status).toBe(201);
			}
			const list = await call(fake, 'GET', '/api/contacts?orderBy=id&orderByDir=DESC&limit=2');
			expect(list.json.total).toBe('3');
			// JSON parsers sort integer-like keys; the raw body keeps the server's DESC order
			expect(rawKeysOf(list.text, 'contacts')).toEqual(['3', '2']);
			expect(list.json.contacts['3'].fields.all.email).toBe('c@example.com');

			const all = await call(fake, 'GET', '/api/contacts?limit=0');
			expect(Object.keys(all.json.contacts)).toHaveLength(3);
			const bySearch = await call(
				fake,
				'GET',
				'/api/contacts?search=' + encodeURIComponent('email:b@example.com'),
			);
			expect(Object.keys(bySearch.json.contacts)).toEqual(['2']);
		});

		it('upserts on email: 201 with Location, then 200 with the same id and merged values', async () => {
			const created = await call(fake, 'POST', '/api/contacts/new', {
				email: 'ada@example.com',
				firstname: 'Ada',
				tags: ['one', 'two'],
			});
			expect(created.status).toBe(201);
			const id = created.json.contact.id;
			expect(created.headers.location).toBe(`/api/contacts/${id}`);

			const again = await call(fake, 'POST', '/api/contacts/new', {
				email: 'ADA@example.com',
				lastname: 'Lovelace',
				tags: ['-one', 'three'],
			});
			expect(again.status).toBe(200);
			expect(again.headers.location).toBeUndefined();
			expect(again.json.contact.id).toBe(id);
			// matched case-insensitively, but the differently cased value is a change and gets stored
			expect(again.json.contact.fields.all).toMatchObject({
				firstname: 'Ada',
				lastname: 'Lovelace',
				email: 'ADA@example.com',
			});
			expect(again.json.contact.tags.map((t: { tag: string }) => t.tag)).toEqual(['two', 'three']);
		});

		it('ignores blanks and zeros on PATCH unless overwriteWithBlank', async () => {
			const { json } = await call(fake, 'POST', '/api/contacts/new', {
				email: 'z@example.com',
				city: 'Bern',
				points: 5,
			});
			const id = json.contact.id;
			const patched = await call(fake, 'PATCH', `/api/contacts/${id}/edit`, {
				city: '',
				points: 0,
			});
			expect(patched.json.contact.fields.all.city).toBe('Bern');
			expect(patched.json.contact.points).toBe(5);
			const blanked = await call(fake, 'PATCH', `/api/contacts/${id}/edit`, {
				city: '',
				overwriteWithBlank: true,
			});
			expect(blanked.json.contact.fields.all.city).toBeNull();
		});

		it('sets booleans to 0 only on loaded contacts (POST of a new contact drops the 0)', async () => {
			fake.store.addField({ alias: 'opt_in', label: 'Opt-in', type: 'boolean' });
			const created = await call(fake, 'POST', '/api/contacts/new', {
				email: 'b@example.com',
				opt_in: false,
			});
			expect(created.json.contact.fields.all.opt_in).toBeNull();
			// a changed yes/no: fields.all echoes the PHP boolean, the group still the old value (real 5.1)
			const yes = await call(fake, 'PATCH', `/api/contacts/${created.json.contact.id}/edit`, {
				opt_in: 'yes',
			});
			expect(yes.json.contact.fields.all.opt_in).toBe(true);
			expect(yes.json.contact.fields.core.opt_in.value ?? null).toBeNull();
			const no = await call(fake, 'PATCH', `/api/contacts/${created.json.contact.id}/edit`, {
				opt_in: false,
			});
			expect(no.json.contact.fields.all.opt_in).toBe(false);
			expect(no.json.contact.fields.core.opt_in).toMatchObject({
				value: 1,
				normalizedValue: 'Yes',
			});
			const read = await call(fake, 'GET', `/api/contacts/${created.json.contact.id}`);
			expect(read.json.contact.fields.all.opt_in).toBe(0);
			// list reads come from raw DBAL rows: booleans are strings there
			const list = await call(fake, 'GET', '/api/contacts');
			expect(list.json.contacts[String(created.json.contact.id)].fields.all.opt_in).toBe('0');
		});

		it('batch new keeps request indexes: a failed item turns contacts into an object', async () => {
			const res = await call(fake, 'POST', '/api/contacts/batch/new', [
				{ email: 'one@example.com' },
				{ email: 'not-an-email' },
				{ email: 'three@example.com' },
			]);
			expect(res.status).toBe(201);
			expect(res.text.startsWith('{"contacts":{"0":{')).toBe(true);
			expect(rawKeysOf(res.text, 'contacts')).toEqual(['0', '2']);
			expect(res.json.statusCodes).toEqual([201, 400, 201]);
			expect(res.json.errors).toEqual({
				'1': {
					code: 400,
					message: 'email: not-an-email is invalid.',
					details: { email: ['not-an-email is invalid.'] },
					type: null,
				},
			});

			const ok = await call(fake, 'POST', '/api/contacts/batch/new', [
				{ email: 'one@example.com', city: 'Basel' },
				{ email: 'four@example.com' },
			]);
			expect(Array.isArray(ok.json.contacts)).toBe(true);
			expect(ok.json.statusCodes).toEqual([200, 201]);
			expect(ok.json.errors).toBeUndefined();
		});

		it('rejects batches over api_batch_max_limit with a 500', async () => {
			fake.setConfig({ batchLimit: 2 });
			const res = await call(fake, 'POST', '/api/contacts/batch/new', [
				{ email: 'a@x.io' },
				{ email: 'b@x.io' },
				{ email: 'c@x.io' },
			]);
			expect(res.status).toBe(500);
			expect(res.text).toBe(
				'{"errors":[{"code":500,"message":"A max of 2 entities are supported at a time.","details":[]}]}',
			);
			expect(fake.store.contacts.size).toBe(0);
		});

		it('batch edit: PATCH on a missing id, or an entry without id, is a per-item 404 (real 5.1)', async () => {
			const { json } = await call(fake, 'POST', '/api/contacts/new', { email: 'e@example.com' });
			const res = await call(fake, 'PATCH', '/api/contacts/batch/edit', [
				{ id: json.contact.id, city: 'Wien' },
				{ id: 999, city: 'x' },
				{ city: 'y' },
			]);
			expect(res.status).toBe(200);
			expect(res.json.statusCodes).toEqual([200, 404, 404]);
			expect(res.json.errors).toEqual({
				'1': { message: 'Item was not found.', code: 404, type: 'api' },
				'2': { message: 'Item was not found.', code: 404, type: 'api' },
			});
			expect(res.json.contacts).toEqual([expect.objectContaining({ id: json.contact.id })]);
		});

		it('answers PATCH on a missing contact with the controller 404 envelope', async () => {
			const res = await call(fake, 'PATCH', '/api/contacts/12345/edit', { firstname: 'x' });
			expect(res.status).toBe(404);
			expect(res.text).toBe(
				'{"errors":[{"code":404,"message":"Item was not found.","details":[]}]}',
			);
			expect(res.headers['mautic-version']).toBe('5.1.1');
		});

		it('creates under a new id on PUT of a missing contact and returns id null on DELETE', async () => {
			const put = await call(fake, 'PUT', '/api/contacts/777/edit', { email: 'put@example.com' });
			expect(put.status).toBe(201);
			expect(put.json.contact.id).not.toBe(777);
			const del = await call(fake, 'DELETE', `/api/contacts/${put.json.contact.id}/delete`);
			expect(del.status).toBe(200);
			expect(del.json.contact.id).toBeNull();
			expect((await call(fake, 'GET', `/api/contacts/${put.json.contact.id}`)).status).toBe(404);
		});

		it('has no route for non-numeric ids (router 404 without Mautic-Version)', async () => {
			const res = await call(fake, 'GET', '/api/contacts/abc');
			expect(res.status).toBe(404);
			expect(res.text).toBe(
				'{"errors":[{"message":"Requested URL not found: \\/api\\/contacts\\/abc","code":404,"type":null}]}',
			);
			expect(res.headers['mautic-version']).toBeUndefined();
		});

		it('answers 422 when an email already belongs to another contact', async () => {
			await call(fake, 'POST', '/api/contacts/new', { email: 'taken@example.com' });
			const { json } = await call(fake, 'POST', '/api/contacts/new', { email: 'free@example.com' });
			const res = await call(fake, 'PATCH', `/api/contacts/${json.contact.id}/edit`, {
				email: 'taken@example.com',
			});
			expect(res.status).toBe(422);
			expect(res.json.errors[0].message).toBe('email: This field must be unique.');
		});
	});

	describe('segments, point groups, insights', () => {
		it('lists segments as [] when empty, keyed by id with an int total otherwise', async () => {
			const empty = await call(fake, 'GET', '/api/segments');
			expect(empty.text).toBe('{"total":0,"lists":[]}');
			const invalid = await call(fake, 'POST', '/api/segments/new', { description: 'no name' });
			expect(invalid.status).toBe(400);
			expect(invalid.json.errors[0]).toEqual({
				code: 400,
				message: 'name: A name is required.',
				details: { name: ['A name is required.'] },
			});

			const created = await call(fake, 'POST', '/api/segments/new', { name: 'Newsletter' });
			expect(created.status).toBe(201);
			const seg = created.json.list;
			expect(seg.alias).toBe('newsletter');
			const list = await call(fake, 'GET', '/api/segments');
			expect(list.json.total).toBe(1);
			expect(Object.keys(list.json.lists)).toEqual([String(seg.id)]);

			const contact = (await call(fake, 'POST', '/api/contacts/new', { email: 'm@example.com' }))
				.json.contact;
			const added = await call(fake, 'POST', `/api/segments/${seg.id}/contact/${contact.id}/add`);
			expect(added.text).toBe('{"success":1}');
			const members = await call(fake, 'GET', '/api/contacts?search=segment:newsletter');
			expect(Object.keys(members.json.contacts)).toEqual([String(contact.id)]);

			const other = fake.store.createSegment({ name: 'Private', isGlobal: false, createdBy: 2 });
			expect(
				(await call(fake, 'POST', `/api/segments/${other.id}/contact/${contact.id}/add`)).status,
			).toBe(403);
		});

		it('lists point groups as an array and deletes with id null', async () => {
			expect((await call(fake, 'GET', '/api/points/groups')).text).toBe(
				'{"total":0,"pointGroups":[]}',
			);
			const g = (await call(fake, 'POST', '/api/points/groups/new', { name: 'Products' })).json
				.pointGroup;
			const list = await call(fake, 'GET', '/api/points/groups');
			expect(list.json.total).toBe(1);
			expect(Array.isArray(list.json.pointGroups)).toBe(true);
			const contact = (await call(fake, 'POST', '/api/contacts/new', { email: 'g@example.com' }))
				.json.contact;
			expect(
				(await call(fake, 'GET', `/api/contacts/${contact.id}/points/groups/${g.id}`)).text,
			).toBe('[]');
			const plus = await call(
				fake,
				'POST',
				`/api/contacts/${contact.id}/points/groups/${g.id}/plus/10`,
			);
			expect(plus.json).toEqual({
				groupScore: { score: 10, group: { id: g.id, name: 'Products' } },
			});
			expect(
				(await call(fake, 'POST', `/api/contacts/${contact.id}/points/groups/${g.id}/divide/3`))
					.status,
			).toBe(500);
			const del = await call(fake, 'DELETE', `/api/points/groups/${g.id}/delete`);
			expect(del.json.pointGroup.id).toBeNull();
		});

		it('has point insights only from Mautic 7 on', async () => {
			const v5 = await call(fake, 'GET', '/api/points/insights');
			expect(v5.status).toBe(404);
			expect(v5.json.errors[0].message).toBe('Requested URL not found: /api/points/insights');

			fake.setConfig({ version: '7.0.0' });
			const created = await call(fake, 'POST', '/api/points/insights/new', {
				name: 'Main interest',
				customField: 'nope',
				pointGroups: [47, 48],
			});
			expect(created.status).toBe(201);
			expect(created.headers['mautic-version']).toBe('7.0.0');
			expect(created.json.insight).toEqual({
				id: 1,
				name: 'Main interest',
				category: null,
				description: null,
				insightType: 'compare_point_groups',
				insightAction: 'set_custom_field',
				customField: 'nope',
				pointGroups: [47, 48],
			});
			const list = await call(fake, 'GET', '/api/points/insights');
			expect(list.json).toEqual({
				total: 1,
				insights: [{ id: 1, name: 'Main interest', category: null, description: null }],
			});
		});
	});

	describe('authentication', () => {
		it('runs the OAuth2 code flow with refresh rotation and token expiry', async () => {
			const redirect = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
			const auth = await request(
				`${fake.url}/oauth/v2/authorize?client_id=1_abc&redirect_uri=${encodeURIComponent(redirect)}&response_type=code&state=xyz`,
			);
			await auth.body.text();
			expect(auth.statusCode).toBe(302);
			const location = new URL(String(auth.headers.location));
			expect(location.searchParams.get('state')).toBe('xyz');
			const code = String(location.searchParams.get('code'));

			const token = await form(fake, '/oauth/v2/token', {
				grant_type: 'authorization_code',
				client_id: '1_abc',
				client_secret: 'shh',
				redirect_uri: redirect,
				code,
			});
			expect(token.status).toBe(200);
			expect(token.headers['cache-control']).toBe('no-store');
			expect(token.headers.pragma).toBe('no-cache');
			expect(Object.keys(token.json)).toEqual([
				'access_token',
				'expires_in',
				'token_type',
				'scope',
				'refresh_token',
			]);
			expect(token.json).toMatchObject({ expires_in: 3600, token_type: 'bearer', scope: null });

			const bearer = { authorization: `Bearer ${token.json.access_token}` };
			const self = await call(fake, 'GET', '/api/users/self', undefined, bearer);
			expect(self.status).toBe(200);
			expect(self.json.username).toBe('admin');
			expect(fake.requests.filter((r) => r.path === '/api/users/self')[0].authType).toBe('bearer');

			const refreshed = await form(fake, '/oauth/v2/token', {
				grant_type: 'refresh_token',
				client_id: '1_abc',
				client_secret: 'shh',
				refresh_token: token.json.refresh_token,
			});
			expect(refreshed.status).toBe(200);
			expect(refreshed.json.refresh_token).not.toBe(token.json.refresh_token);
			const reused = await form(fake, '/oauth/v2/token', {
				grant_type: 'refresh_token',
				client_id: '1_abc',
				client_secret: 'shh',
				refresh_token: token.json.refresh_token,
			});
			expect(reused.status).toBe(400);
			expect(reused.json.errors[0]).toEqual({
				message: 'Invalid refresh token',
				code: 400,
				type: 'invalid_grant',
			});

			fake.expireAccessTokens();
			const expired = await call(fake, 'GET', '/api/contacts', undefined, {
				authorization: `Bearer ${refreshed.json.access_token}`,
			});
			expect(expired.status).toBe(401);
			expect(expired.text).toBe(
				'{"errors":[{"message":"The access token provided has expired.","code":401,"type":"invalid_grant"}]}',
			);
			const invalid = await call(fake, 'GET', '/api/contacts', undefined, {
				authorization: 'Bearer nope',
			});
			expect(invalid.json.errors[0]).toEqual({
				message: 'The access token provided is invalid.',
				code: 401,
				type: 'invalid_grant',
			});

			const badClient = await form(fake, '/oauth/v2/token', {
				grant_type: 'client_credentials',
				client_id: '1_abc',
				client_secret: 'wrong',
			});
			expect(badClient.text).toBe(
				'{"errors":[{"message":"The client credentials are invalid","code":400,"type":"invalid_client"}]}',
			);
			const cc = await form(fake, '/oauth/v2/token', {
				grant_type: 'client_credentials',
				client_id: '1_abc',
				client_secret: 'shh',
			});
			expect(cc.json.refresh_token).toBeUndefined();
		});

		it('denies Basic auth when disabled, wrong credentials and missing credentials', async () => {
			expect(
				(
					await call(fake, 'GET', '/api/contacts', undefined, {
						authorization: 'Basic ' + Buffer.from('admin:nope').toString('base64'),
					})
				).json.errors[0],
			).toEqual({
				message: 'Authorization denied, invalid credentials.',
				code: 401,
				type: 'access_denied',
			});
			expect((await call(fake, 'GET', '/api/contacts', undefined, {})).json.errors[0]).toEqual({
				message: 'API authorization denied.',
				code: 401,
				type: 'access_denied',
			});
			fake.setConfig({ basicAuthEnabled: false });
			const res = await call(fake, 'GET', '/api/contacts');
			expect(res.status).toBe(403);
			expect(res.text).toBe(
				'{"errors":[{"message":"Basic Auth disabled. You need to enable HTTP basic auth in the API settings of Mautic\\u0027s Configuration.","code":403,"type":"access_denied"}]}',
			);
		});

		it('refuses every API call when the API is disabled', async () => {
			fake.setConfig({ apiEnabled: false });
			const res = await call(fake, 'GET', '/api/contacts');
			expect(res.status).toBe(403);
			expect(res.text).toBe(
				'{"errors":[{"message":"API disabled. You need to enable the API in the API settings of Mautic\\u0027s Configuration.","code":403,"type":"api_disabled"}]}',
			);
			expect(res.headers['mautic-version']).toBeUndefined();
		});
	});

	describe('webhooks', () => {
		let receiver: Receiver;
		const secret = 'top-secret';

		beforeEach(async () => {
			receiver = await startWebhookReceiver();
			const hook = await call(fake, 'POST', '/api/hooks/new', {
				name: 'n8n',
				webhookUrl: receiver.url,
				secret,
				triggers: [
					'mautic.lead_post_save_new',
					'mautic.lead_post_save_update',
					'mautic.lead_points_change',
				],
			});
			expect(hook.status).toBe(201);
		});

		afterEach(async () => {
			await receiver.close();
		});

		it('delivers immediately, one signed PHP-encoded event per POST, before the API answers', async () => {
			const res = await call(fake, 'POST', '/api/contacts/new', {
				email: 'zoe@example.com',
				firstname: 'Zoë 😀',
				website: 'https://example.com/a/b',
			});
			expect(res.status).toBe(201);
			// already delivered when the API call returned
			expect(receiver.received).toHaveLength(1);
			const got = receiver.received[0];
			expect(got.headers['content-type']).toBe('application/json');
			expect(got.headers['x-origin-base-url']).toBe(fake.url);
			expect(got.headers['webhook-signature']).toBe(hmacBase64(got.body, secret));
			expect(got.body).toContain('"website":{');
			expect(got.body).toContain('https:\\/\\/example.com\\/a\\/b');
			expect(got.body).toContain('Zo\\u00eb \\ud83d\\ude00');
			expect(got.body.startsWith('{"mautic.lead_post_save_new":[{"contact":{')).toBe(true);

			const payload = JSON.parse(got.body);
			const event = payload['mautic.lead_post_save_new'][0];
			expect(Object.keys(event)).toEqual(['contact', 'timestamp']);
			expect(event.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
			expect(event.contact.fields.all).toBeUndefined();
			expect(event.contact.fields.core.firstname.value).toBe('Zoë 😀');
			expect(fake.deliveries).toHaveLength(1);
			expect(fake.deliveries[0]).toMatchObject({
				status: 200,
				signature: got.headers['webhook-signature'],
				body: got.body,
			});

			// points change: an update event then a points event
			await call(fake, 'POST', `/api/contacts/${res.json.contact.id}/points/plus/5`);
			expect(receiver.received.map((r) => Object.keys(JSON.parse(r.body))[0])).toEqual([
				'mautic.lead_post_save_new',
				'mautic.lead_post_save_update',
				'mautic.lead_points_change',
			]);
			expect(JSON.parse(receiver.received[2].body)['mautic.lead_points_change'][0].points).toEqual({
				old_points: 0,
				new_points: 5,
			});
		});

		it('queues in command_process mode and flushes at most 10 events per POST', async () => {
			fake.setConfig({ webhookMode: 'queued' });
			const items = Array.from({ length: 12 }, (_, i) => ({
				email: `q${i}@example.com`,
				city: 'Zürich/Nord',
			}));
			await call(fake, 'POST', '/api/contacts/batch/new', items);
			expect(receiver.received).toHaveLength(0);
			expect(fake.store.webhookQueue).toHaveLength(12);

			expect(await fake.flushWebhooks()).toBe(2);
			expect(receiver.received).toHaveLength(2);
			const [first, second] = receiver.received;
			for (const r of [first, second]) {
				expect(r.headers['webhook-signature']).toBe(hmacBase64(r.body, secret));
				expect(r.body).toContain('Z\\u00fcrich\\/Nord');
			}
			const firstEvents = JSON.parse(first.body)['mautic.lead_post_save_new'];
			expect(firstEvents).toHaveLength(10);
			expect(JSON.parse(second.body)['mautic.lead_post_save_new']).toHaveLength(2);
			expect(firstEvents.map((e: { contact: { id: number } }) => e.contact.id)).toEqual([
				1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
			]);
			expect(fake.store.webhookQueue).toHaveLength(0);
			expect(await fake.flushWebhooks()).toBe(0);
		});
	});

	describe('faults and logging', () => {
		it('injects faults before or after applying the change and logs every request', async () => {
			let calls = 0;
			fake.setConfig({
				fault: (ctx) => {
					if (ctx.path !== '/api/contacts/new') return undefined;
					calls++;
					if (calls === 1) return { status: 429, retryAfter: 2 };
					if (calls === 2) return { status: 503, after: true };
					return undefined;
				},
			});
			const limited = await call(fake, 'POST', '/api/contacts/new', { email: 'f@example.com' });
			expect(limited.status).toBe(429);
			expect(limited.headers['retry-after']).toBe('2');
			expect(fake.store.contacts.size).toBe(0);

			const lost = await call(fake, 'POST', '/api/contacts/new', { email: 'f@example.com' });
			expect(lost.status).toBe(503);
			expect(fake.store.contacts.size).toBe(1);

			const retried = await call(fake, 'POST', '/api/contacts/new', { email: 'f@example.com' });
			expect(retried.status).toBe(200);
			expect(fake.countRequests((r) => r.path === '/api/contacts/new')).toBe(3);
			expect(fake.requests.map((r) => r.status)).toEqual([429, 503, 200]);
			fake.clearRequests();
			expect(fake.countRequests()).toBe(0);

			fake.setConfig({ fault: () => ({ status: 500, reset: true }) });
			await expect(call(fake, 'GET', '/api/contacts')).rejects.toThrow();
		});

		it('resets to the seeded state', async () => {
			const seeded = await startFakeMautic({ seed: 'demo' });
			try {
				const before = await call(seeded, 'GET', '/api/contacts?limit=1');
				expect(Number(before.json.total)).toBeGreaterThanOrEqual(20);
				await call(seeded, 'DELETE', '/api/contacts/1/delete');
				seeded.reset();
				const after = await call(seeded, 'GET', '/api/contacts/1');
				expect(after.status).toBe(200);
				const segs = await call(seeded, 'GET', '/api/segments');
				expect(Object.values(segs.json.lists).map((s) => (s as { name: string }).name)).toEqual([
					'Newsletter',
					'VIP customers',
					'Webinar attendees',
				]);
			} finally {
				await seeded.close();
			}
		});
	});
});
