import type {
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

/** Node type of the harness's start node. Same name as n8n's Manual Trigger, so workflows exported from n8n run unchanged. */
export const HARNESS_TRIGGER_TYPE = 'n8n-nodes-base.manualTrigger';

/**
 * Start node: emits the run's `inputItems` (default one empty item). A plain programmatic node
 * rather than n8n's trigger implementation, so a test can start with any number of items.
 */
export class HarnessManualTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Manual Trigger (harness)',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Emits the items runWorkflow was given',
		defaults: { name: 'Manual Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/** An INode for the harness trigger, to put first in a workflow's `nodes`. */
export function harnessTriggerNode(name = 'Manual Trigger'): INode {
	return {
		id: 'harness-manual-trigger',
		name,
		type: HARNESS_TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
}
