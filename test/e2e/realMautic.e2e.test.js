// @ts-check
/**
 * The packed package in a real n8n 2.8.4 against a REAL Mautic (MAUTIC_URL etc.; `npm run
 * test:real` provides one): the "sync shop customers" example runs, and the "hot leads" example
 * is published so its Maatoo Trigger receives Mautic's own signed webhooks and tags the contact.
 * Without a real Mautic the suite is skipped and says why.
 */
const { loadExamples } = require('../../scripts/lib/examples');
const { N8nSession, nodeOutput } = require('./support/n8nSession');
const { unpublishOnRunningN8n } = require('./support/n8nRest');

const CREDENTIAL = { id: 'maatooRealMautic', name: 'Real Mautic (Basic auth)' };
const missing = ['MAUTIC_URL', 'MAUTIC_USERNAME', 'MAUTIC_PASSWORD'].filter(
	(name) => !process.env[name],
);
const skipReason = missing.length
	? `skipped: no real Mautic (${missing.join(', ')} not set; npm run test:real provides one)`
	: '';
if (skipReason) console.log(`[realMautic.e2e] ${skipReason}`);

/** The custom fields the shop example writes, made once (a real Mautic keeps them). */
const SHOP_FIELDS = [
	{ alias: 'shop_customer_id', label: 'Shop customer ID', type: 'number', properties: {} },
	{
		alias: 'favourite_category',
		label: 'Favourite category',
		type: 'select',
		properties: {
			list: ['books', 'electronics', 'fashion', 'garden', 'sports'].map((value) => ({
				label: value,
				value,
			})),
		},
	},
	{ alias: 'last_order_date', label: 'Last order date', type: 'date', properties: {} },
];

/** @param {number} ms */
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {string} method @param {string} path @param {unknown} [body] */
async function api(method, path, body) {
	const authorization = `Basic ${Buffer.from(`${process.env.MAUTIC_USERNAME}:${process.env.MAUTIC_PASSWORD}`).toString('base64')}`;
	const response = await fetch(`${String(process.env.MAUTIC_URL).replace(/\/+$/, '')}/api${path}`, {
		method,
		headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (response.status >= 400)
		throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 300)}`);
	return text ? JSON.parse(text) : undefined;
}

/** @param {string} address */
async function contactByEmail(address) {
	const body = await api('GET', `/contacts?search=${encodeURIComponent(`email:${address}`)}`);
	return /** @type {any} */ (Object.values(body.contacts)[0]);
}

/** @param {() => Promise<unknown>} check @param {number} [timeoutMs] */
async function eventually(check, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await pause(500);
	}
}

(skipReason ? describe.skip : describe)(
	`the examples against a real Mautic${skipReason ? ` (${skipReason})` : ''}`,
	() => {
		/** @type {N8nSession} */ let n8n;
		const examples = Object.fromEntries(
			loadExamples(CREDENTIAL.id).map(({ file, workflow }) => [file, workflow]),
		);
		/** Hooks in Mautic that post to this n8n. */
		const n8nHooks = async () =>
			Object.values((await api('GET', '/hooks?limit=1000')).hooks ?? {}).filter(
				(/** @type {any} */ hook) => hook.webhookUrl.startsWith(n8n.baseUrl),
			);

		beforeAll(async () => {
			const existing = await api('GET', '/fields/contact?limit=500');
			const aliases = new Set(
				Object.values(existing.fields ?? {}).map((/** @type {any} */ field) => field.alias),
			);
			for (const field of SHOP_FIELDS)
				if (!aliases.has(field.alias))
					await api('POST', '/fields/contact/new', { ...field, group: 'core' });
			n8n = await N8nSession.create();
			await n8n.importCredentials([
				{
					...CREDENTIAL,
					type: 'maatooApi',
					data: {
						url: process.env.MAUTIC_URL,
						username: process.env.MAUTIC_USERNAME,
						password: process.env.MAUTIC_PASSWORD,
					},
				},
			]);
			for (const file of ['sync-shop-customers.json', 'hot-leads-from-point-changes.json'])
				await n8n.importWorkflow(examples[file]);
		}, 900_000);

		afterAll(async () => {
			// never leave a hook behind that posts to an n8n that is gone
			if (n8n)
				for (const hook of await n8nHooks())
					await api('DELETE', `/hooks/${/** @type {any} */ (hook).id}/delete`);
			await n8n?.dispose();
		});

		test('sync new shop customers: one run writes typed fields and tags', async () => {
			const workflow = examples['sync-shop-customers.json'];
			const output = nodeOutput(await n8n.execute(workflow.id), 'Create or update contacts');
			expect(output.map((contact) => contact.email)).toEqual([
				'lena.schmid@example.com',
				'anna.meier@example.com',
				'tom.weber@example.com',
			]);
			const anna = await contactByEmail('anna.meier@example.com');
			expect(anna.fields.all).toMatchObject({
				shop_customer_id: 10001,
				favourite_category: 'electronics',
				last_order_date: '2026-11-21',
			});
			expect(anna.tags.map((/** @type {any} */ tag) => tag.tag)).toEqual(
				expect.arrayContaining(['customer', 'vip']),
			);
			const lena = await contactByEmail('lena.schmid@example.com');
			expect(lena.tags.map((/** @type {any} */ tag) => tag.tag)).toContain('customer');
		});

		test("hot leads: publishing creates one hook, Mautic's deliveries tag the contact, unpublishing deletes the hook", async () => {
			const workflow = examples['hot-leads-from-point-changes.json'];
			await n8n.publish(workflow.id);
			await n8n.start();
			const [hook] = /** @type {any[]} */ (
				await eventually(async () => {
					const hooks = await n8nHooks();
					return hooks.length ? hooks : undefined;
				})
			);
			expect(await n8nHooks()).toHaveLength(1);
			expect(hook.triggers).toEqual(['mautic.lead_points_change']);

			const stamp = Date.now().toString(36);
			const hot = (
				await api('POST', '/contacts/new', { email: `hot-${stamp}@example.com`, firstname: 'Hot' })
			).contact;
			const cold = (
				await api('POST', '/contacts/new', {
					email: `cold-${stamp}@example.com`,
					firstname: 'Cold',
				})
			).contact;
			await api('POST', `/contacts/${hot.id}/points/plus/150`);
			await api('POST', `/contacts/${cold.id}/points/plus/10`);
			const tagsOf = async (/** @type {number} */ id) =>
				(await api('GET', `/contacts/${id}`)).contact.tags.map((/** @type {any} */ tag) => tag.tag);
			await eventually(async () => (await tagsOf(hot.id)).includes('hot-lead'));
			await pause(3000);
			expect(await tagsOf(cold.id)).not.toContain('hot-lead');

			await unpublishOnRunningN8n(n8n.baseUrl, workflow.id);
			await eventually(async () => (await n8nHooks()).length === 0, 30_000);
		});
	},
);
