import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { authenticationProperty, maatooCredentials } from '../shared/descriptions/authentication';
import { executeOperations, operationProperties, operationSubtitle } from '../shared/engine';
import { searchTags } from '../shared/tags/tagEntity';
import { tagOperations } from './operations';

export class MaatooTag implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Maatoo Tag',
		name: 'maatooTag',
		icon: { light: 'file:../../icons/maatoo.svg', dark: 'file:../../icons/maatoo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(tagOperations),
		description: 'Create, rename, read and delete contact tags in maatoo or Mautic',
		defaults: { name: 'Maatoo Tag' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: maatooCredentials,
		properties: [authenticationProperty, ...operationProperties(tagOperations, 'getAll')],
	};

	methods = {
		listSearch: { searchTags },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, tagOperations);
	}
}
