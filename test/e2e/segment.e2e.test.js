// @ts-check
/**
 * The Segment node inside a real n8n 2.8.4, installed from the packed tarball, against the fake
 * Mautic over HTTP with Basic auth: 500 contacts read by the Contact node are added to a segment
 * in at most 3 bulk calls, and Get Contacts then returns exactly those 500.
 */
const { startFakeMautic } = require('../fake-mautic');
const { N8nSession, nodeOutput } = require('./support/n8nSession');
const { manualWorkflow, maatooNode } = require('./support/workflows');
const { ADMIN, api, createContacts } = require('./support/mauticApi');

const BASIC = { id: 'maatooBasicSeg1', name: 'Fake Mautic Basic' };
const COUNT = 500;

describe('Segment node in a real n8n', () => {
	/** @type {any} */ let fake;
	/** @type {N8nSession} */ let n8n;
	/** @type {number[]} */ let ids;
	/** @type {number} */ let segmentId;

	beforeAll(async () => {
		fake = await startFakeMautic({});
		ids = await createContacts(
			fake.url,
			Array.from({ length: COUNT }, (_, index) => ({
				email: `seg-e2e-${index}@example.com`,
				firstname: `Seg${index}`,
			})),
		);
		const created = await api(fake.url, 'POST', '/segments/new', { name: 'E2E bulk members' });
		segmentId = created.list.id;

		n8n = await N8nSession.create();
		await n8n.importCredentials([
			{ ...BASIC, type: 'maatooApi', data: { url: fake.url, ...ADMIN } },
		]);
	}, 900_000);

	afterAll(async () => {
		await n8n?.dispose();
		await fake?.close();
	});

	test('Add Contacts sends 500 items in at most 3 calls; Get Contacts returns those 500', async () => {
		await n8n.importWorkflow(
			manualWorkflow({
				id: 'wfSegmentBulk001',
				name: 'Add 500 contacts to a segment',
				nodes: [
					maatooNode({
						name: 'Read Contacts',
						type: 'maatooContact',
						authentication: 'basicAuth',
						credential: BASIC,
						parameters: {
							operation: 'getAll',
							returnAll: true,
							options: { pageSize: COUNT, orderBy: 'id', orderByDir: 'ASC' },
						},
					}),
					maatooNode({
						name: 'Add Contacts',
						type: 'maatooSegment',
						authentication: 'basicAuth',
						credential: BASIC,
						parameters: {
							operation: 'addContacts',
							segmentId: { __rl: true, mode: 'id', value: String(segmentId) },
							contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
						},
					}),
				],
			}),
		);
		fake.clearRequests();
		const run = await n8n.execute('wfSegmentBulk001');
		const read = nodeOutput(run, 'Read Contacts');
		expect(read).toHaveLength(COUNT);
		const added = nodeOutput(run, 'Add Contacts');
		expect(added).toEqual(ids.map((contactId) => ({ segmentId, contactId, added: true })));

		// Everything after the Contact node's reads is the Add Contacts step.
		const stepRequests = fake.requests.filter(
			(/** @type {any} */ r) => !(r.method === 'GET' && r.path === '/api/contacts'),
		);
		expect(stepRequests.length).toBeLessThanOrEqual(3);
		expect(stepRequests.map((/** @type {any} */ r) => `${r.method} ${r.path} ${r.status}`)).toEqual(
			Array(3).fill(`POST /api/segments/${segmentId}/contacts/add 200`),
		);
		expect(stepRequests.map((/** @type {any} */ r) => r.body.ids.length)).toEqual([200, 200, 100]);
		expect(fake.countRequests((/** @type {any} */ r) => r.authType === 'basic')).toBe(
			fake.requests.length,
		);

		await n8n.importWorkflow(
			manualWorkflow({
				id: 'wfSegmentRead001',
				name: 'Read the members of a segment',
				nodes: [
					maatooNode({
						name: 'Get Contacts',
						type: 'maatooSegment',
						authentication: 'basicAuth',
						credential: BASIC,
						parameters: {
							operation: 'getContacts',
							segmentId: {
								__rl: true,
								mode: 'url',
								value: `${fake.url}/s/segments/view/${segmentId}`,
							},
							returnAll: true,
							options: { pageSize: 200 },
						},
					}),
				],
			}),
		);
		fake.clearRequests();
		const members = nodeOutput(await n8n.execute('wfSegmentRead001'), 'Get Contacts');
		expect(members.map((contact) => contact.id)).toEqual(ids);
		expect(members[0]).toMatchObject({
			id: ids[0],
			email: 'seg-e2e-0@example.com',
			firstname: 'Seg0',
		});
		expect(members[0]).not.toHaveProperty('fields');
		expect(fake.requests.map((/** @type {any} */ r) => r.path)).toEqual([
			`/api/segments/${segmentId}`,
			'/api/contacts',
			'/api/contacts',
			'/api/contacts',
		]);
	});
});
