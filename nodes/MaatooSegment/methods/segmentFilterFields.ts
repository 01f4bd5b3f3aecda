import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { contactFieldCatalog, fieldCatalog } from '../../shared/contacts/contactFieldCatalog';
import type { MauticField } from '../../shared/contacts/contactFieldTypes';
import type { MauticContext } from '../../shared/transport';

/** Where a segment filter's field lives: Mautic's filter `object`. */
export type FilterObject = 'lead' | 'company';

export interface SegmentFilterField {
	alias: string;
	label: string;
	/** Mautic's field type, sent as the filter's `type`. */
	type: string;
	object: FilterObject;
}

export interface SegmentFilterCatalog {
	lead: Map<string, MauticField>;
	company: Map<string, MauticField>;
}

/** The instance's company fields, fetched once per run, like contact fields. */
export function companyFieldCatalog(context: MauticContext): Promise<Map<string, MauticField>> {
	return fieldCatalog(context, 'company');
}

/** Contact and company fields a segment can filter on. */
export async function segmentFilterCatalog(context: MauticContext): Promise<SegmentFilterCatalog> {
	const [lead, company] = await Promise.all([
		contactFieldCatalog(context),
		companyFieldCatalog(context),
	]);
	return { lead, company };
}

const OBJECT_PREFIX = /^(lead|contact|company)[:.](.+)$/i;

/**
 * The field a filter names: a contact field alias, a company field alias, or `company:alias` /
 * `contact:alias` when an alias exists on both objects. Unpublished fields are not offered by
 * Mautic's segment builder and are treated as unknown.
 */
export function findFilterField(
	catalog: SegmentFilterCatalog,
	name: string,
): SegmentFilterField | undefined {
	const prefixed = name.trim().match(OBJECT_PREFIX);
	const alias = prefixed ? prefixed[2] : name.trim();
	const objects: FilterObject[] = prefixed
		? [prefixed[1].toLowerCase() === 'company' ? 'company' : 'lead']
		: ['lead', 'company'];
	for (const object of objects) {
		const field = catalog[object].get(alias);
		if (field && field.isPublished !== false) {
			return { alias: field.alias, label: field.label, type: field.type, object };
		}
	}
	return undefined;
}

/** Every published contact and company field, for the filter's Field dropdown. */
export async function getSegmentFilterFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const catalog = await segmentFilterCatalog(this);
	const options: INodePropertyOptions[] = [];
	for (const object of ['lead', 'company'] as FilterObject[]) {
		const other = catalog[object === 'lead' ? 'company' : 'lead'];
		for (const field of catalog[object].values()) {
			if (field.isPublished === false) continue;
			// An alias both objects use needs the object named, or it would mean the contact field.
			const value =
				object === 'company' && other.has(field.alias) ? `company:${field.alias}` : field.alias;
			options.push({
				name: `${object === 'lead' ? 'Contact' : 'Company'}: ${field.label} (${field.alias})`,
				value,
				description: `Type: ${field.type}`,
			});
		}
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}
