import { NodeApiError, type IDataObject } from 'n8n-workflow';
import { signWebhookBody, startFakeMautic } from '../fake-mautic';
import { startWebhookReceiver } from '../fake-mautic/receiver';
import { ADMIN } from '../support/maatooRun';
import { startFixedAnswerServer } from '../support/fixedAnswerServer';
import { TriggerHost as SharedTriggerHost, type HostOptions } from '../support/triggerHost';

/*
 * The trigger's hook lifecycle and webhook() inside n8n-core's real HookContext, WebhookContext
 * and LoadOptionsContext (n8n's own request helpers, credentials resolved by the harness), against
 * the fake Mautic over HTTP. The fake posts its webhooks to a loopback receiver standing in for
 * n8n's production URL; the raw bodies it sent are fed to webhook() as n8n would.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;
let receiver: any;

/** The shared trigger host (test/support/triggerHost.ts) on the fake, posting to the receiver. */
class TriggerHost extends SharedTriggerHost {
	constructor(options: Partial<HostOptions> = {}) {
		super({
			origin: receiverBase(),
			credential: {
				id: 'cred-basic',
				name: 'Fake Mautic (Basic)',
				type: 'maatooApi',
				data: { url: fake.url, ...ADMIN },
			},
			...options,
		});
	}
}

function receiverBase(): string {
	return new URL(receiver.url).origin;
}

function hooks(): any[] {
	return [...fake.store.hooks.values()];
}

function hooksPostingTo(url: string): any[] {
	return hooks().filter((hook) => hook.webhookUrl === url);
}

async function api(method: string, path: string, body?: unknown): Promise<any> {
	const response = await fetch(`${fake.url}/api${path}`, {
		method,
		headers: {
			authorization: `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`,
			'content-type': 'application/json',
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (response.status >= 400) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
	return JSON.parse(text);
}

const deliveriesTo = (url: string) =>
	fake.deliveries.filter((delivery: any) => delivery.url === url);

beforeAll(async () => {
	fake = await startFakeMautic({});
	receiver = await startWebhookReceiver();
});

afterAll(async () => {
	await fake?.close();
	await receiver?.close();
});

beforeEach(() => {
	fake.reset();
	fake.setConfig({ webhookMode: 'immediate', fault: undefined, basicAuthEnabled: true });
	fake.clearRequests();
});

describe('Maatoo Trigger: events list', () => {
	test('offers every event of GET /hooks/triggers, labelled, with the event type where Mautic has no description', async () => {
		const events = await new TriggerHost().loadEvents();
		expect(events).toHaveLength(14);
		expect(events).toContainEqual({
			name: 'Contact Identified Event',
			value: 'mautic.lead_post_save_new',
			description: 'Triggered when a contact is identified.',
		});
		// untranslated descriptions (raw keys on a stock 5.1) give way to the event type
		expect(events).toContainEqual({
			name: 'Form Submit Event',
			value: 'mautic.form_on_submit',
			description: 'mautic.form_on_submit',
		});
		expect(events.map((event) => event.value)).toEqual(
			expect.arrayContaining([
				'mautic.lead_post_save_update',
				'mautic.lead_points_change',
				'mautic.form_on_submit',
				'mautic.sms_on_send',
			]),
		);
	});
});

describe('Maatoo Trigger: hook lifecycle', () => {
	test('activation creates one published, signed, recognisable hook; the static data holds id, secret and URL', async () => {
		const host = new TriggerHost({
			parameters: {
				events: ['mautic.lead_post_save_new', 'mautic.lead_points_change'],
				eventsOrder: 'DESC',
			},
		});
		expect(await host.activate()).toEqual({ existed: false });

		const created = hooksPostingTo(host.url);
		expect(created).toHaveLength(1);
		const [hook] = created;
		expect(hook).toMatchObject({
			isPublished: true,
			webhookUrl: host.url,
			eventsOrderbyDir: 'DESC',
		});
		expect([...hook.triggers].sort()).toEqual([
			'mautic.lead_points_change',
			'mautic.lead_post_save_new',
		]);
		expect(hook.name).toBe('n8n: Lead sync');
		expect(hook.description).toContain('n8n workflow "Lead sync" (ID wfTrigger0001)');
		expect(hook.secret).toMatch(/^[0-9a-f]{64}$/);
		expect(host.staticData['node:Maatoo Trigger']).toEqual({
			hookId: hook.id,
			secret: hook.secret,
			webhookUrl: host.url,
		});
		expect(fake.countRequests((r: any) => r.path === '/api/hooks/new')).toBe(1);
	});

	test('activating again (n8n restart, re-save) finds the hook and creates nothing', async () => {
		const host = new TriggerHost();
		await host.activate();
		const [first] = hooksPostingTo(host.url);
		fake.clearRequests();

		expect(await host.activate()).toEqual({ existed: true });
		expect(await host.activate()).toEqual({ existed: true });
		expect(hooksPostingTo(host.url)).toHaveLength(1);
		expect(hooksPostingTo(host.url)[0].id).toBe(first.id);
		expect(fake.countRequests((r: any) => r.method !== 'GET')).toBe(0);
	});

	test('with the static data lost, checkExists finds the hook by URL and adopts its id and secret', async () => {
		const host = new TriggerHost();
		await host.activate();
		const [hook] = hooksPostingTo(host.url);
		host.staticData = {};

		expect(await host.checkExists()).toBe(true);
		expect(host.staticData['node:Maatoo Trigger']).toEqual({
			hookId: hook.id,
			secret: hook.secret,
			webhookUrl: host.url,
		});
		expect(hooks()).toHaveLength(1);
	});

	test('a hook made by hand for our URL is adopted, and its secret verifies its deliveries', async () => {
		const host = new TriggerHost();
		const manual = fake.store.createHook({
			name: 'made by an admin',
			webhookUrl: host.url,
			triggers: ['mautic.lead_post_save_new', 'mautic.lead_post_save_update'],
			eventsOrderbyDir: 'ASC',
			secret: 'admin-chosen-secret',
		});
		expect(await host.activate()).toEqual({ existed: true });
		expect(hooks()).toHaveLength(1);
		expect(host.staticData['node:Maatoo Trigger']).toMatchObject({
			hookId: manual.id,
			secret: 'admin-chosen-secret',
		});

		await api('POST', '/contacts/new', { email: 'adopted@example.com', firstname: 'Ada' });
		const [delivery] = deliveriesTo(host.url);
		const received = await host.receiveDelivery(delivery);
		expect(received.items).toHaveLength(1);
	});

	test('duplicates posting to our URL are removed: exactly one hook is left, ours, up to date', async () => {
		const host = new TriggerHost();
		await host.activate();
		const [ours] = hooksPostingTo(host.url);
		fake.store.createHook({ webhookUrl: host.url, triggers: ['mautic.lead_post_delete'] });
		fake.store.createHook({ webhookUrl: `${host.url}/`, triggers: ['mautic.lead_post_save_new'] });
		const unrelated = fake.store.createHook({
			webhookUrl: 'http://127.0.0.1:9/elsewhere',
			triggers: ['mautic.lead_post_save_new'],
		});

		expect(await host.activate()).toEqual({ existed: false });
		expect(hooksPostingTo(host.url).map((hook) => hook.id)).toEqual([ours.id]);
		expect(
			hooks()
				.map((hook) => hook.id)
				.sort(),
		).toEqual([ours.id, unrelated.id].sort());
	});

	test('two hooks for our URL and no static data: the oldest is kept, the other deleted', async () => {
		const host = new TriggerHost();
		const older = fake.store.createHook({
			webhookUrl: host.url,
			triggers: ['mautic.lead_post_save_new'],
		});
		fake.store.createHook({ webhookUrl: host.url, triggers: ['mautic.lead_post_save_new'] });

		expect(await host.activate()).toEqual({ existed: false });
		expect(hooksPostingTo(host.url).map((hook) => hook.id)).toEqual([older.id]);
		expect(host.staticData['node:Maatoo Trigger']).toMatchObject({ hookId: older.id });
	});

	test('changed events are applied to the same hook with PUT, so removed events really go', async () => {
		const host = new TriggerHost({
			parameters: { events: ['mautic.lead_post_save_new', 'mautic.lead_post_delete'] },
		});
		await host.activate();
		const [before] = hooksPostingTo(host.url);

		host.setParameters({ events: ['mautic.lead_points_change'], eventsOrder: 'DESC' });
		expect(await host.activate()).toEqual({ existed: false });
		const after = hooksPostingTo(host.url);
		expect(after).toHaveLength(1);
		expect(after[0]).toMatchObject({
			id: before.id,
			triggers: ['mautic.lead_points_change'],
			eventsOrderbyDir: 'DESC',
			secret: before.secret,
		});
		expect(
			fake.countRequests(
				(r: any) => r.method === 'PUT' && r.path === `/api/hooks/${before.id}/edit`,
			),
		).toBe(1);
		expect(fake.countRequests((r: any) => r.path === '/api/hooks/new')).toBe(1);
	});

	test('a hook Mautic unpublished (e.g. after HTTP 410) is published again on activation', async () => {
		const host = new TriggerHost();
		await host.activate();
		const [hook] = hooksPostingTo(host.url);
		hook.isPublished = false;

		expect(await host.activate()).toEqual({ existed: false });
		expect(hooksPostingTo(host.url)).toEqual([
			expect.objectContaining({ id: hook.id, isPublished: true }),
		]);
	});

	test('a secret given by the user is set on the hook, also on an existing one', async () => {
		const host = new TriggerHost({ parameters: { options: { secret: 'first-user-secret' } } });
		await host.activate();
		expect(hooksPostingTo(host.url)[0].secret).toBe('first-user-secret');

		host.setParameters({ options: { secret: 'rotated-user-secret' } });
		expect(await host.activate()).toEqual({ existed: false });
		expect(hooksPostingTo(host.url)).toEqual([
			expect.objectContaining({ secret: 'rotated-user-secret' }),
		]);
		expect(host.staticData['node:Maatoo Trigger']).toMatchObject({ secret: 'rotated-user-secret' });
	});

	test('the node name is part of the hook name when it is not the default', async () => {
		const host = new TriggerHost({ nodeName: 'New leads', workflowName: 'CRM bridge' });
		await host.activate();
		expect(hooksPostingTo(host.url)[0].name).toBe('n8n: CRM bridge (New leads)');
	});

	test('deactivation deletes the hook and clears the static data; a hook already gone counts as deleted', async () => {
		const host = new TriggerHost();
		await host.activate();
		const [hook] = hooksPostingTo(host.url);

		expect(await host.delete()).toBe(true);
		expect(hooks()).toHaveLength(0);
		expect(host.staticData['node:Maatoo Trigger']).toEqual({});

		// Deleted in Mautic behind n8n's back: the stored id answers 404, which is fine.
		await host.activate();
		const [second] = hooksPostingTo(host.url);
		expect(second.id).not.toBe(hook.id);
		await api('DELETE', `/hooks/${second.id}/delete`);
		fake.clearRequests();
		expect(await host.delete()).toBe(true);
		expect(fake.countRequests((r: any) => r.method === 'DELETE' && r.status === 404)).toBe(1);
		expect(host.staticData['node:Maatoo Trigger']).toEqual({});
	});

	test('deactivation without static data still removes hooks posting to our URL', async () => {
		const host = new TriggerHost();
		await host.activate();
		host.staticData = {};
		expect(await host.delete()).toBe(true);
		expect(hooksPostingTo(host.url)).toHaveLength(0);
	});

	test('errors other than "not found" are reported, not taken as "no hook"', async () => {
		const host = new TriggerHost();
		await host.activate();
		const hookCount = hooks().length;

		fake.setConfig({ fault: () => ({ status: 500 }) });
		await expect(host.checkExists()).rejects.toThrow(NodeApiError);
		await expect(host.create()).rejects.toThrow(/internal error/i);
		await expect(host.delete()).rejects.toThrow(NodeApiError);
		fake.setConfig({ fault: undefined });
		expect(hooks()).toHaveLength(hookCount);
		expect(host.staticData['node:Maatoo Trigger']).toMatchObject({ hookId: hooks()[0].id });

		fake.setConfig({ basicAuthEnabled: false });
		const denied = await host.checkExists().catch((error) => error);
		expect(denied).toBeInstanceOf(NodeApiError);
		expect(denied.message).toMatch(/basic auth is disabled/i);
	});

	test('works the same with the OAuth2 credential (client credentials)', async () => {
		const host = new TriggerHost({
			credential: {
				id: 'cred-oauth',
				name: 'Fake Mautic (OAuth2)',
				type: 'maatooOAuth2Api',
				data: {
					url: fake.url,
					grantType: 'clientCredentials',
					clientId: '1_abc',
					clientSecret: 'shh',
				},
			},
		});
		expect(await host.activate()).toEqual({ existed: false });
		expect(hooksPostingTo(host.url)).toHaveLength(1);
		expect(
			fake.countRequests((r: any) => r.path === '/api/hooks/new' && r.authType === 'bearer'),
		).toBe(1);
		expect(await host.delete()).toBe(true);
		expect(hooks()).toHaveLength(0);
	});

	test('no secret of the hook appears in an error', async () => {
		const host = new TriggerHost({ parameters: { options: { secret: 'never-show-this-secret' } } });
		fake.setConfig({ fault: (ctx: any) => (ctx.method === 'POST' ? { status: 500 } : undefined) });
		const error = await host.activate().catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(JSON.stringify(error)).not.toContain('never-show-this-secret');
		expect(`${error.message} ${error.description}`).not.toContain('never-show-this-secret');
	});
});

describe('Maatoo Trigger: deliveries from Mautic', () => {
	test('immediate mode: each contact change arrives signed and becomes exactly one item', async () => {
		const host = new TriggerHost({
			parameters: {
				events: [
					'mautic.lead_post_save_new',
					'mautic.lead_post_save_update',
					'mautic.lead_points_change',
				],
			},
		});
		await host.activate();
		const created = await api('POST', '/contacts/new', {
			email: 'joerg@example.com',
			firstname: 'Jörg',
			tags: ['vip/2024'],
		});
		await api('PATCH', `/contacts/${created.contact.id}/edit`, { lastname: 'Müller' });
		await api('POST', `/contacts/${created.contact.id}/points/plus/5`);

		// Mautic also reports the points change as a contact update: 4 events, one POST each.
		const deliveries = deliveriesTo(host.url);
		const types = deliveries.map((delivery: any) => Object.keys(JSON.parse(delivery.body)));
		expect(types).toEqual([
			['mautic.lead_post_save_new'],
			['mautic.lead_post_save_update'],
			['mautic.lead_post_save_update'],
			['mautic.lead_points_change'],
		]);
		expect(deliveries.every((delivery: any) => delivery.status === 200)).toBe(true);
		expect(deliveries[0].body).toContain('\\/');
		expect(deliveries[0].body).toContain('\\u00f6');

		const results = [];
		for (const delivery of deliveries) results.push(await host.receiveDelivery(delivery));
		expect(results.map((result) => result.items.length)).toEqual([1, 1, 1, 1]);
		const [identified, updated, , points] = results.map((result) => result.items[0]);
		expect(identified).toMatchObject({
			event: 'mautic.lead_post_save_new',
			contact: {
				id: created.contact.id,
				email: 'joerg@example.com',
				firstname: 'Jörg',
				tags: ['vip/2024'],
			},
		});
		expect(identified.timestamp).toEqual(expect.any(String));
		expect(updated).toMatchObject({
			event: 'mautic.lead_post_save_update',
			contact: { lastname: 'Müller' },
		});
		expect(points).toMatchObject({
			event: 'mautic.lead_points_change',
			points: { old_points: 0, new_points: 5 },
		});

		const secret = (host.staticData['node:Maatoo Trigger'] as IDataObject).secret as string;
		expect(JSON.stringify(results.map((result) => result.items))).not.toContain(secret);
	});

	test('queued mode: one POST with events of several types becomes one item per event', async () => {
		const host = new TriggerHost({
			parameters: {
				events: [
					'mautic.lead_post_save_new',
					'mautic.lead_post_save_update',
					'mautic.lead_points_change',
				],
			},
		});
		await host.activate();
		fake.setConfig({ webhookMode: 'queued' });
		const ids = [];
		for (let index = 0; index < 4; index++) {
			const created = await api('POST', '/contacts/new', {
				email: `queued${index}@example.com`,
				firstname: `Q${index}`,
			});
			ids.push(created.contact.id);
		}
		await api('PATCH', `/contacts/${ids[0]}/edit`, { lastname: 'Changed' });
		await api('POST', `/contacts/${ids[1]}/points/plus/3`);
		expect(deliveriesTo(host.url)).toHaveLength(0);

		await fake.flushWebhooks();
		const deliveries = deliveriesTo(host.url);
		expect(deliveries).toHaveLength(1);
		const body = JSON.parse(deliveries[0].body);
		const eventCount = Object.values(body).reduce(
			(sum: number, events: any) => sum + events.length,
			0,
		);
		// 4 identified, 2 updates (the edit, and the points change saving the contact), 1 points change
		expect(eventCount).toBe(7);
		expect(Object.keys(body).sort()).toEqual([
			'mautic.lead_points_change',
			'mautic.lead_post_save_new',
			'mautic.lead_post_save_update',
		]);

		const { items } = await host.receiveDelivery(deliveries[0]);
		expect(items).toHaveLength(7);
		expect(
			items
				.filter((item) => item.event === 'mautic.lead_post_save_new')
				.map((item) => (item.contact as IDataObject).id),
		).toEqual(ids);
		expect(items.filter((item) => item.event === 'mautic.lead_post_save_update')).toHaveLength(2);
		expect(items.filter((item) => item.event === 'mautic.lead_points_change')).toEqual([
			expect.objectContaining({
				points: { old_points: 0, new_points: 3 },
				contact: expect.objectContaining({ id: ids[1] }),
			}),
		]);
		expect(items.every((item) => typeof item.timestamp === 'string')).toBe(true);
	});

	test('queued mode with more than 10 events: 10 per POST, every event once', async () => {
		const host = new TriggerHost();
		await host.activate();
		fake.setConfig({ webhookMode: 'queued' });
		for (let index = 0; index < 13; index++) {
			await api('POST', '/contacts/new', { email: `many${index}@example.com` });
		}
		await fake.flushWebhooks();
		const deliveries = deliveriesTo(host.url);
		const counts = [];
		const emails = [];
		for (const delivery of deliveries) {
			const { items } = await host.receiveDelivery(delivery);
			counts.push(items.length);
			emails.push(...items.map((item) => (item.contact as IDataObject).email));
		}
		expect(counts).toEqual([10, 3]);
		expect(emails).toEqual(Array.from({ length: 13 }, (_, index) => `many${index}@example.com`));
	});

	test('a forged or tampered request is refused with 401 and starts nothing', async () => {
		const host = new TriggerHost();
		await host.activate();
		await api('POST', '/contacts/new', { email: 'forge@example.com' });
		const [delivery] = deliveriesTo(host.url);

		const tampered = await host.receive(delivery.body.replace('forge@', 'evil@'), {
			'Webhook-Signature': delivery.signature,
		});
		expect(tampered.status).toBe(401);
		expect(tampered.response).toEqual({ noWebhookResponse: true });
		expect(tampered.items).toHaveLength(0);

		const unsigned = await host.receive(delivery.body, {});
		expect(unsigned.status).toBe(401);
		expect(unsigned.response.workflowData).toBeUndefined();

		const genuine = await host.receiveDelivery(delivery);
		expect(genuine.items).toHaveLength(1);
	});

	test('after deactivation nothing is delivered any more', async () => {
		const host = new TriggerHost();
		await host.activate();
		await host.delete();
		await api('POST', '/contacts/new', { email: 'after@example.com' });
		expect(deliveriesTo(host.url)).toHaveLength(0);
	});
});

describe("Maatoo Trigger: a webhook changed in Mautic behind n8n's back", () => {
	const hookRequests = () =>
		fake.requests.filter(
			(request: any) => request.method === 'GET' && request.path === '/api/hooks',
		);

	test('an administrator sets a new secret: the next genuine delivery is accepted and the secret adopted, once', async () => {
		const host = new TriggerHost({ nodeName: 'Secret edited' });
		await host.activate();
		const { hookId, secret: oldSecret } = host.staticData['node:Secret edited'] as IDataObject;
		await api('PATCH', `/hooks/${hookId}/edit`, { secret: 'set-by-an-admin' });
		fake.clearRequests();
		await api('POST', '/contacts/new', { email: 'new-secret@example.com' });
		const [delivery] = deliveriesTo(host.url);

		const received = await host.receiveDelivery(delivery);
		expect(received.items).toHaveLength(1);
		expect(host.staticData['node:Secret edited']).toMatchObject({
			hookId,
			secret: 'set-by-an-admin',
		});
		expect(oldSecret).not.toBe('set-by-an-admin');
		expect(hookRequests()).toHaveLength(1);

		// A forger right after: refused, and Mautic is not asked again within the interval.
		const forged = await host.receive(delivery.body.replace('new-secret@', 'evil@'), {
			'Webhook-Signature': delivery.signature,
		});
		expect(forged.status).toBe(401);
		expect(hookRequests()).toHaveLength(1);
	});

	test('the webhook deleted and re-created by hand (new id, new secret) is adopted from its first delivery', async () => {
		const host = new TriggerHost({ nodeName: 'Hook recreated' });
		await host.activate();
		const { hookId } = host.staticData['node:Hook recreated'] as IDataObject;
		await api('DELETE', `/hooks/${hookId}/delete`);
		const recreated = await api('POST', '/hooks/new', {
			name: 'Made by hand',
			webhookUrl: host.url,
			secret: 'hand-made-secret',
			triggers: ['mautic.lead_post_save_new'],
			isPublished: true,
		});
		await api('POST', '/contacts/new', { email: 'recreated@example.com' });
		const [delivery] = deliveriesTo(host.url);
		const received = await host.receiveDelivery(delivery);
		expect(received.items).toHaveLength(1);
		expect(host.staticData['node:Hook recreated']).toMatchObject({
			hookId: recreated.hook.id,
			secret: 'hand-made-secret',
		});
	});
});

describe('Maatoo Trigger: secret recovery cannot be abused', () => {
	test('a second webhook someone adds for our URL cannot lend its secret to forged deliveries', async () => {
		const host = new TriggerHost({
			nodeName: 'Takeover',
			webhookId: 'a1b2c3d4-0000-4000-8000-0000000000ee',
		});
		await host.activate();
		const before = { ...(host.staticData['node:Takeover'] as IDataObject) };
		await api('POST', '/hooks/new', {
			name: 'innocent',
			webhookUrl: host.url,
			secret: 'known-to-them',
			triggers: ['mautic.lead_post_save_new'],
			isPublished: true,
		});
		const forgedBody = JSON.stringify({
			'mautic.lead_post_save_new': [
				{ contact: { id: 1, fields: { core: {} } }, timestamp: new Date().toISOString() },
			],
		});
		const forged = await host.receive(forgedBody, {
			'Webhook-Signature': signWebhookBody(forgedBody, 'known-to-them'),
		});
		expect(forged.status).toBe(401);
		expect(host.staticData['node:Takeover']).toEqual(before);
		// Genuine deliveries of our own webhook keep working.
		await api('POST', '/contacts/new', { email: 'after-takeover@example.com' });
		const genuine = deliveriesTo(host.url).filter(
			(delivery: any) =>
				delivery.body.includes('after-takeover') &&
				delivery.signature === signWebhookBody(delivery.body, before.secret as string),
		);
		expect(genuine).toHaveLength(1);
		expect((await host.receiveDelivery(genuine[0])).items).toHaveLength(1);
	});

	test('two deliveries arriving together after the secret changed are both accepted (one look-up)', async () => {
		const host = new TriggerHost({
			nodeName: 'Concurrent',
			webhookId: 'a1b2c3d4-0000-4000-8000-0000000000ef',
		});
		await host.activate();
		const { hookId } = host.staticData['node:Concurrent'] as IDataObject;
		await api('PATCH', `/hooks/${hookId}/edit`, { secret: 'rotated-by-admin' });
		await api('POST', '/contacts/new', { email: 'together-1@example.com' });
		await api('POST', '/contacts/new', { email: 'together-2@example.com' });
		fake.clearRequests();
		const deliveries = deliveriesTo(host.url).filter((delivery: any) =>
			/together-[12]@/.test(delivery.body),
		);
		const results = await Promise.all(
			deliveries.map((delivery: any) => host.receiveDelivery(delivery)),
		);
		expect(deliveries).toHaveLength(2);
		expect(results.map((result) => result.items.length)).toEqual([1, 1]);
		expect(fake.requests.filter((request: any) => request.path === '/api/hooks')).toHaveLength(1);
	});
});

describe('Maatoo Trigger: a server that pages /hooks for ever', () => {
	test('activation stops with an error instead of reading the same page again and again', async () => {
		const server = await startFixedAnswerServer(() => ({
			total: 1000000,
			hooks: [
				{ id: 1, name: 'Other', webhookUrl: 'https://elsewhere.example.com/hook', triggers: [] },
			],
		}));
		try {
			const host = new TriggerHost({
				nodeName: 'Endless hooks',
				credential: {
					id: 'cred-endless',
					name: 'Endless',
					type: 'maatooApi',
					data: { url: server.url, ...ADMIN },
				},
			});
			await expect(host.activate()).rejects.toThrow(
				/^Stopped reading \/hooks from Mautic: page 2 is the same as page 1/,
			);
			expect(server.requests.length).toBeLessThanOrEqual(3);
		} finally {
			await server.close();
		}
	});
});
