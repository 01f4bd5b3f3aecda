import { MaatooCampaign } from '../../nodes/MaatooCampaign/MaatooCampaign.node';
import { startFakeMautic } from '../fake-mautic';
import { basicCredential, registerNodeType, runNode } from '../support/maatooRun';

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;

registerNodeType('maatooCampaign', new MaatooCampaign());

beforeAll(async () => {
	fake = await startFakeMautic({ version: '5.1.1' });
});
afterAll(async () => fake?.close());

const byId = (id: number) => ({ __rl: true, mode: 'id', value: String(id) });

const campaignsOf = async (contactId: number) =>
	(
		await runNode({
			type: 'maatooContact',
			credential: basicCredential(fake.url),
			parameters: { operation: 'getCampaigns', contactId: byId(contactId), returnAll: true },
		})
	).json;

describe('Contact › Get Campaigns follows Campaign › Add/Remove Contact', () => {
	test('a published campaign the contact was added to is listed; removed or unpublished is not', async () => {
		const contact = fake.store.createContact({ email: 'member@example.com' });
		const welcome = fake.store.createCampaign({ name: 'Welcome', lists: [] });
		const draft = fake.store.createCampaign({ name: 'Draft', isPublished: false });
		expect(await campaignsOf(contact.id)).toEqual([]);

		for (const campaign of [welcome, draft])
			await runNode({
				type: 'maatooCampaign',
				credential: basicCredential(fake.url),
				parameters: {
					operation: 'addContact',
					campaignId: byId(campaign.id),
					contactId: byId(contact.id),
				},
			});
		const listed = await campaignsOf(contact.id);
		expect(listed).toHaveLength(1);
		expect(listed[0]).toMatchObject({
			id: welcome.id,
			name: 'Welcome',
			manuallyAdded: true,
			manuallyRemoved: false,
		});

		await runNode({
			type: 'maatooCampaign',
			credential: basicCredential(fake.url),
			parameters: {
				operation: 'removeContact',
				campaignId: byId(welcome.id),
				contactId: byId(contact.id),
			},
		});
		expect(await campaignsOf(contact.id)).toEqual([]);
	});
});
