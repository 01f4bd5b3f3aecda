import { apiUrl, baseUrlProblem, instanceRoot } from '../../nodes/shared/transport/baseUrl';
import { instanceRootExpression, REFUSED_BASE_URL } from '../../credentials/baseUrlExpression';
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
		expect(apiUrl('https://example.com/mautic/', 'contacts')).toBe(
			'https://example.com/mautic/api/contacts',
		);
	});

	test.each(FORMS)('the credential expression applies the same rule to "%s"', (form) => {
		expect(evaluateWithSelf(instanceRootExpression('$self["url"]'), { url: form })).toBe(
			instanceRoot(form),
		);
	});
});

describe('Base URLs that are refused', () => {
	const REFUSED = [
		'https://user:secret@demo.maatoo.io',
		'https://user@demo.maatoo.io/api',
		'https://demo.maatoo.io/?x=1',
		'https://demo.maatoo.io/api#top',
		'https:\\\\user:pw@host.example',
		'https:user:pw@host.example',
		'https:/\\user:pw@host.example',
		'ftp://demo.maatoo.io',
	];

	test.each(REFUSED)('"%s" is refused by the request helper, without repeating it', (form) => {
		const problem = baseUrlProblem(form);
		expect(problem).toMatch(
			/user name or password|query \(\?\) or fragment|not an http\(s\) address/,
		);
		expect(problem).not.toMatch(/secret|pw/);
	});

	test.each(REFUSED)(
		'the credential expression turns "%s" into an address that names the problem',
		(form) => {
			expect(evaluateWithSelf(instanceRootExpression('$self["url"]'), { url: form })).toBe(
				REFUSED_BASE_URL,
			);
		},
	);

	test.each(FORMS)('"%s" stays usable', (form) => {
		expect(baseUrlProblem(form)).toBeUndefined();
		expect(evaluateWithSelf(instanceRootExpression('$self["url"]'), { url: form })).not.toBe(
			REFUSED_BASE_URL,
		);
	});
});

test.each([
	'https:\\\\user:pw@host.example',
	'https:user:pw@host.example',
	'ftp://user:pw@host',
	'https://host.example\\@evil.example',
	'HTTPS://HOST.example.',
	'https://host.example:443',
	'http://[::1]:8080',
	'https://host.example/mautic',
	'https://demo.maatoo.io?x',
])('the credential expression and the request helper agree on "%s"', (form) => {
	const credentialRefuses =
		evaluateWithSelf(instanceRootExpression('$self["url"]'), { url: form }) === REFUSED_BASE_URL;
	expect(credentialRefuses).toBe(baseUrlProblem(form) !== undefined);
});
