/**
 * Expression text that turns a Base URL as users paste it into the instance root: trims spaces,
 * trailing slashes and a trailing `/api`. Credential fields are evaluated by n8n's expression
 * engine, not by our code, so the rule is written out here; nodes/shared/transport/baseUrl.ts
 * applies the same rule to requests and a unit test keeps the two in step.
 */
export function instanceRootExpression(accessor: string): string {
	return `${accessor}.trim().replace(new RegExp("/+$"), "").replace(new RegExp("/api$", "i"), "")`;
}
