import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import {
	failureOf,
	lastSeenMauticVersion,
	mauticRequest,
	type MauticContext,
	type MauticFailure,
} from '../shared/transport';
import { runCatalogue } from '../shared/runState';

/** Company segments came with Mautic 7.2; older versions have no such API route at all. */
export const COMPANY_SEGMENTS_SINCE = '7.2';

/** [major, minor] of e.g. "7.2.1" or "5.1.1-dev"; undefined when unreadable. */
function majorMinor(version: string | undefined): [number, number] | undefined {
	const match = version?.match(/^\s*(\d+)(?:\.(\d+))?/);
	return match ? [Number(match[1]), Number(match[2] ?? 0)] : undefined;
}

function tooOld(version: string | undefined): boolean {
	const have = majorMinor(version);
	const need = majorMinor(COMPANY_SEGMENTS_SINCE) as [number, number];
	return have !== undefined && (have[0] < need[0] || (have[0] === need[0] && have[1] < need[1]));
}

/**
 * A 404 that means "no such route" rather than "no such segment": Symfony's router answers it
 * without the `Mautic-Version` header that every API controller answer carries.
 */
function isMissingRoute(failure: MauticFailure | undefined): boolean {
	if (failure?.status !== 404) return false;
	return (
		/no route found|requested url not found/i.test(JSON.stringify(failure.body ?? '')) ||
		!failure.headers?.['mautic-version']
	);
}

/** The version Mautic reported in this run; asked once (any API answer names it) after a missing route. */
async function knownVersion(context: MauticContext, ask: boolean): Promise<string | undefined> {
	if (lastSeenMauticVersion(context) === undefined && ask) {
		try {
			await mauticRequest(context, { method: 'GET', path: '/users/self', maxRetries: 0 });
		} catch {
			// Only the version header mattered; the transport remembers it from failures too.
		}
	}
	return lastSeenMauticVersion(context);
}

function versionError(
	context: MauticContext,
	itemIndex: number | undefined,
	version: string | undefined,
) {
	const runs = version
		? `this instance runs ${version}`
		: 'this instance has no Company Segments API';
	return new NodeOperationError(
		context.getNode(),
		`Company Segments need Mautic ${COMPANY_SEGMENTS_SINCE} or later; ${runs}`,
		{
			itemIndex,
			description: `Mautic added company segments in version ${COMPANY_SEGMENTS_SINCE}. Upgrade the instance to use this node; companies and their contacts work from Mautic 5 on (Maatoo Company node).`,
		},
	);
}

/**
 * Runs work that needs the Company Segments API. When the instance is known to be older than
 * 7.2 it fails at once without a request; when the work fails on an older instance, or on a
 * missing route, the error says plainly which version is needed. Other errors pass unchanged.
 */
export async function withCompanySegmentsApi<T>(
	context: MauticContext,
	itemIndex: number | undefined,
	work: () => Promise<T>,
): Promise<T> {
	const before = lastSeenMauticVersion(context);
	if (tooOld(before)) throw versionError(context, itemIndex, before);
	try {
		return await work();
	} catch (error) {
		const failure = failureOf(error);
		const missingRoute = isMissingRoute(failure);
		const version = await knownVersion(context, missingRoute);
		if (tooOld(version) || (missingRoute && majorMinor(version) === undefined)) {
			throw versionError(context, itemIndex, version);
		}
		throw asNodeError(context, itemIndex, error);
	}
}

/** Errors of our transport and checks already are n8n errors; anything else becomes one. */
function asNodeError(context: MauticContext, itemIndex: number | undefined, error: unknown) {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/**
 * For batched operations, whose calls the engine makes: fails the item at once with the version
 * error on an instance older than 7.2 (the version is asked once per run when not yet known).
 */
export async function requireCompanySegmentsApi(
	context: MauticContext,
	itemIndex: number,
): Promise<void> {
	const version = await runCatalogue(context, 'companySegmentsVersion', async () => ({
		version: await knownVersion(context, true),
	}));
	if (tooOld(version.version)) throw versionError(context, itemIndex, version.version);
}
