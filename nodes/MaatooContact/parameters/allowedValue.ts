import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/**
 * An options parameter's value, checked against the values it offers. The editor only offers
 * those, but an expression can produce anything, and these values go into API paths.
 */
export function allowedValue<T extends string>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
	allowed: readonly T[],
): T {
	const value = ctx.getNodeParameter(name, itemIndex) as unknown;
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
		return value as T;
	const shown = typeof value === 'string' ? value.slice(0, 80) : JSON.stringify(value);
	throw new NodeOperationError(
		ctx.getNode(),
		`The field "${label}" must be one of ${allowed.join(', ')}; got "${shown}"`,
		{ itemIndex },
	);
}
