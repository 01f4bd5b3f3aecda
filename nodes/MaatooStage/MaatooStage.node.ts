import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { authenticationProperty, maatooCredentials } from '../shared/descriptions/authentication';
import { executeOperations, operationProperties, operationSubtitle } from '../shared/engine';
import { searchContacts } from '../shared/methods/searchContacts';
import { searchStages } from '../shared/stages/stageEntity';
import { stageOperations } from './operations';

export class MaatooStage implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Maatoo Stage',
		name: 'maatooStage',
		icon: { light: 'file:../../icons/maatoo.svg', dark: 'file:../../icons/maatoo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(stageOperations),
		description:
			'Create and manage stages in maatoo or Mautic and move contacts into or out of them',
		defaults: { name: 'Maatoo Stage' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: maatooCredentials,
		properties: [authenticationProperty, ...operationProperties(stageOperations, 'getAll')],
	};

	methods = {
		listSearch: { searchContacts, searchStages },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, stageOperations);
	}
}
