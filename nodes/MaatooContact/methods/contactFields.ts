import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { contactFieldCatalog } from '../../shared/contacts/contactFieldCatalog';

/** Columns that are not custom fields but can be filtered and sorted on. */
const SYSTEM_COLUMNS: INodePropertyOptions[] = [
	{ name: 'ID', value: 'id' },
	{ name: 'Date Added', value: 'date_added' },
	{ name: 'Date Modified', value: 'date_modified' },
	{ name: 'Date Identified', value: 'date_identified' },
	{ name: 'Last Active', value: 'last_active' },
	{ name: 'Owner ID', value: 'owner_id' },
	{ name: 'Points', value: 'points' },
];

/** Every contact field of the instance, label and alias, for dropdowns. */
export async function getContactFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const fields = [...(await contactFieldCatalog(this)).values()];
	return fields
		.filter((field) => field.isPublished !== false)
		.map((field) => ({
			name: `${field.label} (${field.alias})`,
			value: String(field.alias),
			description: `Type: ${field.type}`,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Fields plus the system columns, for "order by" and conditions. */
export async function getContactColumns(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const fields = await getContactFields.call(this);
	const aliases = new Set(fields.map((field) => field.value));
	return [...SYSTEM_COLUMNS.filter((column) => !aliases.has(column.value)), ...fields];
}
