import { NodeApiError } from 'n8n-workflow';
import { mauticRequest } from '../../nodes/shared/transport';
import { lastSeenMauticVersion } from '../../nodes/shared/transport/mauticVersion';
import { stubContext } from '../support/stubContext';

jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async () => undefined),
}));

describe('the one request helper', () => {
	test('builds the URL under /api from any Base URL form, sends JSON, reads the version', async () => {
		const { ctx, calls } = stubContext(() => ({
			body: { contact: { id: 1 } },
			headers: { 'mautic-version': '7.0.1' },
		}));
		const response = await mauticRequest(ctx, {
			method: 'POST',
			path: '/contacts/new',
			body: { email: 'a@b.c' },
		});
		expect(calls[0].url).toBe('https://demo.maatoo.io/api/contacts/new');
		expect(calls[0].body).toBe('{"email":"a@b.c"}');
		expect(calls[0].headers).toMatchObject({
			Accept: 'application/json',
			'Content-Type': 'application/json',
		});
		expect(calls[0].timeout).toBeGreaterThan(0);
		expect(response.body).toEqual({ contact: { id: 1 } });
		expect(lastSeenMauticVersion(ctx)).toBe('7.0.1');
	});

	test('a 404 becomes a NodeApiError naming the entity, without secrets', async () => {
		const { ctx } = stubContext(() => ({
			status: 404,
			body: { errors: [{ code: 404, message: 'Item was not found.', details: [], type: null }] },
		}));
		const error = await mauticRequest(
			ctx,
			{ method: 'GET', path: '/contacts/9', entity: { label: 'contact', id: 9 } },
			3,
		).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('The contact 9 does not exist');
		expect(error.httpCode).toBe('404');
		expect(error.context.itemIndex).toBe(3);
		expect(JSON.stringify(error)).not.toContain('c2VjcmV0');
		expect(JSON.stringify(error.cause ?? {})).not.toContain('c2VjcmV0');
	});

	test('200 with an errors envelope is a failure', async () => {
		const { ctx } = stubContext(() => ({
			body: { errors: [{ code: 400, message: 'name: A name is required.' }] },
		}));
		await expect(
			mauticRequest(ctx, { method: 'POST', path: '/segments/new', body: {} }),
		).rejects.toThrow('Mautic rejected the data: name: A name is required.');
	});

	test('HTML instead of JSON is a failure that points at the Base URL', async () => {
		const { ctx } = stubContext(() => ({ raw: '<html><body>Welcome</body></html>' }));
		await expect(mauticRequest(ctx, { method: 'GET', path: '/contacts' })).rejects.toThrow(
			'web page',
		);
	});

	test('retries a GET on 503 and 429, then succeeds', async () => {
		const { ctx, calls } = stubContext((_, index) =>
			index === 0
				? { status: 503 }
				: index === 1
					? { status: 429, headers: { 'retry-after': '1' } }
					: { body: { ok: 1 } },
		);
		const response = await mauticRequest(ctx, { method: 'GET', path: '/contacts' });
		expect(response.body).toEqual({ ok: 1 });
		expect(calls).toHaveLength(3);
	});

	test('retries a connection reset on an idempotent request', async () => {
		const { ctx, calls } = stubContext((_, index) =>
			index === 0 ? { networkCode: 'ECONNRESET' } : { body: { ok: 1 } },
		);
		await mauticRequest(ctx, {
			method: 'PATCH',
			path: '/contacts/1/edit',
			body: { firstname: 'x' },
		});
		expect(calls).toHaveLength(2);
	});

	test('with OAuth2 n8n throws on error statuses (so it can refresh on 401); the body is still read', async () => {
		const { ctx, calls } = stubContext(
			() => ({ status: 404, body: { errors: [{ code: 404, message: 'Contact not found.' }] } }),
			{},
			{ authentication: 'oAuth2' },
		);
		const error = await mauticRequest(ctx, {
			method: 'GET',
			path: '/contacts/5',
			entity: { label: 'contact', id: 5 },
		}).catch((e) => e);
		expect(calls[0].ignoreHttpStatusErrors).toBe(false);
		expect(error.message).toBe('The contact 5 does not exist');
		expect(error.description).toContain('Contact not found.');
		expect(JSON.stringify(error)).not.toContain('c2VjcmV0');
	});

	test('never retries a POST that is not marked safe to repeat', async () => {
		const { ctx, calls } = stubContext(() => ({ status: 503 }));
		await expect(
			mauticRequest(ctx, { method: 'POST', path: '/contacts/1/points/plus/10' }),
		).rejects.toThrow('internal error');
		expect(calls).toHaveLength(1);
	});

	test('gives up after max retries', async () => {
		const { ctx, calls } = stubContext(() => ({ status: 502 }));
		await expect(
			mauticRequest(ctx, { method: 'GET', path: '/contacts', maxRetries: 2 }),
		).rejects.toThrow('HTTP 502');
		expect(calls).toHaveLength(3);
	});

	test('rejects a Base URL that is not http(s)', async () => {
		const { ctx } = stubContext(() => ({ body: {} }), {}, { url: 'demo.maatoo.io' });
		await expect(mauticRequest(ctx, { method: 'GET', path: '/contacts' })).rejects.toThrow(
			'is not an http(s) address',
		);
	});
});
