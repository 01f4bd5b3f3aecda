// @ts-check
/**
 * The Point Group and Point Insight nodes inside a real n8n 2.8.4, installed from the packed
 * tarball, against a fake Mautic 7: one workflow creates two point groups and an insight that
 * compares them into a text custom field, then reads the insight back. Mautic then applies the
 * insight to a contact whose group scores change.
 */
const { startFakeMautic } = require('../fake-mautic');
const { N8nSession, nodeOutput } = require('./support/n8nSession');
const { manualWorkflow, maatooNode } = require('./support/workflows');
const { ADMIN, api } = require('./support/mauticApi');

const CREDENTIAL = { id: 'maatooBasic0002', name: 'Fake Mautic 7 Basic' };

describe('Point Group and Point Insight nodes in a real n8n', () => {
	/** @type {any} */ let fake;
	/** @type {N8nSession} */ let n8n;

	beforeAll(async () => {
		fake = await startFakeMautic({ version: '7.0.0' });
		await api(fake.url, 'POST', '/fields/contact/new', {
			label: 'Main interest',
			alias: 'main_interest',
			type: 'text',
		});
		n8n = await N8nSession.create();
		await n8n.importCredentials([
			{ ...CREDENTIAL, type: 'maatooApi', data: { url: fake.url, ...ADMIN } },
		]);
	}, 900_000);

	afterAll(async () => {
		await n8n?.dispose();
		await fake?.close();
	});

	test('two groups, an insight comparing them into a text field, and the insight read back', async () => {
		/** @param {string} name @param {string} type @param {object} parameters */
		const node = (name, type, parameters) =>
			maatooNode({ name, type, authentication: 'basicAuth', credential: CREDENTIAL, parameters });
		await n8n.importWorkflow(
			manualWorkflow({
				id: 'wfPointInsight01',
				name: 'Point groups and insight',
				nodes: [
					node('Umbrellas', 'maatooPointGroup', {
						operation: 'create',
						name: 'Umbrellas',
						additionalFields: { description: 'Rain gear' },
					}),
					node('Raincoats', 'maatooPointGroup', { operation: 'create', name: 'Raincoats' }),
					node('Insight', 'maatooPointInsight', {
						operation: 'create',
						name: 'Main interest',
						insightType: 'compare_point_groups',
						insightAction: 'set_custom_field',
						customField: 'main_interest',
						pointGroups: "={{ [$('Umbrellas').item.json.id, $('Raincoats').item.json.id] }}",
						additionalFields: { description: 'Strongest rain interest' },
					}),
					node('Read Back', 'maatooPointInsight', {
						operation: 'get',
						pointInsightId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
					}),
				],
			}),
		);
		const run = await n8n.execute('wfPointInsight01');
		const [umbrellas] = nodeOutput(run, 'Umbrellas');
		const [raincoats] = nodeOutput(run, 'Raincoats');
		expect(umbrellas).toMatchObject({ name: 'Umbrellas', description: 'Rain gear' });
		expect(raincoats).toMatchObject({ name: 'Raincoats' });
		expect(raincoats.id).not.toBe(umbrellas.id);

		const readBack = nodeOutput(run, 'Read Back');
		expect(readBack).toEqual([
			{
				id: nodeOutput(run, 'Insight')[0].id,
				name: 'Main interest',
				category: null,
				description: 'Strongest rain interest',
				insightType: 'compare_point_groups',
				insightAction: 'set_custom_field',
				customField: 'main_interest',
				pointGroups: [umbrellas.id, raincoats.id],
			},
		]);
		// The checks read the fields and groups before the insight was sent.
		const paths = fake.requests.map(
			(/** @type {any} */ request) => `${request.method} ${request.path}`,
		);
		expect(paths.indexOf('GET /api/fields/contact')).toBeLessThan(
			paths.indexOf('POST /api/points/insights/new'),
		);
		expect(paths.indexOf('GET /api/points/groups')).toBeLessThan(
			paths.indexOf('POST /api/points/insights/new'),
		);

		// Mautic applies the insight: the contact's strongest group lands in the text field.
		const { contact } = await api(fake.url, 'POST', '/contacts/new', { email: 'rain@example.com' });
		await api(fake.url, 'POST', `/contacts/${contact.id}/points/groups/${umbrellas.id}/set/2`);
		await api(fake.url, 'POST', `/contacts/${contact.id}/points/groups/${raincoats.id}/set/5`);
		const stored = await api(fake.url, 'GET', `/contacts/${contact.id}`);
		expect(stored.contact.fields.all.main_interest).toBe(`${raincoats.id} (Raincoats)`);
	});
});
