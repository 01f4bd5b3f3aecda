/**
 * Test data both backends get the same way, through the API. A real Mautic keeps everything
 * between runs, so names carry the run's tag and custom fields have fixed aliases, made once.
 */
import type { Backend } from './backends';
import { RUN_TAG } from './backends';

/** The typed custom fields the contract and node runs write (aliases fixed: each new field is a new column). */
export const CUSTOM_FIELDS = [
	{ alias: 'contract_number', label: 'Contract number', type: 'number', properties: {} },
	{
		alias: 'contract_optin',
		label: 'Contract opt-in',
		type: 'boolean',
		properties: { no: 'No', yes: 'Yes' },
	},
	{ alias: 'contract_date', label: 'Contract date', type: 'date', properties: {} },
	{
		alias: 'contract_select',
		label: 'Contract select',
		type: 'select',
		properties: {
			list: [
				{ label: 'Shoes', value: 'shoes' },
				{ label: 'Bags', value: 'bags' },
			],
		},
	},
	{
		alias: 'contract_multi',
		label: 'Contract multiselect',
		type: 'multiselect',
		properties: {
			list: [
				{ label: 'Running', value: 'running' },
				{ label: 'Hiking', value: 'hiking' },
				{ label: 'Yoga', value: 'yoga' },
			],
		},
	},
] as const;

/** Creates the custom fields a backend lacks; returns how many it created. */
export async function ensureCustomFields(backend: Backend): Promise<number> {
	const existing = await backend.api('GET', '/fields/contact?search=contract_&limit=100');
	const aliases = new Set(
		Object.values((existing.fields ?? {}) as Record<string, { alias: string }>).map(
			(field) => field.alias,
		),
	);
	let created = 0;
	for (const field of CUSTOM_FIELDS) {
		if (aliases.has(field.alias)) continue;
		const refused = await backend
			.api('POST', '/fields/contact/new', { ...field, group: 'core', isPublished: true })
			.then(
				() => undefined,
				(error: Error) => error,
			);
		if (!refused) created++;
		// Test files run in parallel: on a fresh instance another file may have created it
		// between our read and our write; Mautic then refuses the alias, which is what we want.
		else if (!/already using this alias/.test(refused.message)) throw new Error(refused.message);
	}
	return created;
}

let counter = 0;

/** A unique email for this run and backend. */
export function email(backend: Backend, what: string): string {
	return `${RUN_TAG}-${backend.name}-${what}-${++counter}@example.com`.toLowerCase();
}

/** A unique name for segments, groups and hooks. */
export function uniqueName(what: string): string {
	return `${what} ${RUN_TAG} ${++counter}`;
}

/** Creates one contact and returns its id. */
export async function createContact(
	backend: Backend,
	values: Record<string, unknown>,
): Promise<number> {
	const body = await backend.api('POST', '/contacts/new', values);
	return Number(body.contact.id);
}

/** Creates contacts in one batch call (at most 200); returns their ids in input order. */
export async function createContacts(
	backend: Backend,
	values: Array<Record<string, unknown>>,
): Promise<number[]> {
	const body = await backend.api('POST', '/contacts/batch/new', values);
	const byIndex = body.contacts as Record<string, { id: number }> | Array<{ id: number }>;
	return values.map((_, index) => Number((byIndex as Record<string, { id: number }>)[index]?.id));
}
