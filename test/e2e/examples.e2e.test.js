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
			'form-submission-to-note.json',
			'hot-leads-from-point-changes.json',
			'newsletter-subscribers-to-segment.json',
			'score-leads-by-point-group.json',
			'shop-order-to-company.json',
			'sync-shop-customers.json',
			'welcome-campaign-and-order-email.json',
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

	test('welcome a new shop customer: upserted, in the welcome campaign, order email sent with its number', async () => {
		const workflow = examples['welcome-campaign-and-order-email.json'];
		fake.clearRequests();
		const run = await n8n.execute(workflow.id);
		const [sent] = nodeOutput(run, 'Send order confirmation');
		const jonas = contactByEmail('jonas.keller@example.com');
		expect(sent).toEqual({ emailId: 1, contactId: jonas.id, sent: true });
		expect(nodeOutput(run, 'Add to welcome campaign')).toEqual([
			{ campaignId: 1, contactId: jonas.id, added: true },
		]);
		expect(fake.store.campaignMembers.get(1).has(jonas.id)).toBe(true);
		const stats = fake.store.emailStats.filter((stat) => stat.contactId === jonas.id);
		expect(stats).toHaveLength(1);
		expect(stats[0].subject).toBe('Your order A-10042');
		const sends = fake.requests.filter((request) => request.path.endsWith('/send'));
		expect(sends.map((request) => request.body)).toEqual([
			{ tokens: { '{order_number}': 'A-10042' } },
		]);
	});

	describe('trigger examples, published', () => {
		beforeAll(async () => {
			await n8n.publish(examples['newsletter-subscribers-to-segment.json'].id);
			await n8n.publish(examples['hot-leads-from-point-changes.json'].id);
			await n8n.publish(examples['form-submission-to-note.json'].id);
			await n8n.start();
			await eventually(() => fake.store.hooks.size === 3);
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

		test('a "Contact us" submission (signed webhook) becomes a note on the contact; the newsletter form starts nothing', async () => {
			const submit = async (formId, values) => {
				const body = new URLSearchParams();
				for (const [alias, value] of Object.entries(values))
					body.append(`mauticform[${alias}]`, value);
				body.append('mauticform[formId]', String(formId));
				body.append('mauticform[return]', '');
				const response = await fetch(`${fake.url}/form/submit?formId=${formId}`, {
					method: 'POST',
					body,
					redirect: 'manual',
				});
				expect(response.status).toBe(302);
			};
			const notesOf = (contact) =>
				[...fake.store.notes.values()].filter((note) => note.contactId === contact?.id);
			await submit(2, { email: 'newsletter.only@example.com' });
			await submit(1, {
				email: 'lena.schmid@example.com',
				firstname: 'Lena',
				message: 'Please call me about the offer',
			});
			const lena = contactByEmail('lena.schmid@example.com');
			const [note] = await eventually(() => notesOf(lena).length > 0 && notesOf(lena));
			expect(note).toMatchObject({
				type: 'email',
				text: 'Contact form: Please call me about the offer',
			});
			const hook = [...fake.store.hooks.values()].find((h) =>
				h.triggers.includes('mautic.form_on_submit'),
			);
			const toHook = fake.deliveries.filter((delivery) => delivery.hookId === hook.id);
			expect(toHook.map((delivery) => delivery.status)).toEqual([200, 200]);
			await new Promise((resolve) => setTimeout(resolve, 2000));
			expect(notesOf(contactByEmail('newsletter.only@example.com'))).toEqual([]);
			expect(fake.store.notes.size).toBe(1);
		});
	});
});
