import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { maxRetriesOption, optionsCollection } from './listParameters';

/** Mautic's default api_batch_max_limit. */
export const DEFAULT_BATCH_SIZE = 200;

/** Options of the batched writes (contacts, companies): batch size, retries, batch calls on/off. */
export const batchWriteOptionsProperty: INodeProperties = optionsCollection([
	{
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1000 },
		default: DEFAULT_BATCH_SIZE,
		description:
			"Items per Mautic batch call. Mautic accepts 200 by default; an administrator can change that with the instance's api_batch_max_limit.",
	},
	maxRetriesOption,
	{
		displayName: 'Use Batch Calls',
		name: 'useBatch',
		type: 'boolean',
		default: true,
		description:
			'Whether to send the items of a run together through Mautic batch calls (far fewer requests). Each item still gets its own result or error.',
	},
]);

export function batchingOf(ctx: IExecuteFunctions): { useBatch: boolean; batchSize: number } {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const batchSize = Math.max(1, Math.floor(Number(options.batchSize) || DEFAULT_BATCH_SIZE));
	return { useBatch: options.useBatch !== false, batchSize };
}
