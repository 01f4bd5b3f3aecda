import { startFakeMautic } from '../fake-mautic';
import { basicCredential, runNode } from '../support/maatooRun';

/* eslint-disable @typescript-eslint/no-explicit-any */
let fake: any;

beforeAll(async () => {
	fake = await startFakeMautic({ version: '5.1.1' });
});
afterAll(async () => fake?.close());

describe('Contact › Get Notes', () => {
	test('notes added in one second are neither lost nor repeated across pages', async () => {
		// Mautic orders a contact's notes by the second they were added unless told otherwise;
		// MySQL may order ties differently per page (the fake's 'unstable' ties do that)
		fake.store.noteTies = 'unstable';
		try {
			const contact = fake.store.createContact({ email: 'busy@example.com' });
			const ids: number[] = [];
			for (let index = 0; index < 150; index++)
				ids.push(fake.store.createNote({ contactId: contact.id, text: `Call ${index}` }).id);
			const { json } = await runNode({
				type: 'maatooContact',
				credential: basicCredential(fake.url),
				parameters: {
					operation: 'getNotes',
					contactId: { __rl: true, mode: 'id', value: String(contact.id) },
					returnAll: true,
				},
			});
			expect(json.map((row) => row.id)).toEqual([...ids].reverse());
			const pages = fake.requests.filter(
				(request: any) => request.path === `/api/contacts/${contact.id}/notes`,
			);
			expect(pages).toHaveLength(2);
			expect(pages[0].query).toMatchObject({ orderBy: 'n.id', orderByDir: 'DESC' });
		} finally {
			fake.store.noteTies = 'stable';
		}
	});
});
