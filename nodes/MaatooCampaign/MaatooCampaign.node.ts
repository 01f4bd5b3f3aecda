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
import { searchCampaigns } from './methods/searchCampaigns';
import { campaignOperations } from './operations';

export class MaatooCampaign implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Maatoo Campaign',
		name: 'maatooCampaign',
		icon: { light: 'file:../../icons/maatoo.svg', dark: 'file:../../icons/maatoo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(campaignOperations),
		description:
			'Add contacts to campaigns in maatoo or Mautic, and read, clone or delete campaigns',
		defaults: { name: 'Maatoo Campaign' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: maatooCredentials,
		properties: [authenticationProperty, ...operationProperties(campaignOperations, 'addContact')],
	};

	methods = {
		listSearch: { searchCampaigns, searchContacts },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, campaignOperations);
	}
}
