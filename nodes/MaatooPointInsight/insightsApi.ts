import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import {
	failureOf,
	lastSeenMauticVersion,
	majorVersion,
	mauticRequest,
	type MauticContext,
	type MauticFailure,
} from '../shared/transport';

/** Point Insights came with Mautic 7; older versions have no such API route at all. */
export const POINT_INSIGHTS_MIN_MAJOR = 7;

const NO_ROUTE = /no route found/i;

/**
 * A 404 that means "no such route" rather than "no such insight": Symfony's router answers it
 * without the `Mautic-Version` header that every API controller answer carries.
 */
function isMissingRoute(failure: MauticFailure | undefined): boolean {
	if (failure?.status !== 404) return false;
	const text = JSON.stringify(failure.body ?? '');
	return NO_ROUTE.test(text) || !failure.headers?.['mautic-version'];
}

/**
 * The version Mautic reported in this run. After a missing route nothing may have reported it
 * yet (the router's 404 does not carry it), so ask once: any API controller answer names it,
 * an error answer as well.
 */
async function knownVersion(
	context: MauticContext,
	askIfUnknown: boolean,
): Promise<string | undefined> {
	if (lastSeenMauticVersion(context) === undefined && askIfUnknown) {
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
	cause?: Error,
) {
	const runs = version
		? `this instance runs ${version}`
		: 'this instance has no Point Insights API';
	const said = cause ? ` (${cause.message.replace(/\s*\[item \d+\]$/, '')})` : '';
	return new NodeOperationError(
		context.getNode(),
		`Point Insights need Mautic ${POINT_INSIGHTS_MIN_MAJOR} or later; ${runs}`,
		{
			itemIndex,
			description: `Mautic added Point Insights in version ${POINT_INSIGHTS_MIN_MAJOR}${said}. Upgrade the instance to use this node; point groups and group scores work from Mautic 5 on.`,
		},
	);
}

/** Errors of our transport and checks already are n8n errors; anything else becomes one. */
function asNodeError(context: MauticContext, itemIndex: number | undefined, error: unknown) {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

function tooOld(version: string | undefined): boolean {
	const major = majorVersion(version);
	return major !== undefined && major < POINT_INSIGHTS_MIN_MAJOR;
}

/**
 * Runs work that needs the Point Insights API. When the instance is known to be older than
 * Mautic 7 it fails at once without a request; when anything in the work fails on an older
 * instance, or on a missing route, the error says plainly that Point Insights need Mautic 7.
 * Other errors (a missing insight on Mautic 7, a rejected value) pass through unchanged.
 */
export async function withInsightsApi<T>(
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
		if (tooOld(version) || (missingRoute && majorVersion(version) === undefined)) {
			throw versionError(context, itemIndex, version, failure ? (error as Error) : undefined);
		}
		throw asNodeError(context, itemIndex, error);
	}
}
