/**
 * Declares the same checks once per backend. Titles carry the kind and backend
 * (`contract [real] Contacts › ...`) so test/contract/summaryReporter.js can count them, and a
 * skipped check carries its reason in its title: `... (skipped: <reason>)`.
 */
import type { Backend, BackendName, Capability } from './backends';
import { connectRealBackend, realBackendMissing, startFakeBackend } from './backends';
import { realMauticEnvironment } from './environment';

export type SuiteKind = 'contract' | 'nodes';

export interface CheckOptions {
	/** Skipped (with the reason) on a backend whose Mautic lacks this. */
	needs?: Capability;
	/** Runs on this backend only; the other skips with `reason`. */
	only?: { backend: BackendName; reason: string };
	timeout?: number;
}

export interface SuiteContext {
	name: BackendName;
	/** The backend, connected in beforeAll. */
	backend(): Backend;
	check(title: string, fn: () => Promise<void>, options?: CheckOptions): void;
}

const FAKE_DEFAULT_VERSION = '5.1.0';

/** The version a backend will report, known before connecting (tests are declared synchronously). */
function declaredVersion(name: BackendName, fakeVersion: string): string {
	return name === 'fake' ? fakeVersion : realMauticEnvironment().version;
}

function missingCapability(
	name: BackendName,
	version: string,
	capability: Capability,
): string | undefined {
	if (capability === 'authorizationCode') {
		return name === 'real' && !realMauticEnvironment().redirectUri
			? 'no redirect URI registered for the OAuth2 client (MAUTIC_OAUTH_REDIRECT_URI not set)'
			: undefined;
	}
	const major = parseInt(version, 10);
	if (!major)
		return `the real Mautic's version is unknown (MAUTIC_VERSION not set), so ${capability} is not assumed`;
	if (capability === 'pointInsights' && major < 7)
		return `Mautic ${version} has no Point Insights (Mautic 7 only)`;
	const minor = parseInt(version.split('.')[1] ?? '0', 10) || 0;
	if (capability === 'companySegments' && (major < 7 || (major === 7 && minor < 2)))
		return `Mautic ${version} has no Company Segments (Mautic 7.2 and later)`;
	return undefined;
}

export function onEachBackend(
	kind: SuiteKind,
	title: string,
	define: (suite: SuiteContext) => void,
	options: { fakeVersion?: string } = {},
): void {
	const fakeVersion = options.fakeVersion ?? FAKE_DEFAULT_VERSION;
	for (const name of ['fake', 'real'] as const) {
		const unavailable = name === 'real' ? realBackendMissing() : undefined;
		const version = declaredVersion(name, fakeVersion);
		describe(`${kind} [${name}] ${title}`, () => {
			let backend: Backend | undefined;
			beforeAll(async () => {
				if (unavailable) return;
				backend =
					name === 'fake' ? await startFakeBackend(fakeVersion) : await connectRealBackend();
			}, 60_000);
			afterAll(async () => backend?.close());
			define({
				name,
				backend: () => {
					if (!backend) throw new Error(`the ${name} backend is not connected`);
					return backend;
				},
				check(checkTitle, fn, checkOptions = {}) {
					const reason =
						unavailable ??
						(checkOptions.needs
							? missingCapability(name, version, checkOptions.needs)
							: undefined) ??
						(checkOptions.only && checkOptions.only.backend !== name
							? checkOptions.only.reason
							: undefined);
					if (reason) test.skip(`${checkTitle} (skipped: ${reason})`, () => {});
					else test(checkTitle, fn, checkOptions.timeout);
				},
			});
		});
	}
}
