import type { IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

/** INodeTypes over the node instances one run was given, like n8n's nodes-testing NodeTypes. */
export class HarnessNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {}

	getByName(type: string): INodeType | IVersionedNodeType {
		const nodeType = this.types[type];
		if (!nodeType) {
			throw new Error(
				`Unrecognized node type "${type}" (known: ${Object.keys(this.types).join(', ')})`,
			);
		}
		return nodeType;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes(): IDataObject {
		const known: IDataObject = {};
		for (const type of Object.keys(this.types)) known[type] = { className: type, sourcePath: '' };
		return known;
	}
}
