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
import { textMessageOperations } from './operations';
import { searchTextMessages } from './textMessageEntity';

export class MaatooTextMessage implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Maatoo Text Message',
		name: 'maatooTextMessage',
		icon: { light: 'file:../../icons/maatoo.svg', dark: 'file:../../icons/maatoo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(textMessageOperations),
		description: 'Send text messages (SMS) to contacts and manage them in maatoo or Mautic',
		defaults: { name: 'Maatoo Text Message' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: maatooCredentials,
		properties: [authenticationProperty, ...operationProperties(textMessageOperations, 'getAll')],
	};

	methods = {
		listSearch: { searchContacts, searchTextMessages },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, textMessageOperations);
	}
}
