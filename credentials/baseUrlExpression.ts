import { ACCEPTED_BASE_URL_SOURCE } from '../nodes/shared/transport/baseUrl';

/**
 * Host name that a Base URL we refuse turns into, so the credential test and the OAuth2 connect
 * button fail with the reason in plain sight instead of sending a password in a URL.
 */
export const REFUSED_BASE_URL =
	'https://base-url-must-not-hold-a-password-query-or-fragment.invalid';

/**
 * Expression text that turns a Base URL as users paste it into the instance root: trims spaces,
 * trailing slashes and a trailing `/api`. Credential fields are evaluated by n8n's expression
 * engine, not by our code, so the rule is written out here; nodes/shared/transport/baseUrl.ts
 * applies the same rule to requests, refuses the Base URLs the same pattern refuses, and a unit
 * test keeps the two in step.
 */
export function instanceRootExpression(accessor: string): string {
	const accepted = `new RegExp(${JSON.stringify(ACCEPTED_BASE_URL_SOURCE)}, "i").test(${accessor})`;
	const root = `${accessor}.trim().replace(new RegExp("/+$"), "").replace(new RegExp("/api$", "i"), "")`;
	return `(${accepted} ? ${root} : "${REFUSED_BASE_URL}")`;
}
