import type { IDataObject } from 'n8n-workflow';

// JSON strings and scalars, written out so the patterns can only match complete values.
const STRING = '"[^"\\\\]*(?:\\\\.[^"\\\\]*)*"';
const SCALAR = `(?:${STRING}|-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|null|true|false)`;

/**
 * A grouped field's metadata object, e.g. `{"id":"6","label":"Email","alias":"email",
 * "type":"email","group":"core",…,"value":"a@b.c","normalizedValue":"a@b.c"}`: it starts with
 * these five keys and holds plain values only, so a match is always one whole JSON object.
 */
const FIELD_ENTRY = `\\{"id":(?:"\\d+"|\\d+),"label":${STRING},"alias":${STRING},"type":${STRING},"group":${STRING}(?:,${STRING}:${SCALAR})*\\}`;

/** A whole field group (`"core":{…}`'s value), or else a single entry (e.g. in a group with an entry of another shape). */
const GROUP_OR_ENTRY = new RegExp(
	`\\{${STRING}:${FIELD_ENTRY}(?:,${STRING}:${FIELD_ENTRY})*\\}|${FIELD_ENTRY}`,
	'g',
);

/**
 * Mautic sends every field of a contact twice: in its group with its metadata (label, type,
 * properties, value, normalised value) and flat in `fields.all`. Simplified contacts read only
 * `fields.all`, so the grouped copies are replaced by 0 before parsing: a list page of 500
 * contacts shrinks to a seventh and parses several times faster.
 *
 * Every match is a complete JSON object of plain values (no match can begin inside a string,
 * whose quotes are escaped), so the text stays valid JSON with every other value untouched; an
 * entry of another shape is left as it is.
 */
export function compactGroupedFields(rawText: string): string {
	try {
		return rawText.replace(GROUP_OR_ENTRY, '0');
	} catch {
		// V8 gives up on a field value of many megabytes (its regex stack); parse that page whole.
		return rawText;
	}
}

/** Whether a contact carries its flat field values, the ones a compacted page keeps. */
export function hasFlatFields(contact: IDataObject): boolean {
	const fields = contact.fields as IDataObject | undefined;
	return (
		!!fields && typeof fields.all === 'object' && fields.all !== null && !Array.isArray(fields.all)
	);
}

/** For lists whose rows are simplified: compact each page, parse it whole after all if a row lacks `fields.all`. */
export const compactContactList = { text: compactGroupedFields, isComplete: hasFlatFields };
