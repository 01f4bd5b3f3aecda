import type {
	FieldType,
	IDataObject,
	INodePropertyOptions,
	ResourceMapperField,
} from 'n8n-workflow';

/** A Mautic field definition as `/fields/contact` reports it (the parts we use). */
export interface MauticField {
	alias: string;
	label: string;
	type: string;
	isRequired?: boolean;
	isPublished?: boolean;
	isUniqueIdentifier?: boolean;
	properties?: IDataObject | unknown[];
}

/** Fields Mautic computes or manages through other endpoints: never sent as field values. */
const NOT_WRITABLE = new Set(['points', 'last_active', 'id']);

const N8N_TYPE: Record<string, FieldType> = {
	number: 'number',
	boolean: 'boolean',
	date: 'dateTime',
	datetime: 'dateTime',
	time: 'time',
	select: 'options',
	multiselect: 'array',
	url: 'string',
};

/** Options of a select field: Mautic stores them as `properties.list`, a list or "a|b" text. */
export function fieldOptions(field: MauticField): INodePropertyOptions[] {
	const list = (field.properties as IDataObject | undefined)?.list;
	const entries: Array<{ label: string; value: string }> = Array.isArray(list)
		? (list as Array<IDataObject | string>).map((entry) =>
				typeof entry === 'string'
					? { label: entry, value: entry }
					: {
							label: String(entry.label ?? entry.value),
							value: String(entry.value ?? entry.label),
						},
			)
		: typeof list === 'string'
			? list
					.split('|')
					.filter(Boolean)
					.map((value) => ({ label: value, value }))
			: [];
	return entries.map(({ label, value }) => ({ name: label, value }));
}

export function isWritableField(field: MauticField): boolean {
	return !NOT_WRITABLE.has(field.alias) && field.isPublished !== false;
}

/** How a Mautic field appears in n8n's field mapper. */
export function toMapperField(field: MauticField): ResourceMapperField {
	const type = N8N_TYPE[field.type] ?? 'string';
	return {
		id: field.alias,
		displayName: `${field.label} (${field.alias})`,
		required: false,
		defaultMatch: field.alias === 'email',
		canBeUsedToMatch: Boolean(field.isUniqueIdentifier),
		display: true,
		type,
		...(type === 'options' ? { options: fieldOptions(field) } : {}),
	};
}

const pad = (value: number) => String(value).padStart(2, '0');

/** What a value must become for Mautic; from the live field list or from the mapper's saved schema. */
export interface FieldKind {
	kind:
		| 'text'
		| 'email'
		| 'number'
		| 'boolean'
		| 'date'
		| 'datetime'
		| 'dateOrDateTime'
		| 'select'
		| 'multiselect';
	/** Allowed values of select and multiselect fields, when known. */
	options?: string[];
}

export function kindOfMauticField(field: MauticField): FieldKind {
	const options = fieldOptions(field).map((option) => String(option.value));
	switch (field.type) {
		case 'number':
		case 'boolean':
		case 'date':
		case 'datetime':
		case 'select':
		case 'multiselect':
		case 'email':
			return { kind: field.type, options };
		default:
			return { kind: 'text' };
	}
}

/**
 * The mapper's saved schema knows n8n types only: Mautic date and date-time fields are both
 * `dateTime` there, so those values are sent in a form either field type reads correctly.
 */
export function kindOfMapperField(field: ResourceMapperField): FieldKind {
	const options = field.options?.map((option) => String(option.value));
	if (field.id === 'email') return { kind: 'email' };
	switch (field.type) {
		case 'number':
			return { kind: 'number' };
		case 'boolean':
			return { kind: 'boolean' };
		case 'dateTime':
			return { kind: 'dateOrDateTime' };
		case 'options':
			return { kind: 'select', options };
		case 'array':
			return { kind: 'multiselect', options };
		default:
			return { kind: 'text' };
	}
}

interface DateParts {
	day: string;
	time: string;
	/** The value carried no time of day (a plain date, or midnight). */
	dateOnly: boolean;
}

function dateParts(value: unknown): DateParts | undefined {
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
		return { day: value.trim(), time: '00:00:00', dateOnly: true };
	}
	const luxon = value as {
		toISO?: () => string;
		toFormat?: (format: string) => string;
		toUTC?: () => unknown;
	} | null;
	if (
		luxon &&
		typeof luxon === 'object' &&
		typeof luxon.toFormat === 'function' &&
		typeof luxon.toUTC === 'function'
	) {
		// A luxon DateTime, as n8n's field validation produces: a date typed in the UI is local midnight.
		const localTime = luxon.toFormat('HH:mm:ss.SSS');
		if (localTime === '00:00:00.000')
			return { day: luxon.toFormat('yyyy-MM-dd'), time: '00:00:00', dateOnly: true };
		const utc = luxon.toUTC() as { toFormat: (format: string) => string };
		return { day: utc.toFormat('yyyy-MM-dd'), time: utc.toFormat('HH:mm:ss'), dateOnly: false };
	}
	const date =
		value instanceof Date
			? value
			: typeof value === 'string' || typeof value === 'number'
				? new Date(value)
				: undefined;
	if (!date || Number.isNaN(date.getTime())) return undefined;
	const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
	const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
	return { day, time, dateOnly: false };
}

export class FieldValueError extends Error {}

function checkOptions(kind: FieldKind, values: string[]): void {
	if (!kind.options || kind.options.length === 0) return;
	const unknown = values.filter((value) => !kind.options!.includes(value));
	if (unknown.length > 0) {
		throw new FieldValueError(
			`has ${unknown.map((value) => `"${value}"`).join(', ')}, which is not an option (options: ${kind.options.map((option) => `"${option}"`).join(', ')})`,
		);
	}
}

/**
 * The value Mautic expects, from whatever the workflow supplies: numbers as numbers, booleans as
 * 1/0, dates as `Y-m-d`, date-times as `Y-m-d H:i:s` in UTC, multiselect as a list. Empty values
 * stay empty (Mautic ignores them unless "Overwrite With Blank" is on).
 */
export function toMauticValue(kind: FieldKind, value: unknown): unknown {
	if (value === null || value === undefined || value === '') return value;
	switch (kind.kind) {
		case 'number': {
			const number = typeof value === 'number' ? value : Number(String(value).trim());
			if (!Number.isFinite(number))
				throw new FieldValueError(`needs a number, got "${String(value)}"`);
			return number;
		}
		case 'boolean': {
			const text = String(value).trim().toLowerCase();
			if (value === true || ['true', '1', 'yes', 'y', 'on'].includes(text)) return 1;
			if (value === false || ['false', '0', 'no', 'n', 'off'].includes(text)) return 0;
			throw new FieldValueError(`needs yes or no, got "${String(value)}"`);
		}
		case 'date':
		case 'datetime':
		case 'dateOrDateTime': {
			const parts = dateParts(value);
			if (!parts) throw new FieldValueError(`needs a date, got "${String(value)}"`);
			if (kind.kind === 'date' || (kind.kind === 'dateOrDateTime' && parts.dateOnly))
				return parts.day;
			return `${parts.day} ${parts.time}`;
		}
		case 'select': {
			const text = String(value);
			checkOptions(kind, [text]);
			return text;
		}
		case 'multiselect': {
			const values = (Array.isArray(value) ? value : String(value).split(/[|,]/))
				.map((entry) => String(entry).trim())
				.filter(Boolean);
			checkOptions(kind, values);
			return values;
		}
		case 'email': {
			const text = String(value).trim();
			if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text))
				throw new FieldValueError(`needs an email address, got "${text}"`);
			return text;
		}
		default:
			return typeof value === 'object' ? JSON.stringify(value) : String(value);
	}
}
