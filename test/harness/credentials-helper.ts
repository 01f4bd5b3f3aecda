import { Credentials, getAdditionalKeys } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsExpressionResolveValues,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow, isExpression } from 'n8n-workflow';
import type { HarnessCredentialTypes } from './credential-types';
import { HarnessNodeTypes } from './node-types';

/** A stored credential, as n8n keeps it in its database (decrypted). */
export interface HarnessCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/** Stand-in node for resolving credential expressions outside a node's execution, as n8n's cli does. */
const mockNode: INode = {
	id: 'harness-credential-resolver',
	name: '',
	typeVersion: 1,
	type: 'mock',
	position: [0, 0],
	parameters: {},
};

/**
 * n8n's credentials helper for one run, over an in-memory store keyed by credential id.
 * Follows n8n's cli CredentialsHelper (packages/cli/src/credentials-helper.ts): defaults of the
 * type and its parents filled in, expressions in the data (including `={{...}}` defaults over
 * `$self`) resolved, generic `authenticate` applied, OAuth token updates written back.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly credentialTypes: HarnessCredentialTypes,
		readonly store: Map<string, HarnessCredential>,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		return this.credentialTypes.getParentTypes(name);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.credentialTypes.getCredentialsProperties(type);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions;
		const { authenticate } = this.credentialTypes.getByName(typeName);
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions);
		}
		if (requestOptions.headers === undefined) requestOptions.headers = {};
		if (authenticate.type === 'generic') {
			const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue as Record<string, unknown>)) {
					const keyResolved = this.resolveValue(key, credentials, workflow, node);
					const valueResolved = this.resolveValue(value as string, credentials, workflow, node);
					if (!target[outerKey]) target[outerKey] = {};
					target[outerKey][keyResolved] = valueResolved;
				}
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (expirable === undefined || typeof credentialType.preAuthentication !== 'function') {
			return undefined;
		}
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const nodeCredentials = node.credentials?.[credentialType.name];
		if (nodeCredentials) {
			const stored = this.find(nodeCredentials, credentialType.name);
			await this.updateCredentials(nodeCredentials, credentialType.name, {
				...stored.data,
				...(output as ICredentialDataDecryptedObject),
			});
		}
		return Object.assign(credentials, output as ICredentialDataDecryptedObject);
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<Credentials> {
		const stored = this.find(nodeCredentials, type);
		const credentials = new Credentials({ id: stored.id, name: stored.name }, type);
		credentials.setData(structuredClone(stored.data));
		return credentials;
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const data = structuredClone(this.find(nodeCredentials, type).data);
		if (raw === true) return data;
		return this.applyDefaultsAndResolve(
			additionalData,
			data,
			type,
			mode,
			executeData,
			expressionResolveValues,
		);
	}

	/** n8n's cli `applyDefaultsAndOverwrites`, without overwrites (there are none in tests). */
	applyDefaultsAndResolve(
		additionalData: IWorkflowExecuteAdditionalData,
		decryptedDataOriginal: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): ICredentialDataDecryptedObject {
		const properties = this.getCredentialsProperties(type);
		let decryptedData = NodeHelpers.getNodeParameters(
			properties,
			decryptedDataOriginal as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;

		// Not a declared property, so getNodeParameters drops it: put it back as n8n does.
		if (decryptedDataOriginal.oauthTokenData !== undefined) {
			decryptedData.oauthTokenData = decryptedDataOriginal.oauthTokenData;
		}

		const additionalKeys = getAdditionalKeys(additionalData, mode, null, {
			secretsEnabled: false,
		});

		if (expressionResolveValues) {
			decryptedData = expressionResolveValues.workflow.expression.getParameterValue(
				decryptedData as INodeParameters,
				expressionResolveValues.runExecutionData,
				expressionResolveValues.runIndex,
				expressionResolveValues.itemIndex,
				expressionResolveValues.node.name,
				expressionResolveValues.connectionInputData,
				mode,
				additionalKeys,
				executeData,
				false,
				decryptedData,
			) as ICredentialDataDecryptedObject;
		} else {
			const workflow = new Workflow({
				nodes: [],
				connections: {},
				active: false,
				nodeTypes: new HarnessNodeTypes({}),
			});
			decryptedData = workflow.expression.getComplexParameterValue(
				mockNode,
				decryptedData as INodeParameters,
				mode,
				additionalKeys,
				undefined,
				undefined,
				decryptedData,
			) as ICredentialDataDecryptedObject;
		}
		return decryptedData;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.find(nodeCredentials, type);
		this.store.set(stored.id, { ...stored, data: structuredClone(data) });
	}

	/** Called by n8n-core after it fetched (client credentials) or refreshed an OAuth2 token. */
	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.find(nodeCredentials, type);
		this.store.set(stored.id, {
			...stored,
			data: { ...stored.data, oauthTokenData: structuredClone(data.oauthTokenData) },
		});
	}

	private find(nodeCredentials: INodeCredentialsDetails, type: string): HarnessCredential {
		const stored =
			(nodeCredentials.id !== null ? this.store.get(nodeCredentials.id) : undefined) ??
			[...this.store.values()].find(
				(credential) => credential.type === type && credential.name === nodeCredentials.name,
			);
		if (!stored) {
			throw new Error(
				`Credential with ID "${nodeCredentials.id}" does not exist for type "${type}" (harness store)`,
			);
		}
		if (stored.type !== type) {
			throw new Error(
				`Credential "${stored.id}" has type "${stored.type}", but the node asked for "${type}"`,
			);
		}
		return stored;
	}

	/** Resolves `={{ ... }}` with `$credentials` bound, like n8n's cli CredentialsHelper.resolveValue. */
	private resolveValue(
		parameterValue: string,
		credentials: ICredentialDataDecryptedObject,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(parameterValue)) return parameterValue;
		const additionalKeys: IWorkflowDataProxyAdditionalKeys = { $credentials: credentials };
		const value = workflow.expression.getSimpleParameterValue(
			node,
			parameterValue,
			'internal',
			additionalKeys,
			undefined,
			'',
		);
		if (!value) return '';
		return value.toString();
	}
}
