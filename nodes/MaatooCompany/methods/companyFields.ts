import type {
	ILoadOptionsFunctions,
	INodePropertyOptions,
	ResourceMapperFields,
} from 'n8n-workflow';
import { fieldCatalog } from '../../shared/contacts/contactFieldCatalog';
import { isWritableField, toMapperField } from '../../shared/contacts/contactFieldTypes';

/** Every writable company field of the instance, typed, for n8n's field mapper; the name first. */
export async function getCompanyFieldMapping(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const catalogue = await fieldCatalog(this, 'company');
	const fields = [...catalogue.values()]
		.filter(isWritableField)
		.map((field) => ({ ...toMapperField(field), defaultMatch: field.alias === 'companyname' }))
		.sort((a, b) =>
			a.id === 'companyname'
				? -1
				: b.id === 'companyname'
					? 1
					: a.displayName.localeCompare(b.displayName),
		);
	return { fields, emptyFieldsNotice: 'This Mautic instance reports no company fields' };
}

/** ID plus every company field, for "order by". */
export async function getCompanyColumns(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const fields = [...(await fieldCatalog(this, 'company')).values()]
		.filter((field) => field.isPublished !== false)
		.map((field) => ({
			name: `${field.label} (${field.alias})`,
			value: String(field.alias),
			description: `Type: ${field.type}`,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	return [{ name: 'ID', value: 'id' }, ...fields];
}
