import { sleep, type IDataObject } from 'n8n-workflow';
import { RUN_TAG } from './backends';
import { startWebhookReceiver } from '../fake-mautic/receiver';
import { email, uniqueName } from './fixtures';
import { createForm, submit } from './formFixtures';
import { basicCredentialOf } from './nodeRun';
import { onEachBackend } from './suite';
import { TriggerHost } from '../support/triggerHost';

/* eslint-disable @typescript-eslint/no-explicit-any */

type Delivery = { path: string; headers: Record<string, string>; body: string };

onEachBackend('nodes', 'Maatoo Trigger', ({ backend, check }) => {
	let receiver: any;
	beforeAll(async () => {
		receiver = await startWebhookReceiver();
	});
	afterAll(async () => receiver?.close());

	let hosts = 0;
	const origin = () => new URL(receiver.url).origin;
	const newHost = (parameters: IDataObject) =>
		new TriggerHost({
			origin: origin(),
			credential: basicCredentialOf(backend()),
			webhookId: `${RUN_TAG}-${backend().name}-${++hosts}`,
			workflowName: uniqueName('Contract trigger'),
			parameters,
		});
	const hooksPostingTo = async (url: string) =>
		Object.values(
			((await backend().api('GET', '/hooks?limit=1000')).hooks ?? {}) as Record<string, any>,
		).filter((hook) => hook.webhookUrl === url);
	const deliveriesTo = (url: string): Delivery[] =>
		receiver.received.filter((delivery: Delivery) => url.endsWith(delivery.path));
	/** Waits for `count` deliveries to `url` (those that mention `about`, when given). */
	async function waitForDeliveries(url: string, count: number, about = ''): Promise<Delivery[]> {
		const matching = () => deliveriesTo(url).filter((delivery) => delivery.body.includes(about));
		const deadline = Date.now() + 30_000;
		while (matching().length < count && Date.now() < deadline) await sleep(200);
		return matching();
	}

	check('the event list comes from the instance', async () => {
		const events = await newHost({}).loadEvents();
		expect(events).toHaveLength(14);
		expect(events).toContainEqual({
			name: 'Contact Identified Event',
			value: 'mautic.lead_post_save_new',
			description: 'Triggered when a contact is identified.',
		});
	});

	check(
		'activation creates one signed hook, once; real deliveries become one item per event; deactivation deletes the hook',
		async () => {
			const host = newHost({
				events: ['mautic.lead_post_save_new', 'mautic.lead_points_change'],
				eventsOrder: 'ASC',
			});
			expect(await host.activate()).toEqual({ existed: false });
			expect(await host.activate()).toEqual({ existed: true });
			const hooks = await hooksPostingTo(host.url);
			expect(hooks).toHaveLength(1);
			expect([...hooks[0].triggers].sort()).toEqual([
				'mautic.lead_points_change',
				'mautic.lead_post_save_new',
			]);
			const saved = host.staticData['node:Maatoo Trigger'] as IDataObject;
			expect(saved).toMatchObject({ hookId: hooks[0].id, webhookUrl: host.url });

			const address = email(backend(), 'trigger');
			const created = await backend().api('POST', '/contacts/new', {
				email: address,
				firstname: 'Trig',
			});
			await backend().api('POST', `/contacts/${created.contact.id}/points/plus/7`);
			await backend().flushWebhooks();
			const deliveries = await waitForDeliveries(host.url, 2, address);
			expect(deliveries.length).toBeGreaterThanOrEqual(2);
			const items: IDataObject[] = [];
			for (const delivery of deliveries)
				items.push(...(await host.receive(delivery.body, delivery.headers)).items);
			expect(items).toContainEqual(
				expect.objectContaining({
					event: 'mautic.lead_post_save_new',
					contact: expect.objectContaining({ id: created.contact.id, firstname: 'Trig' }),
				}),
			);
			expect(items).toContainEqual(
				expect.objectContaining({
					event: 'mautic.lead_points_change',
					points: { old_points: 0, new_points: 7 },
				}),
			);
			expect(JSON.stringify(items)).not.toContain(String(saved.secret));

			// (other test files write to the same Mautic meanwhile: the deliveries above are about our contact)
			const tampered = await host.receive(
				deliveries[0].body.replace(address, `evil-${address}`),
				deliveries[0].headers,
			);
			expect(tampered.status).toBe(401);
			expect(tampered.items).toHaveLength(0);

			expect(await host.delete()).toBe(true);
			expect(await hooksPostingTo(host.url)).toHaveLength(0);
			const before = deliveriesTo(host.url).length;
			await backend().api('POST', '/contacts/new', {
				email: email(backend(), 'after'),
				firstname: 'After',
			});
			await backend().flushWebhooks();
			await sleep(1500);
			expect(deliveriesTo(host.url)).toHaveLength(before);
		},
	);

	check(
		'queued deliveries: one POST with events of several types becomes one item per event',
		async () => {
			const host = newHost({ events: ['mautic.lead_post_save_new', 'mautic.lead_points_change'] });
			await host.activate();
			await backend().queueWebhooks(true);
			try {
				const ids: number[] = [];
				for (let index = 0; index < 3; index++)
					ids.push(
						(
							await backend().api('POST', '/contacts/new', {
								email: email(backend(), `queued${index}`),
							})
						).contact.id,
					);
				await backend().api('POST', `/contacts/${ids[1]}/points/plus/3`);
				expect(deliveriesTo(host.url)).toHaveLength(0);
				await backend().flushWebhooks();
				const [delivery] = await waitForDeliveries(host.url, 1);
				const { items } = await host.receive(delivery.body, delivery.headers);
				expect(items.map((item) => item.event)).toEqual([
					'mautic.lead_post_save_new',
					'mautic.lead_post_save_new',
					'mautic.lead_post_save_new',
					'mautic.lead_points_change',
				]);
				expect(
					items
						.filter((item) => item.event === 'mautic.lead_post_save_new')
						.map((item) => (item.contact as IDataObject).id),
				).toEqual(ids);
			} finally {
				await backend().queueWebhooks(false);
				await host.delete();
			}
		},
		{
			only: {
				backend: 'fake',
				reason:
					'the real Mautic sends webhooks at once (queue_mode immediate_process); its queue needs a config change and a console command on the server',
			},
		},
	);
	check(
		'two forms, one chosen: only its submission starts the workflow, flattened; the other is answered and ignored',
		async () => {
			const chosen = await createForm(backend(), uniqueName('Trigger form chosen'));
			const other = await createForm(backend(), uniqueName('Trigger form other'));
			const host = newHost({
				events: ['mautic.form_on_submit'],
				forms: [String(chosen.id)],
				options: { flattenSubmissions: true },
			});
			try {
				const offered = await host.loadForms();
				expect(offered.map((option) => option.value)).toEqual(
					expect.arrayContaining([String(chosen.id), String(other.id)]),
				);
				await host.activate();
				const mine = email(backend(), 'trigger-form-chosen');
				const theirs = email(backend(), 'trigger-form-other');
				await submit(backend(), other, { email: theirs, message: 'Not for us' });
				await submit(backend(), chosen, { email: mine, message: 'For us', colors: ['blue'] });
				await backend().flushWebhooks();
				const [ignoredDelivery] = await waitForDeliveries(host.url, 1, theirs);
				const [chosenDelivery] = await waitForDeliveries(host.url, 1, mine);
				const ignored = await host.receive(ignoredDelivery.body, ignoredDelivery.headers);
				expect(ignored.items).toEqual([]);
				expect(ignored.response.webhookResponse).toEqual({
					message: 'Ignored: a submission of a form this trigger does not watch',
				});
				const started = await host.receive(chosenDelivery.body, chosenDelivery.headers);
				expect(started.items).toEqual([
					expect.objectContaining({
						event: 'mautic.form_on_submit',
						formId: chosen.id,
						contactId: expect.any(Number),
						email: mine,
						message: 'For us',
						colors: 'blue',
						contact: expect.objectContaining({ email: mine }),
					}),
				]);
			} finally {
				await host.delete();
				for (const form of [chosen, other])
					await backend().api('DELETE', `/forms/${form.id}/delete`);
			}
		},
		{ timeout: 120_000 },
	);
	check(
		'fields aliased contact and event keep their values as field_<alias>; the item keeps its event and contact',
		async () => {
			const form = await createForm(backend(), uniqueName('Trigger form aliases'), [
				{ label: 'Contact', alias: 'contact', type: 'text' },
				{ label: 'Event', alias: 'event', type: 'text' },
			]);
			expect(form.fields.map((field: any) => field.alias)).toEqual(
				expect.arrayContaining(['contact', 'event']),
			);
			const host = newHost({
				events: ['mautic.form_on_submit'],
				forms: [String(form.id)],
				options: { flattenSubmissions: true },
			});
			try {
				await host.activate();
				const mine = email(backend(), 'trigger-form-aliases');
				await submit(backend(), form, { email: mine, contact: 'by phone', event: 'Spring fair' });
				await backend().flushWebhooks();
				const [delivery] = await waitForDeliveries(host.url, 1, mine);
				const started = await host.receive(delivery.body, delivery.headers);
				expect(started.items).toEqual([
					expect.objectContaining({
						event: 'mautic.form_on_submit',
						formId: form.id,
						email: mine,
						field_contact: 'by phone',
						field_event: 'Spring fair',
						contact: expect.objectContaining({ email: mine }),
					}),
				]);
			} finally {
				await host.delete();
				await backend().api('DELETE', `/forms/${form.id}/delete`);
			}
		},
		{ timeout: 120_000 },
	);
});
