import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { itemParameter } from '../../shared/parameters/itemParameters';

/** Every field alias with its value: `fields.all`, or the grouped fields when it is missing. */
export function companyFieldValues(company: IDataObject): IDataObject {
	const fields = (company.fields ?? {}) as IDataObject;
	const all = fields.all;
	if (all && typeof all === 'object' && !Array.isArray(all)) return { ...(all as IDataObject) };
	const values: IDataObject = {};
	for (const [group, groupFields] of Object.entries(fields)) {
		if (group === 'all' || !groupFields || typeof groupFields !== 'object') continue;
		if (Array.isArray(groupFields)) continue;
		for (const [alias, field] of Object.entries(groupFields as Record<string, IDataObject>)) {
			values[alias] = field && typeof field === 'object' ? (field.value ?? null) : field;
		}
	}
	return values;
}

/**
 * The flat company: id, name, every field alias with its value, and score. Mautic 5.1 does not
 * serialise a company's owner or dates, so they cannot be shown.
 */
export function simplifyCompany(company: IDataObject): IDataObject {
	const values = companyFieldValues(company);
	delete values.id;
	return {
		id: company.id ?? null,
		name: values.companyname ?? null,
		...values,
		...(company.score !== undefined ? { score: company.score } : {}),
	};
}

export const simplifyCompanyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return a flat object (ID, name, every company field with its value, score) instead of the raw data from Mautic',
};

/** The company as the user asked for it: flat by default, Mautic's raw shape on request. */
export function companyOutput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	company: IDataObject,
): IDataObject {
	return itemParameter(ctx, 'simplify', itemIndex, true) ? simplifyCompany(company) : company;
}
