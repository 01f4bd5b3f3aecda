/**
 * A date or date and time as a dateTime parameter or an expression gives it: ISO 8601
 * (`2026-01-31`, `2026-01-31T10:00`, `2026-01-31 10:00:00`, with seconds, fractions, `Z` or an
 * offset), a JavaScript Date or a Luxon DateTime. Anything else is undefined: JavaScript's own
 * parser reads "tuesday 5" as 2001-05-01 and 2026-02-30 as March 2, which must not be sent.
 * A date alone is midnight UTC; a date and time without a zone is read as `new Date` reads it.
 */
const ISO =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

function isCalendarDay(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

export function parseDateInput(value: unknown): Date | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
	if (typeof value === 'object' && value !== null && 'toJSDate' in value) {
		const toJSDate = (value as { toJSDate: unknown }).toJSDate;
		if (typeof toJSDate === 'function') return parseDateInput(toJSDate.call(value));
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const match = ISO.exec(text);
	if (!match) return undefined;
	const [, year, month, day, hour, minute, second, fraction, zone] = match;
	if (!isCalendarDay(Number(year), Number(month), Number(day))) return undefined;
	if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59))
		return undefined;
	if (zone && !/^z$/i.test(zone)) {
		const [hours, minutes] = [zone.slice(1, 3), zone.slice(-2)].map(Number);
		if (hours > 23 || minutes > 59) return undefined;
	}
	const date =
		hour === undefined
			? new Date(`${year}-${month}-${day}T00:00:00${zone ? normalZone(zone) : 'Z'}`)
			: new Date(
					`${year}-${month}-${day}T${hour}:${minute}:${second ?? '00'}${fraction ? fraction.slice(0, 4) : ''}${zone ? normalZone(zone) : ''}`,
				);
	return Number.isNaN(date.getTime()) ? undefined : date;
}

function normalZone(zone: string): string {
	return /^z$/i.test(zone) ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
}
