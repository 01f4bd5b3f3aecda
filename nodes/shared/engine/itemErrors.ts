import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type JsonObject,
	NodeApiError,
} from 'n8n-workflow';

interface ErrorWithContext extends Error {
	description?: string | null;
	context?: JsonObject & { itemIndex?: number };
}

/** n8n's own wording: messages about one item end in `[item N]` (0-based, as n8n shows it). */
function withItemSuffix(message: string, itemIndex: number): string {
	return /\[item \d+\]$/.test(message) ? message : `${message} [item ${itemIndex}]`;
}

/** The n8n error for item `itemIndex`, whatever was thrown. */
export function itemError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	const withContext = nodeError as ErrorWithContext;
	withContext.context = { ...(withContext.context ?? {}), itemIndex };
	nodeError.message = withItemSuffix(nodeError.message, itemIndex);
	return nodeError;
}

/**
 * With "Continue On Fail" the failed item becomes an error item in its place (paired to its
 * input); otherwise the run stops with the error.
 */
export function failedItem(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): INodeExecutionData[] {
	const nodeError = itemError(ctx, error, itemIndex);
	if (!ctx.continueOnFail()) throw nodeError;
	const json: JsonObject = { error: nodeError.message };
	if (nodeError.description) json.errorDetails = nodeError.description;
	return [{ json, error: nodeError, pairedItem: { item: itemIndex } }];
}

/** Refuses one item's input: the message names the field, the engine adds `[item N]`. */
export function failItem(
	ctx: IExecuteFunctions,
	itemIndex: number,
	message: string,
	description?: string,
): never {
	throw new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
}
