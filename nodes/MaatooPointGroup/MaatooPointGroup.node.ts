import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { authenticationProperty, maatooCredentials } from '../shared/descriptions/authentication';
import { executeOperations, operationProperties, operationSubtitle } from '../shared/engine';
import { searchPointGroups } from '../shared/methods/searchPointGroups';
import { pointGroupOperations } from './operations';

export class MaatooPointGroup implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Maatoo Point Group',
		name: 'maatooPointGroup',
		icon: { light: 'file:../../icons/maatoo.svg', dark: 'file:../../icons/maatoo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(pointGroupOperations),
		description: 'Create, read, update and delete point groups in maatoo or Mautic',
		defaults: { name: 'Maatoo Point Group' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: maatooCredentials,
		properties: [authenticationProperty, ...operationProperties(pointGroupOperations, 'getAll')],
	};

	methods = {
		listSearch: { searchPointGroups },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, pointGroupOperations);
	}
}
