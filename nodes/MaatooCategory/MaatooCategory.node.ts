import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { authenticationProperty, maatooCredentials } from '../shared/descriptions/authentication';
import { executeOperations, operationProperties, operationSubtitle } from '../shared/engine';
import { searchCategories } from './categoryEntity';
import { categoryOperations } from './operations';

export class MaatooCategory implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Maatoo Category',
		name: 'maatooCategory',
		icon: { light: 'file:../../icons/maatoo.svg', dark: 'file:../../icons/maatoo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(categoryOperations),
		description:
			'Create, read, update and delete the categories that file emails, campaigns, forms and more in maatoo or Mautic',
		defaults: { name: 'Maatoo Category' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: maatooCredentials,
		properties: [authenticationProperty, ...operationProperties(categoryOperations, 'getAll')],
	};

	methods = {
		listSearch: { searchCategories },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, categoryOperations);
	}
}
