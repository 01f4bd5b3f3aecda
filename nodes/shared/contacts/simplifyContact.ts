import type { IDataObject } from 'n8n-workflow';

const FIELD_GROUPS = ['core', 'social', 'personal', 'professional'];

/**
 * Every field alias with its value. The API sends `fields.all`; webhook payloads leave it out
 * and carry only the grouped fields, so fall back to those.
 */
export function contactFieldValues(contact: IDataObject): IDataObject {
	const fields = (contact.fields ?? {}) as IDataObject;
	if (fields.all && typeof fields.all === 'object' && !Array.isArray(fields.all)) {
		return { ...(fields.all as IDataObject) };
	}
	const values: IDataObject = {};
	for (const group of FIELD_GROUPS) {
		const groupFields = fields[group];
		if (!groupFields || typeof groupFields !== 'object' || Array.isArray(groupFields)) continue;
		for (const [alias, field] of Object.entries(groupFields as Record<string, IDataObject>)) {
			values[alias] = field && typeof field === 'object' ? (field.value ?? null) : field;
		}
	}
	return values;
}

function tagNames(tags: unknown): string[] {
	if (!Array.isArray(tags)) return [];
	return tags
		.map((tag) => (typeof tag === 'string' ? tag : (tag as IDataObject)?.tag))
		.filter((tag): tag is string => typeof tag === 'string');
}

function ownerOf(owner: unknown): IDataObject {
	if (!owner || typeof owner !== 'object') return { ownerId: null, owner: null };
	const record = owner as IDataObject;
	const name = [record.firstName, record.lastName].filter(Boolean).join(' ');
	return { ownerId: record.id ?? null, owner: name || (record.username as string) || null };
}

/**
 * The flat contact workflow builders want: id, every field alias with its value, points, tag
 * names, owner, stage and dates. `minimal` contacts have no tags or owner; those keys are then
 * left out rather than reported empty.
 */
export function simplifyContact(contact: IDataObject): IDataObject {
	const simplified: IDataObject = { id: contact.id ?? null, ...contactFieldValues(contact) };
	simplified.id = contact.id ?? simplified.id ?? null;
	if (contact.points !== undefined) simplified.points = contact.points;
	if (contact.tags !== undefined) simplified.tags = tagNames(contact.tags);
	if (contact.owner !== undefined) Object.assign(simplified, ownerOf(contact.owner));
	if (contact.stage !== undefined) {
		simplified.stage = (contact.stage as IDataObject | null)?.name ?? null;
	}
	for (const key of ['dateAdded', 'dateModified', 'dateIdentified', 'lastActive']) {
		if (contact[key] !== undefined) simplified[key] = contact[key];
	}
	return simplified;
}
