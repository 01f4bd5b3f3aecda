import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';
import { contactFieldCatalog } from '../../shared/contacts/contactFieldCatalog';
import { isWritableField, toMapperField } from '../../shared/contacts/contactFieldTypes';

/** Every writable contact field of the instance, typed, for n8n's field mapper. */
export async function getContactFieldMapping(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const catalogue = await contactFieldCatalog(this);
	const fields = [...catalogue.values()]
		.filter(isWritableField)
		.map(toMapperField)
		.sort((a, b) =>
			a.id === 'email' ? -1 : b.id === 'email' ? 1 : a.displayName.localeCompare(b.displayName),
		);
	return { fields, emptyFieldsNotice: 'This Mautic instance reports no contact fields' };
}
