import { ExecutionLifecycleHooks, ExternalSecretsProxy, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionBaseError,
	ICredentialType,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	IRun,
	IRunData,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';
import { HarnessCredentialTypes } from './credential-types';
import type { HarnessCredential } from './credentials-helper';
import { HarnessCredentialsHelper } from './credentials-helper';
import type { HarnessLogEntry } from './logger';
import { HARNESS_TRIGGER_TYPE, HarnessManualTrigger } from './manual-trigger';
import { HarnessNodeTypes } from './node-types';
import { ensureN8nRuntime } from './setup';

export interface RunWorkflowOptions {
	/** Node types by full type name, e.g. `{ 'n8n-nodes-maatoo.maatooContact': new MaatooContact() }`. */
	nodeTypes: Record<string, INodeType | IVersionedNodeType>;
	/** Credential types; n8n's base `oAuth2Api` is always added. */
	credentialTypes: ICredentialType[];
	/** The credential store; nodes reference entries by `credentials: { <type>: { id, name } }`. Not mutated. */
	credentials: HarnessCredential[];
	nodes: INode[];
	connections: IConnections;
	/** Items the start node receives (default: one empty item). The start node is the harness trigger (HARNESS_TRIGGER_TYPE) if present, else the first node without parents. */
	inputItems?: INodeExecutionData[];
	/** Workflow static data to start from (default `{}`); the result returns it after the run. */
	staticData?: IDataObject;
	/** Workflow settings (default `{ executionOrder: 'v1' }`, as new n8n workflows have). */
	settings?: IWorkflowSettings;
	/** Execution mode (default 'manual'). */
	mode?: WorkflowExecuteMode;
}

export interface RunWorkflowResult {
	status: 'success' | 'error';
	runData: IRunData;
	/** Items on `outputIndex` (default 0) of the node's last run; throws if the node did not run. */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** The execution's error (a node error not handled by continueOnFail), if any. */
	error?: ExecutionBaseError | Error;
	/** The credential store after the run (refreshed / fetched OAuth2 tokens are saved here). */
	credentialsStore: Map<string, HarnessCredential>;
	/** Workflow static data after the run (plain object). */
	staticData: IDataObject;
	/** Everything n8n logged during the run (the harness logger prints nothing unless N8N_HARNESS_LOG is set). */
	logs: HarnessLogEntry[];
	/** Node names in the order they finished. */
	executionOrder: string[];
	/** The raw IRun n8n-core returned. */
	run: IRun;
}

let executionCounter = 0;

/** Runs a workflow in-process through n8n-core's WorkflowExecute, as n8n does for a manual execution. */
export async function runWorkflow(options: RunWorkflowOptions): Promise<RunWorkflowResult> {
	const logger = ensureN8nRuntime();
	const logs: HarnessLogEntry[] = [];
	const stopCapture = logger.capture(logs);
	try {
		return await execute(options, logs);
	} finally {
		stopCapture();
	}
}

async function execute(
	options: RunWorkflowOptions,
	logs: HarnessLogEntry[],
): Promise<RunWorkflowResult> {
	const mode = options.mode ?? 'manual';
	const executionId = `harness-${++executionCounter}`;
	const nodeTypes = new HarnessNodeTypes({
		[HARNESS_TRIGGER_TYPE]: new HarnessManualTrigger(),
		...options.nodeTypes,
	});
	const credentialsStore = new Map<string, HarnessCredential>(
		options.credentials.map((credential) => [credential.id, structuredClone(credential)]),
	);
	const credentialsHelper = new HarnessCredentialsHelper(
		new HarnessCredentialTypes(options.credentialTypes),
		credentialsStore,
	);

	// n8n's Workflow fills parameter defaults into the node objects: work on copies.
	const nodes = structuredClone(options.nodes);
	const connections = structuredClone(options.connections);
	const settings: IWorkflowSettings = { executionOrder: 'v1', ...options.settings };
	const workflowId = 'harness-workflow';
	const workflow = new Workflow({
		id: workflowId,
		name: 'Harness workflow',
		nodes,
		connections,
		active: false,
		nodeTypes,
		staticData: structuredClone(options.staticData ?? {}),
		settings,
	});
	const startNode = findStartNode(workflow, nodes);

	const workflowData: IWorkflowBase = {
		id: workflowId,
		name: 'Harness workflow',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes,
		connections,
		settings,
	};
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const executionOrder: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		executionOrder.push(nodeName);
	});

	const additionalData = {
		credentialsHelper,
		hooks,
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		variables: {},
		externalSecretsProxy: new ExternalSecretsProxy(),
		workflowSettings: settings,
		executeWorkflow: async () => {
			throw new Error('The test harness does not run sub-workflows');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('The test harness has no task runners (Code node)');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{
					node: startNode,
					data: { main: [options.inputItems ?? [{ json: {} }]] },
					source: null,
				},
			],
		},
	});

	const workflowExecute = new WorkflowExecute(additionalData, mode, runExecutionData);
	const run = await workflowExecute.processRunExecutionData(workflow);

	const runData = run.data.resultData.runData;
	const error = run.data.resultData.error;
	const status = run.status === 'success' && error === undefined ? 'success' : 'error';

	return {
		status,
		runData,
		error,
		credentialsStore,
		staticData: JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject,
		logs,
		executionOrder,
		run,
		output(nodeName: string, outputIndex = 0): INodeExecutionData[] {
			const runs = runData[nodeName];
			if (!runs?.length) {
				const ran = Object.keys(runData).join(', ') || 'none';
				const reason = error ? `; execution error: ${error.message}` : '';
				throw new Error(`Node "${nodeName}" did not run (nodes that ran: ${ran}${reason})`);
			}
			const last = runs[runs.length - 1];
			if (last.error && !last.data) {
				throw new Error(`Node "${nodeName}" failed: ${last.error.message}`, { cause: last.error });
			}
			return last.data?.main?.[outputIndex] ?? [];
		},
	};
}

function findStartNode(workflow: Workflow, nodes: INode[]): INode {
	const trigger = nodes.find((node) => node.type === HARNESS_TRIGGER_TYPE && !node.disabled);
	if (trigger) return workflow.getNode(trigger.name)!;
	const root = nodes.find((node) => workflow.getParentNodes(node.name, 'main', 1).length === 0);
	if (!root) throw new Error('runWorkflow: the workflow has no start node');
	return workflow.getNode(root.name)!;
}
