/**
 * Runs our nodes in-process (n8n-core, as the integration tests do) against a contract backend,
 * with credentials built from that backend.
 */
import type { IDataObject } from 'n8n-workflow';
import { MaatooCompany } from '../../nodes/MaatooCompany/MaatooCompany.node';
import { MaatooPointGroup } from '../../nodes/MaatooPointGroup/MaatooPointGroup.node';
import { MaatooSegment } from '../../nodes/MaatooSegment/MaatooSegment.node';
import type { HarnessCredential } from '../harness';
import { registerNodeType, runNode, type NodeRun } from '../support/maatooRun';
import type { Backend } from './backends';

registerNodeType('maatooSegment', new MaatooSegment());
registerNodeType('maatooPointGroup', new MaatooPointGroup());
registerNodeType('maatooCompany', new MaatooCompany());

export function basicCredentialOf(
	backend: Backend,
	overrides: IDataObject = {},
): HarnessCredential {
	return {
		id: 'cred-basic',
		name: `${backend.name} Mautic (Basic)`,
		type: 'maatooApi',
		data: { url: backend.url, ...backend.admin, ...overrides },
	};
}

export function clientCredentialsOf(backend: Backend): HarnessCredential {
	return {
		id: 'cred-oauth',
		name: `${backend.name} Mautic (OAuth2 client credentials)`,
		type: 'maatooOAuth2Api',
		data: { url: backend.url, grantType: 'clientCredentials', ...backend.oauthClient },
	};
}

export type NodeType =
	| 'maatooContact'
	| 'maatooSegment'
	| 'maatooPointGroup'
	| 'maatooForm'
	| 'maatooNote'
	| 'maatooCompany';

export interface RunOptions {
	items?: IDataObject[];
	continueOnFail?: boolean;
	expectError?: boolean;
	credential?: HarnessCredential;
}

/** One node of ours, run in a workflow against the backend. */
export function runOn(
	backend: Backend,
	type: NodeType,
	parameters: IDataObject,
	options: RunOptions = {},
): Promise<NodeRun> {
	return runNode({
		type,
		parameters,
		credential: options.credential ?? basicCredentialOf(backend),
		...options,
	});
}

export const byId = (value: unknown) => ({ __rl: true, mode: 'id', value: String(value) });
