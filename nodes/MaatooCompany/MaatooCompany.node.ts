import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { authenticationProperty, maatooCredentials } from '../shared/descriptions/authentication';
import { executeOperations, operationProperties, operationSubtitle } from '../shared/engine';
import { getOwners } from '../shared/methods/owners';
import { searchContacts } from '../shared/methods/searchContacts';
import { getCompanyColumns, getCompanyFieldMapping } from './methods/companyFields';
import { searchCompanies } from './methods/searchCompanies';
import { companyOperations } from './operations';

export class MaatooCompany implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Maatoo Company',
		name: 'maatooCompany',
		icon: { light: 'file:../../icons/maatoo.svg', dark: 'file:../../icons/maatoo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(companyOperations),
		description: 'Create, update and find companies in maatoo or Mautic and link their contacts',
		defaults: { name: 'Maatoo Company' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: maatooCredentials,
		properties: [authenticationProperty, ...operationProperties(companyOperations, 'upsert')],
	};

	methods = {
		listSearch: { searchCompanies, searchContacts },
		loadOptions: { getCompanyColumns, getOwners },
		resourceMapping: { getCompanyFieldMapping },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, companyOperations);
	}
}
