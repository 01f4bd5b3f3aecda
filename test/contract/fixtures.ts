import { sleep } from 'n8n-workflow';
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

/** Whether a contact field with this alias exists, waiting up to `seconds` for it to appear. */
async function fieldAppears(backend: Backend, alias: string, seconds: number): Promise<boolean> {
	for (let waited = 0; ; waited++) {
		const found = await backend.api('GET', `/fields/contact?search=${alias}&limit=100`);
		const fields = Object.values((found.fields ?? {}) as Record<string, { alias: string }>);
		if (fields.some((existing) => existing.alias === alias)) return true;
		if (waited >= seconds) return false;
		await sleep(1000);
	}
}

/**
 * Creates one field; true when this call created it. Test files run in parallel, so on a fresh
 * instance another file may be creating the same field: Mautic then answers 400 "alias in use",
 * or 500 when the two schema changes collide. Either way, wait for the field to appear, and
 * create it again only if it does not.
 */
async function createField(
	backend: Backend,
	field: (typeof CUSTOM_FIELDS)[number],
): Promise<boolean> {
	let lastRefusal = '';
	for (let attempt = 0; attempt < 3; attempt++) {
		const refused = await backend
			.api('POST', '/fields/contact/new', { ...field, group: 'core', isPublished: true })
			.then(
				() => undefined,
				(error: Error) => error,
			);
		if (!refused) return true;
		lastRefusal = refused.message;
		if (await fieldAppears(backend, field.alias, 20)) return false;
	}
	throw new Error(`Could not create the field ${field.alias}: ${lastRefusal}`);
}

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
		if (await createField(backend, field)) created++;
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
