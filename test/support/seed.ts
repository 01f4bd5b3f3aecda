import { request } from 'undici';
import type { IDataObject } from 'n8n-workflow';
import { ADMIN } from './maatooRun';

const authorization = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;

/** Calls the fake Mautic's API as an admin script would; throws on HTTP errors. */
export async function mauticApi(
	baseUrl: string,
	method: string,
	path: string,
	body?: unknown,
): Promise<IDataObject> {
	const response = await request(`${baseUrl}/api${path}`, {
		method: method as 'GET',
		headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.body.text();
	if (response.statusCode >= 400)
		throw new Error(`${method} ${path} → ${response.statusCode}: ${text}`);
	return text ? (JSON.parse(text) as IDataObject) : {};
}

/** Creates `count` contacts through the batch API; returns their ids in creation order. */
export async function seedContacts(
	baseUrl: string,
	count: number,
	make: (index: number) => IDataObject,
): Promise<number[]> {
	const ids: number[] = [];
	for (let start = 0; start < count; start += 200) {
		const entries = Array.from({ length: Math.min(200, count - start) }, (_, offset) =>
			make(start + offset),
		);
		const body = await mauticApi(baseUrl, 'POST', '/contacts/batch/new', entries);
		const created = body.contacts as Record<string, IDataObject> | IDataObject[];
		const list = Array.isArray(created)
			? created
			: Object.keys(created)
					.sort((a, b) => Number(a) - Number(b))
					.map((key) => created[key]);
		ids.push(...list.map((contact) => Number(contact.id)));
	}
	return ids;
}
