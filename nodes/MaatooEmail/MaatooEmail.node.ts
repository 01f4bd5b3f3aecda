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
import { searchEmails } from './methods/searchEmails';
import { emailOperations } from './operations';

export class MaatooEmail implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Maatoo Email',
		name: 'maatooEmail',
		icon: { light: 'file:../../icons/maatoo.svg', dark: 'file:../../icons/maatoo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(emailOperations),
		description: 'Send emails to contacts or segments in maatoo or Mautic, and manage emails',
		defaults: { name: 'Maatoo Email' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: maatooCredentials,
		properties: [authenticationProperty, ...operationProperties(emailOperations, 'sendToContact')],
	};

	methods = {
		listSearch: { searchContacts, searchEmails },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, emailOperations);
	}
}
