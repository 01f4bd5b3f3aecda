import type { ICredentialType, ICredentialTypes, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import { OAuth2Api } from './oauth2-api';

/** The credential types one run knows: the caller's plus n8n's base `oAuth2Api`. */
export class HarnessCredentialTypes implements ICredentialTypes {
	private readonly types = new Map<string, ICredentialType>();

	constructor(credentialTypes: ICredentialType[]) {
		for (const type of [new OAuth2Api(), ...credentialTypes]) this.types.set(type.name, type);
	}

	recognizes(name: string): boolean {
		return this.types.has(name);
	}

	getByName(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new Error(`Unknown credential type "${name}" (not passed to runWorkflow)`);
		return type;
	}

	getSupportedNodes(name: string): string[] {
		return this.getByName(name).supportedNodes ?? [];
	}

	/** All ancestors via `extends`, nearest first, like n8n's CredentialTypes.getParentTypes. */
	getParentTypes(name: string): string[] {
		const parents = this.getByName(name).extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	/**
	 * The type's properties merged with its parents' (own properties win), plus the
	 * `oauthTokenData` field n8n adds to oAuth1Api/oAuth2Api. Same as n8n's cli
	 * CredentialsHelper.getCredentialsProperties.
	 */
	getCredentialsProperties(name: string): INodeProperties[] {
		const type = this.getByName(name);
		if (type.extends === undefined) {
			if (['oAuth1Api', 'oAuth2Api'].includes(name)) {
				return [
					...type.properties,
					{
						displayName: 'oauthTokenData',
						name: 'oauthTokenData',
						type: 'json',
						required: false,
						default: {},
					},
				];
			}
			return type.properties;
		}
		const combined: INodeProperties[] = [];
		for (const parent of type.extends) {
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, type.properties);
		return combined;
	}
}
