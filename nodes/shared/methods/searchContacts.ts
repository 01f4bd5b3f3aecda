import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { rowsOfPage, totalOfPage } from '../engine/paginate';
import { instanceRootOf, mauticRequest } from '../transport';

const PAGE = 50;

/** Resource-locator search: contacts matching the typed text, newest first, 50 at a time. */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const start = Number(paginationToken ?? 0) || 0;
	const qs: IDataObject = { start, limit: PAGE, orderBy: 'id', orderByDir: 'DESC' };
	if (filter) qs.search = filter;
	const response = await mauticRequest(this, { method: 'GET', path: '/contacts', qs });
	const root = await instanceRootOf(this);
	const rows = rowsOfPage(response, 'contacts');
	const results = rows.map((contact) => {
		const fields = ((contact.fields as IDataObject | undefined)?.all ?? {}) as IDataObject;
		const name = [fields.firstname, fields.lastname].filter(Boolean).join(' ');
		const email = fields.email ? String(fields.email) : '';
		const label =
			[name, email && `<${email}>`].filter(Boolean).join(' ') || `Contact ${contact.id}`;
		return {
			name: `${label} (#${contact.id})`,
			value: String(contact.id),
			url: `${root}/s/contacts/view/${contact.id}`,
		};
	});
	const total = totalOfPage(response) ?? 0;
	const next = start + rows.length;
	return { results, paginationToken: rows.length > 0 && next < total ? String(next) : undefined };
}
