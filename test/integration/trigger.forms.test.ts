import type { IDataObject } from 'n8n-workflow';
import { startFakeMautic } from '../fake-mautic';
import { startWebhookReceiver } from '../fake-mautic/receiver';
import { createForm, submitForm } from '../support/forms';
import { ADMIN } from '../support/maatooRun';
import { mauticApi } from '../support/seed';
import { TriggerHost } from '../support/triggerHost';

/*
 * The trigger's form filter and flat submissions: the fake Mautic submits forms as a browser
 * posts them and sends its real signed `mautic.form_on_submit` deliveries, which are fed to
 * webhook() inside n8n-core's WebhookContext.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;
let receiver: any;

function host(parameters: IDataObject, webhookId?: string): TriggerHost {
	return new TriggerHost({
		origin: new URL(receiver.url).origin,
		credential: {
			id: 'cred-basic',
			name: 'Fake Mautic (Basic)',
			type: 'maatooApi',
			data: { url: fake.url, ...ADMIN },
		},
		parameters,
		...(webhookId ? { webhookId } : {}),
	});
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
	fake.setConfig({ webhookMode: 'immediate' });
});

describe('Maatoo Trigger: form submissions', () => {
	test('the form list offers the instance forms by name', async () => {
		const contact = await createForm(fake.url, 'Contact us');
		const newsletter = await createForm(fake.url, 'Newsletter');
		const options = await host({ events: ['mautic.form_on_submit'] }).loadForms();
		expect(options).toEqual([
			{ name: `Contact us (#${contact.id})`, value: String(contact.id) },
			{ name: `Newsletter (#${newsletter.id})`, value: String(newsletter.id) },
		]);
	});

	test('with two forms, only submissions of the chosen one start the workflow; the other is answered 200', async () => {
		const chosen = await createForm(fake.url, 'Contact us');
		const other = await createForm(fake.url, 'Newsletter');
		const trigger = host({
			events: ['mautic.form_on_submit'],
			forms: [String(chosen.id)],
			options: { flattenSubmissions: true },
		});
		await trigger.activate();
		expect(
			await submitForm(fake.url, other, { email: 'nora@example.com', message: 'Sign me up' }),
		).toBe(302);
		await submitForm(fake.url, chosen, {
			email: 'carl@example.com',
			message: 'Call me',
			colors: ['red', 'blue'],
		});
		const deliveries = deliveriesTo(trigger.url);
		expect(deliveries).toHaveLength(2);
		expect(deliveries.map((delivery: any) => Object.keys(JSON.parse(delivery.body)))).toEqual([
			['mautic.form_on_submit'],
			['mautic.form_on_submit'],
		]);

		const ignored = await trigger.receiveDelivery(deliveries[0]);
		expect(ignored.items).toEqual([]);
		expect(ignored.response.workflowData).toBeUndefined();
		expect(ignored.response.webhookResponse).toEqual({
			message: 'Ignored: a submission of a form this trigger does not watch',
		});
		expect(ignored.status).toBeUndefined(); // n8n answers 200

		const started = await trigger.receiveDelivery(deliveries[1]);
		expect(started.items).toHaveLength(1);
		const carl = [...fake.store.contacts.values()].find(
			(contact: any) => contact.values.email === 'carl@example.com',
		);
		expect(started.items[0]).toMatchObject({
			event: 'mautic.form_on_submit',
			timestamp: expect.any(String),
			submissionId: expect.any(Number),
			formId: chosen.id,
			contactId: carl.id,
			dateSubmitted: expect.any(String),
			page: null,
			referer: '',
			email: 'carl@example.com',
			message: 'Call me',
			colors: 'red, blue',
			contact: { id: carl.id, email: 'carl@example.com' },
		});
		expect(started.items[0]).not.toHaveProperty('submission');
	});

	test('a forged delivery for the chosen form is still refused (401) before the filter', async () => {
		const chosen = await createForm(fake.url, 'Contact us');
		const trigger = host({ events: ['mautic.form_on_submit'], forms: [String(chosen.id)] });
		await trigger.activate();
		await submitForm(fake.url, chosen, { email: 'eve@example.com' });
		const [delivery] = deliveriesTo(trigger.url);
		const forged = await trigger.receive(delivery.body.replace('eve@', 'mallory@'), {
			'Content-Type': 'application/json',
			'Webhook-Signature': delivery.signature,
		});
		expect(forged.status).toBe(401);
		expect(forged.items).toEqual([]);
	});

	test('without a form filter every form starts it; without Flatten the submission stays as Mautic sent it', async () => {
		const first = await createForm(fake.url, 'First');
		const second = await createForm(fake.url, 'Second');
		const trigger = host({ events: ['mautic.form_on_submit'] });
		await trigger.activate();
		await submitForm(fake.url, first, { email: 'a@example.com' });
		await submitForm(fake.url, second, { email: 'b@example.com' });
		const results = [];
		for (const delivery of deliveriesTo(trigger.url))
			results.push(await trigger.receiveDelivery(delivery));
		expect(results.map((result) => result.items.length)).toEqual([1, 1]);
		expect(results[1].items[0]).toMatchObject({
			event: 'mautic.form_on_submit',
			submission: {
				form: { id: second.id, name: 'Second' },
				results: { email: 'b@example.com' },
				lead: { id: expect.any(Number) },
			},
		});
	});

	test('queued mode: one POST with submissions of both forms keeps only the chosen form, in order; whole payload too', async () => {
		fake.setConfig({ webhookMode: 'queued' });
		const chosen = await createForm(fake.url, 'Contact us');
		const other = await createForm(fake.url, 'Newsletter');
		const perEvent = host(
			{
				events: ['mautic.form_on_submit'],
				forms: `={{ [${chosen.id}] }}`,
				options: { flattenSubmissions: true },
			},
			'a1b2c3d4-0000-4000-8000-0000000000f1',
		);
		const whole = host(
			{
				events: ['mautic.form_on_submit'],
				forms: [String(chosen.id)],
				options: { outputMode: 'wholePayload' },
			},
			'a1b2c3d4-0000-4000-8000-0000000000f2',
		);
		await perEvent.activate();
		await whole.activate();
		await submitForm(fake.url, chosen, { email: 'one@example.com' });
		await submitForm(fake.url, other, { email: 'two@example.com' });
		await submitForm(fake.url, chosen, { email: 'three@example.com' });
		await fake.flushWebhooks();
		const [delivery] = deliveriesTo(perEvent.url);
		expect(JSON.parse(delivery.body)['mautic.form_on_submit']).toHaveLength(3);
		const { items } = await perEvent.receiveDelivery(delivery);
		expect(items.map((item) => item.email)).toEqual(['one@example.com', 'three@example.com']);

		const [wholeDelivery] = deliveriesTo(whole.url);
		const wholeItems = (await whole.receiveDelivery(wholeDelivery)).items;
		expect(wholeItems).toHaveLength(1);
		const kept = wholeItems[0]['mautic.form_on_submit'] as IDataObject[];
		expect(kept.map((entry: any) => entry.submission.results.email)).toEqual([
			'one@example.com',
			'three@example.com',
		]);
	});

	test('other events pass the form filter untouched', async () => {
		const chosen = await createForm(fake.url, 'Contact us');
		const trigger = host({
			events: ['mautic.form_on_submit', 'mautic.lead_post_save_new'],
			forms: [String(chosen.id)],
		});
		await trigger.activate();
		const response = await fetch(`${fake.url}/api/contacts/new`, {
			method: 'POST',
			headers: {
				authorization: `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`,
				'content-type': 'application/json',
			},
			body: JSON.stringify({ email: 'new@example.com' }),
		});
		expect(response.status).toBe(201);
		const [delivery] = deliveriesTo(trigger.url);
		const { items } = await trigger.receiveDelivery(delivery);
		expect(items).toEqual([
			expect.objectContaining({
				event: 'mautic.lead_post_save_new',
				contact: expect.objectContaining({ email: 'new@example.com' }),
			}),
		]);
	});
	test('a field aliased event, timestamp or contact does not overwrite those keys of a flat item', async () => {
		const answer = await mauticApi(fake.url, 'POST', '/forms/new', {
			name: 'Call back',
			formType: 'standalone',
			isPublished: true,
			fields: [
				{
					label: 'Email',
					alias: 'email',
					type: 'email',
					mappedObject: 'contact',
					mappedField: 'email',
					leadField: 'email',
				},
				{ label: 'Event', alias: 'event', type: 'text' },
				{ label: 'Timestamp', alias: 'timestamp', type: 'text' },
				{ label: 'Contact', alias: 'contact', type: 'text' },
				{ label: 'Field contact', alias: 'field_contact', type: 'text' },
			],
		});
		const form = answer.form as IDataObject;
		const trigger = host({
			events: ['mautic.form_on_submit'],
			options: { flattenSubmissions: true },
		});
		await trigger.activate();
		await submitForm(fake.url, form, {
			email: 'dora@example.com',
			event: 'Spring fair',
			timestamp: 'tomorrow 9am',
			contact: 'by phone',
			field_contact: 'evenings',
		});
		const [delivery] = deliveriesTo(trigger.url);
		const sent = JSON.parse(delivery.body)['mautic.form_on_submit'][0];
		const { items } = await trigger.receiveDelivery(delivery);
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({
			event: 'mautic.form_on_submit',
			timestamp: sent.timestamp,
			email: 'dora@example.com',
			field_event: 'Spring fair',
			field_timestamp: 'tomorrow 9am',
			field_field_contact: 'by phone',
			field_contact: 'evenings',
			contact: expect.objectContaining({ email: 'dora@example.com' }),
		});
	});

	test('form names instead of IDs are refused at publishing, and never let every form through', async () => {
		const chosen = await createForm(fake.url, 'Contact us');
		const byName = host({ events: ['mautic.form_on_submit'], forms: '={{ ["Contact us"] }}' });
		await expect(byName.activate()).rejects.toThrow(
			'The field "Form Names or IDs" needs form IDs (whole numbers from 1), got "Contact us"',
		);
		// without the form event the (hidden) filter plays no part, as before
		await expect(
			host(
				{ events: ['mautic.lead_post_save_new'], forms: '={{ ["Contact us"] }}' },
				'a1b2c3d4-0000-4000-8000-0000000000f3',
			).activate(),
		).resolves.toEqual({ existed: false });
		// a workflow published before (or an expression that changed since) ignores them all
		const trigger = host({ events: ['mautic.form_on_submit'] });
		await trigger.activate();
		await submitForm(fake.url, chosen, { email: 'zoe@example.com' });
		const [delivery] = deliveriesTo(trigger.url);
		trigger.setParameters({ events: ['mautic.form_on_submit'], forms: '={{ "Contact us, 7x" }}' });
		const received = await trigger.receiveDelivery(delivery);
		expect(received.status).toBeUndefined(); // n8n answers 200
		expect(received.response.webhookResponse).toEqual({
			message: 'Ignored: a submission of a form this trigger does not watch',
		});
		expect(received.items).toEqual([]);
	});
});
