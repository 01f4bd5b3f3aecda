import type { IDataObject, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';
import { MaatooApi } from '../../credentials/MaatooApi.credentials';
import { MaatooOAuth2Api } from '../../credentials/MaatooOAuth2Api.credentials';
import { MaatooContact } from '../../nodes/MaatooContact/MaatooContact.node';
import type { HarnessCredential, RunWorkflowResult } from '../harness';
import { harnessTriggerNode, runWorkflow } from '../harness';

export const ADMIN = { username: 'admin', password: 'maatoo-secret' };

/** Node types of the package under test, by their full type names. */
export const NODE_TYPES: Record<string, INodeType> = {
	'n8n-nodes-maatoo.maatooContact': new MaatooContact(),
};

export function registerNodeType(name: string, node: INodeType): void {
	NODE_TYPES[`n8n-nodes-maatoo.${name}`] = node;
}

export function basicCredential(url: string, overrides: IDataObject = {}): HarnessCredential {
	return {
		id: 'cred-basic',
		name: 'Fake Mautic (Basic)',
		type: 'maatooApi',
		data: { url, ...ADMIN, ...overrides },
	};
}

export interface NodeRun {
	/** `json` of every output item. */
	json: IDataObject[];
	items: INodeExecutionData[];
	result: RunWorkflowResult;
}

/**
 * Runs one of our nodes in a real (in-process) n8n workflow: trigger → node, with the given
 * input items, and returns its output. Fails loudly when the execution itself errored,
 * unless `expectError` is set.
 */
export async function runNode(options: {
	type: string;
	parameters: IDataObject;
	credential: HarnessCredential;
	items?: IDataObject[];
	continueOnFail?: boolean;
	expectError?: boolean;
}): Promise<NodeRun> {
	const authentication = options.credential.type === 'maatooOAuth2Api' ? 'oAuth2' : 'basicAuth';
	const node = {
		id: 'node-under-test',
		name: 'Maatoo',
		type: `n8n-nodes-maatoo.${options.type}`,
		typeVersion: 1,
		position: [200, 0] as [number, number],
		parameters: { authentication, ...options.parameters } as INodeParameters,
		credentials: {
			[options.credential.type]: { id: options.credential.id, name: options.credential.name },
		},
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const trigger = harnessTriggerNode();
	const result = await runWorkflow({
		nodeTypes: NODE_TYPES,
		credentialTypes: [new MaatooApi(), new MaatooOAuth2Api()],
		credentials: [options.credential],
		nodes: [trigger, node],
		connections: { [trigger.name]: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		inputItems: (options.items ?? [{}]).map((json) => ({ json })),
	});
	if (result.status === 'error') {
		if (options.expectError) return { json: [], items: [], result };
		throw result.error ?? new Error('execution failed');
	}
	const items = result.output(node.name);
	return { json: items.map((item) => item.json), items, result };
}

/** A mapper value the way n8n saves it when the user fills fields in "Map Each Field Below". */
export function mappedFields(value: IDataObject, types: Record<string, string> = {}): IDataObject {
	return {
		mappingMode: 'defineBelow',
		value,
		matchingColumns: [],
		schema: Object.keys({ email: '', ...value, ...types }).map((id) => ({
			id,
			displayName: id,
			required: false,
			defaultMatch: id === 'email',
			display: true,
			type: types[id] ?? 'string',
		})),
		attemptToConvertTypes: false,
		convertFieldsToString: false,
	};
}
