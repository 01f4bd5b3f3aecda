import { describeFailure } from '../../nodes/shared/transport/describeFailure';
import { failureFromError } from '../../nodes/shared/transport/failure';

const contact12 = { method: 'GET', path: '/contacts/12', entity: { label: 'contact', id: 12 } };

function envelope(
	code: number,
	message: string,
	details: unknown = [],
	type: string | null = null,
) {
	return { errors: [{ code, message, details, type }] };
}

describe('turning Mautic failures into actionable errors', () => {
	test('API disabled names the setting to change', () => {
		const body = {
			errors: [
				{
					message:
						"API disabled. You need to enable the API in the API settings of Mautic's Configuration.",
					code: 403,
					type: 'api_disabled',
				},
			],
		};
		const result = describeFailure({ status: 403, body }, contact12, 'basicAuth');
		expect(result.message).toBe('The Mautic API is disabled on this instance');
		expect(result.description).toContain('API Settings');
	});

	test('Basic auth disabled suggests enabling it or using OAuth2', () => {
		const body = {
			errors: [
				{
					message:
						"Basic Auth disabled. You need to enable HTTP basic auth in the API settings of Mautic's Configuration.",
					code: 403,
					type: 'access_denied',
				},
			],
		};
		const result = describeFailure({ status: 403, body }, contact12, 'basicAuth');
		expect(result.message).toBe('HTTP basic auth is disabled on this Mautic instance');
		expect(result.description).toContain('OAuth2');
	});

	test('401 advice depends on the credential type', () => {
		const body = {
			errors: [
				{ message: 'Authorization denied, invalid credentials.', code: 401, type: 'access_denied' },
			],
		};
		expect(describeFailure({ status: 401, body }, contact12, 'basicAuth').description).toContain(
			'username and password',
		);
		expect(describeFailure({ status: 401, body }, contact12, 'oAuth2').description).toContain(
			'reconnect',
		);
	});

	test('403 on other resources explains permissions and the segment rule', () => {
		const body = envelope(403, 'You do not have access to the requested area/action.');
		const result = describeFailure(
			{ status: 403, body },
			{ method: 'POST', path: '/segments/3/contact/1/add', entity: { label: 'segment', id: 3 } },
			'basicAuth',
		);
		expect(result.message).toBe('Mautic denied access to segment 3 (403)');
		expect(result.description).toContain('global');
	});

	test('404 names the entity and id', () => {
		const result = describeFailure(
			{ status: 404, body: envelope(404, 'Item was not found.') },
			contact12,
			'basicAuth',
		);
		expect(result.message).toBe('The contact 12 does not exist');
	});

	test('404 without an entity is a missing route', () => {
		const result = describeFailure(
			{ status: 404, body: envelope(404, 'Requested URL not found: /api/points/insights') },
			{ method: 'GET', path: '/points/insights' },
			'basicAuth',
		);
		expect(result.message).toBe('Mautic has no API route GET /api/points/insights (404)');
	});

	test('validation errors list every field', () => {
		const body = envelope(400, 'email: foo is invalid., firstname: too long', {
			email: ['foo is invalid.'],
			firstname: ['too long'],
		});
		const result = describeFailure(
			{ status: 400, body },
			{ method: 'POST', path: '/contacts/new' },
			'basicAuth',
		);
		expect(result.message).toBe(
			'Mautic rejected the data: email: foo is invalid., firstname: too long',
		);
		expect(result.description).toContain('Field "email": foo is invalid.');
		expect(result.description).toContain('Field "firstname": too long');
	});

	test('422 unique clash is a validation error too', () => {
		const body = envelope(422, 'email: This field must be unique.', {
			email: ['This field must be unique.'],
		});
		expect(describeFailure({ status: 422, body }, contact12, 'basicAuth').message).toContain(
			'must be unique',
		);
	});

	test('batch limit points at the batch size option', () => {
		const body = envelope(500, 'A max of 200 entities are supported at a time.');
		const result = describeFailure(
			{ status: 500, body },
			{ method: 'POST', path: '/contacts/batch/new' },
			'basicAuth',
		);
		expect(result.message).toContain('Batch too large');
		expect(result.description).toContain('Batch Size');
	});

	test('an HTML page means the Base URL is wrong', () => {
		const result = describeFailure(
			{ status: 200, body: '<!DOCTYPE html><html><body>Login</body></html>' },
			contact12,
			'basicAuth',
		);
		expect(result.message).toContain('web page');
		expect(result.description).toContain('Base URL');
	});

	test('an empty body is reported as such', () => {
		expect(describeFailure({ status: 200, body: undefined }, contact12, 'basicAuth').message).toBe(
			'Mautic answered HTTP 200 with an empty body',
		);
	});

	test('connection errors say what happened', () => {
		const result = describeFailure({ networkCode: 'ECONNREFUSED' }, contact12, 'basicAuth');
		expect(result.message).toBe(
			'Could not reach Mautic: the server refused the connection (is the Base URL right and the server up?) (ECONNREFUSED)',
		);
	});

	test('server errors and rate limits', () => {
		expect(describeFailure({ status: 503, body: undefined }, contact12, 'basicAuth').message).toBe(
			'Mautic had an internal error (HTTP 503)',
		);
		expect(
			describeFailure({ status: 429, body: undefined }, contact12, 'basicAuth').message,
		).toContain('rate limiting');
	});
});

describe('reading failures out of what n8n throws', () => {
	test('a NodeApiError-like wrapper around an axios error', () => {
		const axiosError = {
			isAxiosError: true,
			response: {
				status: 404,
				data: '{"errors":[{"code":404,"message":"Item was not found."}]}',
				headers: { 'Mautic-Version': '5.1.1' },
			},
			config: { auth: { username: 'admin', password: 'very-secret' } },
		};
		const failure = failureFromError({ message: 'wrapped', cause: axiosError, httpCode: '404' });
		expect(failure).toEqual({
			status: 404,
			body: { errors: [{ code: 404, message: 'Item was not found.' }] },
			headers: { 'mautic-version': '5.1.1' },
		});
		expect(JSON.stringify(failure)).not.toContain('very-secret');
	});

	test('a connection error without response', () => {
		const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
			code: 'ECONNREFUSED',
		});
		expect(failureFromError(error)).toEqual({
			networkCode: 'ECONNREFUSED',
			networkMessage: 'connect ECONNREFUSED 127.0.0.1:1',
		});
	});
});
