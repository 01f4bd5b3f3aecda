import { apiUrl, instanceRoot } from '../../nodes/shared/transport/baseUrl';
import { instanceRootExpression } from '../../credentials/baseUrlExpression';
import { evaluateWithSelf } from '../support/evaluateExpression';

const FORMS = [
	'https://demo.maatoo.io',
	'https://demo.maatoo.io/',
	'https://demo.maatoo.io/api',
	'https://demo.maatoo.io/api/',
	'  https://demo.maatoo.io//  ',
	'https://demo.maatoo.io/API',
];

describe('base URL normalisation', () => {
	test.each(FORMS)('"%s" means the instance root', (form) => {
		expect(instanceRoot(form)).toBe('https://demo.maatoo.io');
		expect(apiUrl(form, '/contacts/12')).toBe('https://demo.maatoo.io/api/contacts/12');
	});

	test('a Mautic installed in a sub-folder keeps its folder', () => {
		expect(apiUrl('https://example.com/mautic/', 'contacts')).toBe('https://example.com/mautic/api/contacts');
	});

	test.each(FORMS)('the credential expression applies the same rule to "%s"', (form) => {
		expect(evaluateWithSelf(instanceRootExpression('$self["url"]'), { url: form })).toBe(instanceRoot(form));
	});
});
