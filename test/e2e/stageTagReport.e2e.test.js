// @ts-check
/**
 * The Stage, Text Message, Tag, Category and Report nodes (and Contact › Change Stage) inside a
 * real n8n 2.8.4, installed from the packed tarball, against the fake Mautic: a new contact with
 * a tag picked from the list is moved into a new stage and sent a text message; the stage
 * history is then exported with Get Stats.
 */
const { startFakeMautic } = require('../fake-mautic');
const { N8nSession, nodeOutput } = require('./support/n8nSession');
const { manualWorkflow, maatooNode, mapperValue } = require('./support/workflows');
const { ADMIN } = require('./support/mauticApi');

const CREDENTIAL = { id: 'maatooBasic0017', name: 'Fake Mautic Basic (stages)' };

describe('Stage, Text Message, Tag, Category and Report nodes in a real n8n', () => {
	/** @type {any} */ let fake;
	/** @type {N8nSession} */ let n8n;

	beforeAll(async () => {
		fake = await startFakeMautic({ version: '5.1.0' });
		fake.store.ensureTag('vip');
		fake.store.smsTransport = 'enabled';
		n8n = await N8nSession.create();
		await n8n.importCredentials([
			{ ...CREDENTIAL, type: 'maatooApi', data: { url: fake.url, ...ADMIN } },
		]);
	}, 900_000);

	afterAll(async () => {
		await n8n?.dispose();
		await fake?.close();
	});

	test('contact → stage → text message → stage history, with a category and a tag list', async () => {
		const sms = fake.store.createSms({ name: 'Welcome', message: 'Hi {contactfield=firstname}' });
		/** @param {string} name @param {string} type @param {object} parameters */
		const node = (name, type, parameters) =>
			maatooNode({ name, type, authentication: 'basicAuth', credential: CREDENTIAL, parameters });
		await n8n.importWorkflow(
			manualWorkflow({
				id: 'wfStageTagRep01',
				name: 'Stage, text message, stats',
				nodes: [
					node('Stage', 'maatooStage', {
						operation: 'create',
						name: 'Onboarding',
						additionalFields: { weight: 10 },
					}),
					node('Contact', 'maatooContact', {
						operation: 'upsert',
						fields: mapperValue({
							email: 'e2e-stage@example.com',
							firstname: 'Ada',
							mobile: '+41790000017',
						}),
						existingTagsToAdd: ['vip'],
					}),
					node('Change Stage', 'maatooContact', {
						operation: 'changeStage',
						contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
						stageId: { __rl: true, mode: 'id', value: "={{ $('Stage').item.json.id }}" },
					}),
					node('Send SMS', 'maatooTextMessage', {
						operation: 'sendToContact',
						textMessageId: { __rl: true, mode: 'id', value: String(sms.id) },
						contactId: { __rl: true, mode: 'id', value: '={{ $json.contactId }}' },
					}),
					node('Category', 'maatooCategory', {
						operation: 'create',
						title: 'Onboarding texts',
						bundle: 'stage',
					}),
					node('Tags', 'maatooTag', {
						operation: 'getAll',
						returnAll: true,
						options: { search: 'VI' },
					}),
					node('History', 'maatooReport', {
						operation: 'getStats',
						table: 'lead_stages_change_log',
						returnAll: true,
						conditions: {
							condition: [
								{ column: 'lead_id', expression: 'eq', value: "={{ $('Contact').item.json.id }}" },
							],
						},
					}),
				],
			}),
		);
		const run = await n8n.execute('wfStageTagRep01');
		const [stage] = nodeOutput(run, 'Stage');
		const [contact] = nodeOutput(run, 'Contact');
		expect(stage).toMatchObject({ name: 'Onboarding', weight: 10 });
		expect(contact.tags).toEqual(['vip']);
		expect(nodeOutput(run, 'Change Stage')).toEqual([
			{ contactId: contact.id, stageId: stage.id, changed: true },
		]);
		expect(nodeOutput(run, 'Send SMS')[0]).toMatchObject({
			textMessageId: sms.id,
			contactId: contact.id,
			sent: true,
			status: 'Delivered',
			result: { content: 'Hi Ada' },
		});
		expect(nodeOutput(run, 'Category')[0]).toMatchObject({
			title: 'Onboarding texts',
			bundle: 'stage',
		});
		expect(nodeOutput(run, 'Tags').map((/** @type {any} */ tag) => tag.tag)).toEqual(['vip']);
		expect(nodeOutput(run, 'History')).toEqual([
			expect.objectContaining({
				lead_id: String(contact.id),
				stage_id: String(stage.id),
				action_name: 'Manually Added',
			}),
		]);
	});
});
