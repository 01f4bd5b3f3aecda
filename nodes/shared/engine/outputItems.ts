import type { INodeExecutionData } from 'n8n-workflow';
import type { OperationOutput } from './operation';

/** Output items of one input item, each paired to it. */
export function outputItems(output: OperationOutput, itemIndex: number): INodeExecutionData[] {
	const rows = Array.isArray(output) ? output : [output];
	return rows.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}
