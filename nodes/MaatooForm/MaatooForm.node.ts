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
import { searchForms } from './methods/searchForms';
import { formOperations } from './operations';

export class MaatooForm implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Maatoo Form',
		name: 'maatooForm',
		icon: { light: 'file:../../icons/maatoo.svg', dark: 'file:../../icons/maatoo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(formOperations),
		description: 'Read forms and their submissions in maatoo or Mautic, and delete forms',
		defaults: { name: 'Maatoo Form' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: maatooCredentials,
		properties: [authenticationProperty, ...operationProperties(formOperations, 'getAll')],
	};

	methods = {
		listSearch: { searchContacts, searchForms },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, formOperations);
	}
}
