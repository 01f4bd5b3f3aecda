/**
 * The two backends the contract suite runs against: the fake Mautic (always, in-process) and a
 * real Mautic (when MAUTIC_URL and friends are set, e.g. by `npm run test:real`). Tests talk to
 * either through the same small surface; nothing here depends on root or on ../shared.
 */
import { startFakeMautic } from '../fake-mautic';
import { realMauticEnvironment } from './environment';

export type BackendName = 'fake' | 'real';

/** Features a backend may lack; suite.ts names the reason printed when a check is skipped for one. */
export type Capability = 'pointInsights' | 'authorizationCode' | 'companySegments';

export interface ApiAnswer {
	status: number;
	headers: Headers;
	text: string;
	/** The parsed JSON body (undefined when the body is empty or not JSON). */
	body: unknown;
}

export type Auth = 'basic' | 'none' | { bearer: string } | { username: string; password: string };

export interface RequestOptions {
	auth?: Auth;
	/** A form-encoded body instead of JSON (the OAuth2 token endpoint). */
	form?: Record<string, string>;
}

export interface Backend {
	name: BackendName;
	url: string;
	/** Mautic's version as it reports it (the Mautic-Version header of an API answer). */
	version: string;
	admin: { username: string; password: string };
	oauthClient: { clientId: string; clientSecret: string };
	/** A raw request to the server; never throws on HTTP errors. */
	raw(method: string, path: string, body?: unknown, options?: RequestOptions): Promise<ApiAnswer>;
	/** An API call (`/api` + path) as admin; throws on HTTP errors. */
	api<T = any>(method: string, path: string, body?: unknown): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
	/** Sends queued webhooks (the fake in queued mode); a no-op where Mautic sends them at once. */
	flushWebhooks(): Promise<void>;
	/** Queues webhooks until flushWebhooks (the fake only; checks that need it run on the fake). */
	queueWebhooks(on: boolean): Promise<void>;
	close(): Promise<void>;
}

/** Why the real backend is not configured, or undefined when it is. */
export function realBackendMissing(): string | undefined {
	const { missing } = realMauticEnvironment();
	return missing.length ? `no real Mautic (${missing.join(', ')} not set)` : undefined;
}

/** A short tag unique to this run, for names and emails a real Mautic keeps between runs. */
export const RUN_TAG = `r${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

function authorization(backend: Pick<Backend, 'admin'>, auth: Auth): string | undefined {
	if (auth === 'none') return undefined;
	if (auth === 'basic') auth = backend.admin;
	if ('bearer' in auth) return `Bearer ${auth.bearer}`;
	return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
}

function parse(text: string): unknown {
	try {
		return text ? JSON.parse(text) : undefined;
	} catch {
		return undefined;
	}
}

function httpSurface(base: Omit<Backend, 'raw' | 'api'>): Backend {
	const backend = base as Backend;
	backend.raw = async (method, path, body, options = {}) => {
		const headers: Record<string, string> = { accept: 'application/json' };
		const authHeader = authorization(backend, options.auth ?? 'basic');
		if (authHeader) headers.authorization = authHeader;
		let payload: string | undefined;
		if (options.form) {
			headers['content-type'] = 'application/x-www-form-urlencoded';
			payload = new URLSearchParams(options.form).toString();
		} else if (body !== undefined) {
			headers['content-type'] = 'application/json';
			payload = JSON.stringify(body);
		}
		const response = await fetch(`${backend.url}${path}`, {
			method,
			headers,
			body: payload,
			redirect: 'manual',
		});
		const text = await response.text();
		return { status: response.status, headers: response.headers, text, body: parse(text) };
	};
	backend.api = async (method, path, body) => {
		const answer = await backend.raw(method, `/api${path}`, body);
		if (answer.status >= 400)
			throw new Error(`${method} ${path} → ${answer.status}: ${answer.text.slice(0, 500)}`);
		return answer.body as any; // eslint-disable-line @typescript-eslint/no-explicit-any
	};
	return backend;
}

/** The fake Mautic as a 5.1 instance (the version the real suite runs), on a free loopback port. */
export async function startFakeBackend(version = '5.1.0'): Promise<Backend> {
	const fake = await startFakeMautic({ version });
	return httpSurface({
		name: 'fake',
		url: fake.url,
		version,
		admin: { username: 'admin', password: 'maatoo-secret' },
		oauthClient: { clientId: '1_abc', clientSecret: 'shh' },
		flushWebhooks: async () => {
			await fake.flushWebhooks();
		},
		queueWebhooks: async (on) => fake.setConfig({ webhookMode: on ? 'queued' : 'immediate' }),
		close: async () => fake.close(),
	});
}

/** The real Mautic named by the environment; its version read from the Mautic-Version header. */
export async function connectRealBackend(): Promise<Backend> {
	const env = realMauticEnvironment();
	const backend = httpSurface({
		name: 'real',
		url: env.url,
		version: env.version,
		admin: { username: env.username, password: env.password },
		oauthClient: { clientId: env.clientId, clientSecret: env.clientSecret },
		flushWebhooks: async () => {},
		queueWebhooks: async () => {
			throw new Error('the real backend sends webhooks at once');
		},
		close: async () => {},
	});
	const self = await backend.raw('GET', '/api/users/self');
	if (self.status !== 200)
		throw new Error(
			`the real Mautic at ${backend.url} refused /api/users/self: ${self.status} ${self.text.slice(0, 300)}`,
		);
	const reported = (await backend.raw('GET', '/api/contacts?limit=1')).headers.get(
		'mautic-version',
	);
	backend.version = reported ?? backend.version;
	return backend;
}
