// @ts-check
/**
 * Every workflow in examples/ runs in a real n8n against the sandbox data (the fake Mautic with
 * its demo seed, as `npm run dev` starts it): manual ones through `n8n execute`, trigger ones
 * published and fed by the contact changes Mautic would send.
 */
const { startFakeMautic } = require('../fake-mautic');
const { loadExamples } = require('../../scripts/lib/examples');
const { N8nSession, nodeOutput } = require('./support/n8nSession');
const { api, ADMIN } = require('./support/mauticApi');

const CREDENTIAL = { id: 'maatooSandbox01', name: 'maatoo sandbox (Basic auth)' };

/** Polls until `check` returns a truthy value or the time is up. */
async function eventually(check, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

describe('the example workflows', () => {
	/** @type {any} */ let fake;
	/** @type {N8nSession} */ let n8n;
	const examples = Object.fromEntries(
		loadExamples(CREDENTIAL.id).map(({ file, workflow }) => [file, workflow]),
	);

	beforeAll(async () => {
		fake = await startFakeMautic({ seed: 'demo', version: '7.0.0' });
		n8n = await N8nSession.create();
		await n8n.importCredentials([
			{ ...CREDENTIAL, type: 'maatooApi', data: { url: fake.url, ...ADMIN } },
		]);
		for (const workflow of Object.values(examples)) await n8n.importWorkflow(workflow);
	}, 900_000);

	afterAll(async () => {
		await n8n?.dispose();
		await fake?.close();
	});

	const contactByEmail = (email) =>
		[...fake.store.contacts.values()].find((contact) => contact.values.email === email);
	const tagNames = (contact) =>
		contact.tagIds.map((tagId) => fake.store.tags.get(tagId)?.tag).sort();

	test('there are five examples and each names its job', () => {
		expect(Object.keys(examples).sort()).toEqual([
			'hot-leads-from-point-changes.json',
			'newsletter-subscribers-to-segment.json',
			'score-leads-by-point-group.json',
			'shop-order-to-company.json',
			'sync-shop-customers.json',
		]);
		for (const workflow of Object.values(examples))
			expect(workflow.name).toMatch(/^maatoo example: /);
	});

	test('sync new shop customers: one batch call, typed fields and tags', async () => {
		const workflow = examples['sync-shop-customers.json'];
		fake.clearRequests();
		const output = nodeOutput(await n8n.execute(workflow.id), 'Create or update contacts');
		expect(output.map((contact) => contact.email)).toEqual([
			'lena.schmid@example.com',
			'anna.meier@example.com',
			'tom.weber@example.com',
		]);
		expect(
			fake.requests.filter((request) => request.path === '/api/contacts/batch/new'),
		).toHaveLength(1);
		const anna = contactByEmail('anna.meier@example.com');
		expect(anna.values).toMatchObject({
			shop_customer_id: 10001,
			favourite_category: 'electronics',
			last_order_date: '2026-11-21',
		});
		expect(tagNames(anna)).toEqual(expect.arrayContaining(['customer', 'vip']));
		expect(tagNames(contactByEmail('lena.schmid@example.com'))).toEqual(['customer']);
	});

	test('shop order to company: companies upserted in one batch, contacts upserted and linked', async () => {
		const workflow = examples['shop-order-to-company.json'];
		fake.clearRequests();
		const execution = await n8n.execute(workflow.id);
		const companies = nodeOutput(execution, 'Create or update companies');
		expect(companies.map((company) => company.name)).toEqual([
			'Meier Elektro AG',
			'Weber Sport GmbH',
			'Meier Elektro AG',
		]);
		// the second buyer of Meier Elektro updated the company the first one created
		expect(companies[2].id).toBe(companies[0].id);
		expect(companies[2].companynumber_of_employees).toBe(26);
		const links = nodeOutput(execution, 'Link contact to company');
		const contacts = nodeOutput(execution, 'Create or update contacts');
		expect(links).toEqual(
			contacts.map((contact, index) => ({
				companyId: companies[index].id,
				contactId: contact.id,
				added: true,
			})),
		);
		const paths = fake.requests.map((request) => `${request.method} ${request.path}`);
		expect(paths.filter((path) => path === 'POST /api/companies/batch/new')).toHaveLength(1);
		expect(paths.filter((path) => path === 'POST /api/contacts/batch/new')).toHaveLength(1);
		const jonas = contactByEmail('jonas.keller@example.com');
		expect(jonas.values.company).toBe('Meier Elektro AG');
		const members = await api(
			fake.url,
			'GET',
			`/contacts?search=${encodeURIComponent(`company_id:${companies[0].id}`)}`,
		);
		expect(
			Object.values(members.contacts)
				.map((contact) => contact.fields.all.email)
				.sort(),
		).toEqual(['anna.meier@example.com', 'jonas.keller@example.com']);
	});

	test('score leads by point group: scores rise and the insight names the main interest', async () => {
		const workflow = examples['score-leads-by-point-group.json'];
		const output = nodeOutput(await n8n.execute(workflow.id), 'Read main interest');
		const chloe = output.find((contact) => contact.email === 'chloe.dubois@example.com');
		expect(chloe.main_interest).toMatch(/^2 \(/);
		const scores = nodeOutput(await n8n.execute(workflow.id), 'Add to group score');
		expect(scores[0]).toMatchObject({ groupId: 2, contactId: chloe.id });
	});

	describe('trigger examples, published', () => {
		beforeAll(async () => {
			await n8n.publish(examples['newsletter-subscribers-to-segment.json'].id);
			await n8n.publish(examples['hot-leads-from-point-changes.json'].id);
			await n8n.start();
			await eventually(() => fake.store.hooks.size === 2);
		}, 300_000);

		afterAll(async () => n8n.stop());

		test('a new contact who opted in joins the Newsletter segment; one who did not stays out', async () => {
			const created = await api(fake.url, 'POST', '/contacts/batch/new', [
				{ email: 'new.subscriber@example.com', firstname: 'New', newsletter_opt_in: 1 },
				{ email: 'no.newsletter@example.com', firstname: 'No' },
			]);
			const ids = Object.values(created.contacts).map((contact) => contact.id);
			await eventually(async () => {
				const segment = await api(
					fake.url,
					'GET',
					`/contacts?search=${encodeURIComponent('segment:newsletter')}&limit=0`,
				);
				return Object.keys(segment.contacts).map(Number).includes(ids[0]);
			});
			const segment = await api(
				fake.url,
				'GET',
				`/contacts?search=${encodeURIComponent('segment:newsletter')}&limit=0`,
			);
			expect(Object.keys(segment.contacts).map(Number)).not.toContain(ids[1]);
		});

		test('points passing 100 tag the contact as a hot lead', async () => {
			const marco = contactByEmail('marco.rossi@example.com');
			await api(fake.url, 'POST', `/contacts/${marco.id}/points/plus/50`);
			await eventually(() =>
				tagNames(contactByEmail('marco.rossi@example.com')).includes('hot-lead'),
			);
			const anna = contactByEmail('anna.meier@example.com');
			await api(fake.url, 'POST', `/contacts/${anna.id}/points/plus/1`);
			await new Promise((resolve) => setTimeout(resolve, 3000));
			expect(tagNames(contactByEmail('anna.meier@example.com'))).not.toContain('hot-lead');
		});
	});
});
