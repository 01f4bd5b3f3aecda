import { parseDateInput } from '../../nodes/shared/parameters/dateInput';

describe('parseDateInput: ISO dates only, real calendar days', () => {
	test.each([
		['2026-01-31', '2026-01-31T00:00:00.000Z'],
		['2026-11-30T14:45:30.000Z', '2026-11-30T14:45:30.000Z'],
		['2026-01-31 10:00Z', '2026-01-31T10:00:00.000Z'],
		['2026-01-31T10:00:00+0130', '2026-01-31T08:30:00.000Z'],
		['2024-02-29', '2024-02-29T00:00:00.000Z'],
	])('%s', (given, expected) => {
		expect(parseDateInput(given)?.toISOString()).toBe(expected);
	});

	test('a Luxon DateTime (toJSDate) and a Date from an expression', () => {
		expect(
			parseDateInput({ toJSDate: () => new Date('2026-03-01T10:00:00+02:00') })?.toISOString(),
		).toBe('2026-03-01T08:00:00.000Z');
		expect(parseDateInput(new Date(0))?.toISOString()).toBe('1970-01-01T00:00:00.000Z');
	});

	test.each([
		'2026-02-30',
		'2025-02-29',
		'2026-13-01',
		'2026-01-31T24:00',
		'2026-01-31T10:60',
		'tuesday 5',
		'12',
		'a 2020',
		'',
		'yesterday',
	])('refuses %p', (given) => {
		expect(parseDateInput(given)).toBeUndefined();
	});

	test('refuses what is no date', () => {
		expect(parseDateInput(1700000000000)).toBeUndefined();
		expect(parseDateInput(new Date('nope'))).toBeUndefined();
		expect(parseDateInput({})).toBeUndefined();
	});
});
