import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { contactFieldCatalog } from '../../shared/contacts/contactFieldCatalog';
import type { MauticField } from '../../shared/contacts/contactFieldTypes';

/** A field a Point Insight can write its result ("47 (Umbrellas)") into: a published text field. */
export function isInsightTarget(field: MauticField): boolean {
	return field.type === 'text' && field.isPublished !== false;
}

/** The instance's text contact fields, label and alias, for a dropdown. */
export async function getTextCustomFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const fields = [...(await contactFieldCatalog(this)).values()];
	return fields
		.filter(isInsightTarget)
		.map((field) => ({ name: `${field.label} (${field.alias})`, value: String(field.alias) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
