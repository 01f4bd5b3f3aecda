import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	NodeApiError,
} from 'n8n-workflow';
import { batchLimitOf, failureOf, mauticError, mauticRequest, subjectOf } from '../transport';
import { failedItem, itemError } from './itemErrors';
import type { BatchEntryResult, BatchOperation, BatchPlan } from './operation';
import { outputItems } from './outputItems';

interface PendingEntry {
	itemIndex: number;
	entry: IDataObject;
}

/**
 * Entries cut into calls of at most `plan.size`. With `plan.group`, entries of different groups
 * never share a call (groups in order of first appearance, items in input order within each).
 */
function chunksOf(pending: PendingEntry[], plan: BatchPlan, size: number): PendingEntry[][] {
	const groups = new Map<string, PendingEntry[]>();
	for (const pendingEntry of pending) {
		const key = plan.group ? plan.group(pendingEntry.entry) : '';
		const members = groups.get(key);
		if (members) members.push(pendingEntry);
		else groups.set(key, [pendingEntry]);
	}
	const chunks: PendingEntry[][] = [];
	for (const members of groups.values()) {
		chunks.push(...split(members, size));
	}
	return chunks;
}

function split(entries: PendingEntry[], size: number): PendingEntry[][] {
	const parts: PendingEntry[][] = [];
	for (let start = 0; start < entries.length; start += size)
		parts.push(entries.slice(start, start + size));
	return parts;
}

/**
 * Runs all items of one execution through Mautic batch calls: builds each item's entry (bad input
 * fails that item only), sends the entries in chunks, and maps every entry's status back to its
 * own item. Returns the output per input item, in input order.
 */
export async function runBatch(
	ctx: IExecuteFunctions,
	batch: BatchOperation,
	itemCount: number,
): Promise<INodeExecutionData[][]> {
	const results: INodeExecutionData[][] = new Array(itemCount);
	const pending: PendingEntry[] = [];
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			pending.push({ itemIndex, entry: await batch.entry(ctx, itemIndex) });
		} catch (error) {
			results[itemIndex] = failedItem(ctx, error, itemIndex);
		}
	}

	const plan = batch.plan(ctx);
	const queue = chunksOf(pending, plan, plan.size);
	for (let position = 0; position < queue.length; position++) {
		const chunk = queue[position];
		const entries = chunk.map((pendingEntry) => pendingEntry.entry);
		let perEntry: BatchEntryResult[];
		try {
			const response = await mauticRequest(ctx, plan.request(entries), chunk[0].itemIndex);
			perEntry = await plan.results(response, entries);
		} catch (error) {
			// The instance accepts fewer entities per call than the Batch Size (its
			// api_batch_max_limit): Mautic refused the whole call before applying any of it, so
			// send this call and the rest of the run in calls of the size it names.
			const limit = batchLimitOf(failureOf(error) ?? {});
			if (limit !== undefined && limit > 0 && limit < chunk.length) {
				queue.splice(
					position,
					queue.length - position,
					...queue.slice(position).flatMap((rest) => split(rest, limit)),
				);
				position--;
				const notice = `Mautic accepts at most ${limit} entities per batch call (its api_batch_max_limit); the rest of this run went in calls of ${limit}. Set the node's Batch Size to ${limit} to skip the refused call.`;
				ctx.logger.warn(notice);
				// Shown on the node's output in the execution, where the user looks.
				ctx.addExecutionHints({ message: notice, location: 'outputPane' });
				continue;
			}
			// The whole call failed: every item of the chunk carries that error, each its own copy.
			if (!ctx.continueOnFail()) throw itemError(ctx, error, chunk[0].itemIndex);
			const failure = failureOf(error);
			const request = subjectOf(error) ?? plan.request(entries);
			for (const { itemIndex } of chunk) {
				const perItem = failure ? mauticError(ctx, failure, request, undefined, itemIndex) : error;
				results[itemIndex] = failedItem(ctx, perItem, itemIndex);
			}
			continue;
		}
		const failures: Array<{ itemIndex: number; error: NodeApiError }> = [];
		chunk.forEach(({ itemIndex, entry }, position) => {
			const result = perEntry[position];
			if ('output' in result) {
				results[itemIndex] = outputItems(result.output, itemIndex);
				return;
			}
			const subject = {
				...plan.request([entry]),
				entity: { label: plan.entityLabel, id: entry.id as number | undefined },
			};
			failures.push({
				itemIndex,
				error: mauticError(ctx, result.failure, subject, undefined, itemIndex),
			});
		});
		if (failures.length > 0 && !ctx.continueOnFail()) {
			const { itemIndex, error } = failures[0];
			error.description = [
				error.description,
				`${failures.length} of ${chunk.length} items in this batch call failed; Mautic applied the others, and every earlier batch. Turn on "Continue On Fail" to get one result per item.`,
			]
				.filter(Boolean)
				.join('\n');
			throw itemError(ctx, error, itemIndex);
		}
		for (const { itemIndex, error } of failures)
			results[itemIndex] = failedItem(ctx, error, itemIndex);
	}
	return results;
}
