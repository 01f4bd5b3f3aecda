/**
 * In-process n8n workflow runner for integration tests: real n8n-core WorkflowExecute, an
 * in-memory credentials store, a silent logger. See run-workflow.ts.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { HarnessCredentialTypes } from './credential-types';
import { HarnessCredentialsHelper } from './credentials-helper';
import { ensureN8nRuntime } from './setup';

export { runWorkflow } from './run-workflow';
export type { RunWorkflowOptions, RunWorkflowResult } from './run-workflow';
export type { HarnessCredential } from './credentials-helper';
export type { HarnessLogEntry, HarnessLogLevel } from './logger';
export { HARNESS_TRIGGER_TYPE, harnessTriggerNode } from './manual-trigger';
export { OAuth2Api } from './oauth2-api';

/**
 * A credential's data as a node would receive it: type (and parent) defaults filled in and
 * expressions resolved, the way n8n resolves credentials outside a running node.
 */
export function resolveCredentialData(
	credentialTypes: ICredentialType[],
	type: string,
	data: ICredentialDataDecryptedObject,
): ICredentialDataDecryptedObject {
	ensureN8nRuntime();
	const helper = new HarnessCredentialsHelper(
		new HarnessCredentialTypes(credentialTypes),
		new Map(),
	);
	return helper.applyDefaultsAndResolve(
		{ executionId: 'harness-resolve', variables: {} } as unknown as IWorkflowExecuteAdditionalData,
		structuredClone(data),
		type,
		'internal',
	);
}
