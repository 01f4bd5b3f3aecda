import { runStateOf } from '../runState';

/**
 * Mautic sends `Mautic-Version` on every controller response. We remember the last one seen per
 * n8n context, so an operation that depends on the version (Point Insights need 7+) can name the
 * running version in its error without another request.
 */
export function rememberMauticVersion(context: object, headerValue: string | undefined): void {
	if (headerValue) runStateOf(context).mauticVersion = headerValue.trim();
}

export function lastSeenMauticVersion(context: object): string | undefined {
	return runStateOf(context).mauticVersion;
}

/** Major version number of e.g. "7.0.1" or "5.1.1-dev"; undefined when unreadable. */
export function majorVersion(version: string | undefined): number | undefined {
	const match = version?.match(/^\s*(\d+)/);
	return match ? Number(match[1]) : undefined;
}
