import { keysInWrittenOrder, topLevelObjectKeys } from '../../nodes/shared/transport/orderedJson';

describe('server key order of id-keyed lists', () => {
	test('returns keys in the order written, not ascending', () => {
		const raw = '{"total":"3","contacts":{"42":{"id":42},"7":{"id":7},"19":{"id":19}}}';
		expect(Object.keys(JSON.parse(raw).contacts)).toEqual(['7', '19', '42']);
		expect(topLevelObjectKeys(raw, 'contacts')).toEqual(['42', '7', '19']);
	});

	test('skips strings with braces, quotes and escapes, and nested values', () => {
		const raw = `{"note":"a } \\" { [","nested":{"contacts":{"1":{}}},"contacts":{"9":{"fields":{"all":{"x":"}{\\\\"}},"tags":[{"tag":"a]"}]},"3":{"id":3}},"total":2}`;
		expect(topLevelObjectKeys(raw, 'contacts')).toEqual(['9', '3']);
	});

	test('undefined for arrays, absent properties and empty objects give no keys', () => {
		expect(topLevelObjectKeys('{"lists":[]}', 'lists')).toBeUndefined();
		expect(topLevelObjectKeys('{"total":0}', 'lists')).toBeUndefined();
		expect(topLevelObjectKeys('{"contacts":{}}', 'contacts')).toEqual([]);
		expect(topLevelObjectKeys('  {"total" : 1 , "contacts" : { "5" : { } } }', 'contacts')).toEqual(
			['5'],
		);
	});
});

describe('fast key order with a safe fallback', () => {
	const keysOf = (raw: string, property: string) =>
		keysInWrittenOrder(raw, property, Object.keys(JSON.parse(raw)[property]));

	test('the regex path reads the written order', () => {
		expect(
			keysOf('{"total":"3","contacts":{"42":{"id":42},"7":{"id":7},"19":{"id":19}}}', 'contacts'),
		).toEqual(['42', '7', '19']);
	});

	test('a nested object keyed like a listed id falls back to the full scanner', () => {
		const raw = '{"contacts":{"9":{"id":9,"extra":{"3":{"x":1}}},"3":{"id":3}}}';
		expect(keysOf(raw, 'contacts')).toEqual(['9', '3']);
	});

	test('numeric keys elsewhere in the body do not confuse it', () => {
		const raw = '{"statusCodes":{"5":{"a":1}},"contacts":{"5":{"id":5},"2":{"id":2}}}';
		expect(keysOf(raw, 'contacts')).toEqual(['5', '2']);
	});
});
