import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type NodeApiError,
} from 'n8n-workflow';
import { mauticRequest, setMaxRetries } from '../transport';
import { runBatch } from './batch';
import { failedItem } from './itemErrors';
import type { Operation, OperationOutput } from './operation';
import { outputItems } from './outputItems';
import { readList } from './paginate';

async function runOne(
	ctx: IExecuteFunctions,
	operation: Operation,
	itemIndex: number,
): Promise<OperationOutput> {
	if (operation.list) return await readList(ctx, await operation.list(ctx, itemIndex), itemIndex);
	if (operation.request) {
		const response = await mauticRequest(ctx, await operation.request(ctx, itemIndex), itemIndex);
		return operation.output
			? operation.output(response, ctx, itemIndex)
			: ((response.body ?? {}) as OperationOutput);
	}
	if (operation.run) return await operation.run(ctx, itemIndex);
	throw new NodeOperationError(ctx.getNode(), `Operation "${operation.value}" has nothing to run`);
}

/**
 * The one execute loop of every action node: picks the operation, runs each input item (or the
 * whole run through batch calls), pairs every output to its input item and honours
 * "Continue On Fail". Output keeps the input order.
 */
export async function executeOperations(
	ctx: IExecuteFunctions,
	operations: Operation[],
): Promise<INodeExecutionData[][]> {
	const value = ctx.getNodeParameter('operation', 0) as string;
	const operation = operations.find((candidate) => candidate.value === value);
	if (!operation) {
		throw new NodeOperationError(ctx.getNode(), `Unknown operation "${value}"`);
	}
	const itemCount = ctx.getInputData().length;
	// What the whole run shares (Max Retries, caches): nodes/shared/runState.ts.
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	if (typeof options.maxRetries === 'number') setMaxRetries(ctx, options.maxRetries);

	if (operation.batch?.use(ctx, itemCount)) {
		const perItem = await runBatch(ctx, operation.batch, itemCount);
		return [perItem.flat()];
	}

	if ((operation.concurrency ?? 1) > 1 && itemCount > 1) {
		return [await runConcurrently(ctx, operation, itemCount, operation.concurrency!)];
	}

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			output.push(...outputItems(await runOne(ctx, operation, itemIndex), itemIndex));
		} catch (error) {
			output.push(...failedItem(ctx, error, itemIndex));
		}
	}
	return [output];
}

/**
 * Runs the items with at most `limit` in flight. A failure without Continue On Fail stops
 * starting new items; the ones in flight finish, and the lowest failed item's error is thrown.
 */
async function runConcurrently(
	ctx: IExecuteFunctions,
	operation: Operation,
	itemCount: number,
	limit: number,
): Promise<INodeExecutionData[]> {
	const results: INodeExecutionData[][] = new Array(itemCount);
	const failures = new Map<number, unknown>();
	let next = 0;
	const worker = async () => {
		while (next < itemCount && failures.size === 0) {
			const itemIndex = next++;
			try {
				results[itemIndex] = outputItems(await runOne(ctx, operation, itemIndex), itemIndex);
			} catch (error) {
				try {
					results[itemIndex] = failedItem(ctx, error, itemIndex);
				} catch (stopping) {
					failures.set(itemIndex, stopping);
				}
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, itemCount) }, worker));
	if (failures.size > 0) {
		const first = Math.min(...failures.keys());
		const error = failures.get(first) as NodeApiError | NodeOperationError;
		// Unlike a run one item at a time, later items may have gone through alongside the failed
		// one: say which, since running the workflow again repeats them.
		const doneAfter = results.flatMap((_, itemIndex) => (itemIndex > first ? [itemIndex] : []));
		if (doneAfter.length > 0) {
			error.description = [
				error.description,
				`Sent at the same time and done although item ${first} failed: ${itemsText(doneAfter)}. Running the workflow again repeats them.`,
			]
				.filter(Boolean)
				.join('\n');
		}
		throw error;
	}
	return results.flat();
}

/** "item 3", "items 1 and 2", "items 1, 2 and 3". */
function itemsText(indexes: number[]): string {
	if (indexes.length === 1) return `item ${indexes[0]}`;
	return `items ${indexes.slice(0, -1).join(', ')} and ${indexes[indexes.length - 1]}`;
}
