import type { IDataObject } from 'n8n-workflow';
import { MaatooCampaign } from '../../nodes/MaatooCampaign/MaatooCampaign.node';
import { MaatooEmail } from '../../nodes/MaatooEmail/MaatooEmail.node';
import { registerNodeType, runNode } from '../support/maatooRun';
import type { Backend } from './backends';
import { campaignBody, createSegment } from './campaignFixture';
import { createContact, email, uniqueName } from './fixtures';
import { basicCredentialOf, byId } from './nodeRun';
import { acquireSmtpSink, smtpSinkProblem } from './smtpSink';
import { onEachBackend } from './suite';

registerNodeType('maatooCampaign', new MaatooCampaign());
registerNodeType('maatooEmail', new MaatooEmail());

const runOn = (
	backend: Backend,
	type: 'maatooCampaign' | 'maatooEmail',
	parameters: IDataObject,
	options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
) => runNode({ type, parameters, credential: basicCredentialOf(backend), ...options });

onEachBackend('nodes', 'Maatoo Campaign', ({ backend, check }) => {
	const run = (parameters: IDataObject, options: Parameters<typeof runOn>[3] = {}) =>
		runOn(backend(), 'maatooCampaign', parameters, options);

	check(
		'Create from JSON, Get, Get Many, Add Contact (a missing one named), Get Contacts, Remove Contact, Clone, Delete',
		async () => {
			const segmentId = await createSegment(backend());
			const body = campaignBody(segmentId);
			const created = (await run({ operation: 'create', campaignJson: JSON.stringify(body) }))
				.json[0] as IDataObject & { events: IDataObject[] };
			expect(created).toMatchObject({ name: body.name, isPublished: true });
			expect(created.events).toHaveLength(1);
			const id = created.id as number;
			expect((await run({ operation: 'get', campaignId: byId(id) })).json[0]).toMatchObject({
				id,
				name: body.name,
			});
			const found = await run({
				operation: 'getAll',
				returnAll: true,
				options: { search: body.name, publishedOnly: true },
			});
			expect(found.json.map((row) => row.id)).toEqual([id]);

			const contacts = [
				await createContact(backend(), { email: email(backend(), 'node-camp-1') }),
				await createContact(backend(), { email: email(backend(), 'node-camp-2') }),
			];
			const added = await run(
				{ operation: 'addContact', campaignId: byId(id), contactId: byId('={{ $json.id }}') },
				{ items: [{ id: contacts[0] }, { id: 999999 }, { id: contacts[1] }], continueOnFail: true },
			);
			expect(added.json[0]).toEqual({ campaignId: id, contactId: contacts[0], added: true });
			expect(added.json[1].error).toBe('The contact 999999 does not exist [item 1]');
			expect(added.json[2]).toEqual({ campaignId: id, contactId: contacts[1], added: true });
			const members = await run({
				operation: 'getContacts',
				campaignId: byId(id),
				returnAll: true,
			});
			expect(members.json.map((row) => row.contactId)).toEqual([...contacts].sort((a, b) => a - b));
			expect(members.json[0]).toMatchObject({ campaignId: id, manuallyAdded: true, rotation: 1 });

			const removed = await run({
				operation: 'removeContact',
				campaignId: byId(id),
				contactId: byId(contacts[0]),
			});
			expect(removed.json[0]).toEqual({ campaignId: id, contactId: contacts[0], removed: true });
			const left = await run({ operation: 'getContacts', campaignId: byId(id), returnAll: true });
			expect(left.json.map((row) => row.contactId)).toEqual([contacts[1]]);

			const copy = (await run({ operation: 'clone', campaignId: byId(id) })).json[0];
			expect(copy).toMatchObject({ name: body.name, isPublished: false });
			const deleted = await run(
				{ operation: 'delete', campaignId: byId('={{ $json.id }}') },
				{ items: [{ id: copy.id }, { id }] },
			);
			expect(deleted.json).toEqual([
				{ id: copy.id, deleted: true },
				{ id, deleted: true },
			]);
		},
	);
});

const sinkProblem = smtpSinkProblem();

onEachBackend('nodes', 'Maatoo Email', ({ backend, check, name }) => {
	const run = (parameters: IDataObject, options: Parameters<typeof runOn>[3] = {}) =>
		runOn(backend(), 'maatooEmail', parameters, options);
	let sink: Awaited<ReturnType<typeof acquireSmtpSink>> | undefined;
	beforeAll(async () => {
		if (name === 'real' && !sinkProblem) sink = await acquireSmtpSink();
	}, 180_000);
	afterAll(async () => sink?.close());

	check('Create, Update, Create or Replace, Get, Get Many by type, Delete', async () => {
		const emailName = uniqueName('Node email');
		const created = (
			await run({
				operation: 'create',
				name: emailName,
				subject: 'Order {order_number}',
				emailType: 'template',
				additionalFields: { customHtml: '<p>{order_number}</p>', fromName: 'Shop' },
			})
		).json[0];
		expect(created).toMatchObject({ name: emailName, emailType: 'template', fromName: 'Shop' });
		const id = created.id as number;
		const updated = await run({
			operation: 'update',
			emailId: byId(id),
			updateFields: { subject: 'Patched' },
		});
		expect(updated.json[0]).toMatchObject({ id, subject: 'Patched', fromName: 'Shop' });
		const replaced = await run({
			operation: 'replace',
			emailId: byId(id),
			name: emailName,
			subject: 'Replaced',
			emailType: 'template',
		});
		expect(replaced.json[0]).toMatchObject({ id, subject: 'Replaced', fromName: null });
		expect((await run({ operation: 'get', emailId: byId(id) })).json[0]).toMatchObject({ id });
		const templates = await run({
			operation: 'getAll',
			returnAll: true,
			options: { search: emailName, emailType: 'template' },
		});
		expect(templates.json.map((row) => row.id)).toEqual([id]);
		const lists = await run({
			operation: 'getAll',
			returnAll: true,
			options: { search: emailName, emailType: 'list' },
		});
		expect(lists.json).toEqual([]);
		expect((await run({ operation: 'delete', emailId: byId(id) })).json[0]).toEqual({
			id,
			deleted: true,
		});
	});

	check(
		'Send to Contact with a token, Send to Segment with counts',
		async () => {
			const template = (
				await run({
					operation: 'create',
					name: uniqueName('Node send'),
					subject: 'Order {order_number}',
					emailType: 'template',
					additionalFields: { customHtml: '<p>Order {order_number}</p>' },
				})
			).json[0];
			const address = email(backend(), 'node-send');
			const contactId = await createContact(backend(), { email: address });
			const sent = await run({
				operation: 'sendToContact',
				emailId: byId(template.id),
				contactId: byId(contactId),
				tokens: { token: [{ key: 'order_number', value: 'N-77' }] },
			});
			expect(sent.json).toEqual([{ emailId: template.id, contactId, sent: true }]);
			if (sink) {
				const message = sink.messages.find((one) => one.to.includes(`<${address}>`));
				expect(message?.data).toContain('Subject: Order N-77');
			}

			const segmentId = await createSegment(backend(), 'Node send segment');
			await backend().api('POST', `/segments/${segmentId}/contact/${contactId}/add`);
			const news = (
				await run({
					operation: 'create',
					name: uniqueName('Node news'),
					subject: 'News',
					emailType: 'list',
					additionalFields: { segmentIds: String(segmentId), customHtml: '<p>News</p>' },
				})
			).json[0];
			const segmentSend = await run({ operation: 'sendToSegment', emailId: byId(news.id) });
			expect(segmentSend.json).toEqual([{ emailId: news.id, sentCount: 1, failedRecipients: 0 }]);
		},
		sinkProblem ? { only: { backend: 'fake', reason: sinkProblem } } : {},
	);
});
