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
import { searchNotes } from './methods/searchNotes';
import { noteOperations } from './operations';

export class MaatooNote implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Maatoo Note',
		name: 'maatooNote',
		icon: { light: 'file:../../icons/maatoo.svg', dark: 'file:../../icons/maatoo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(noteOperations),
		description: 'Add, read, update and delete contact notes in maatoo or Mautic',
		defaults: { name: 'Maatoo Note' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: maatooCredentials,
		properties: [authenticationProperty, ...operationProperties(noteOperations, 'getAll')],
	};

	methods = {
		listSearch: { searchContacts, searchNotes },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, noteOperations);
	}
}
