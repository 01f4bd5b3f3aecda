import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { authenticationProperty, maatooCredentials } from '../shared/descriptions/authentication';
import { executeOperations, operationProperties, operationSubtitle } from '../shared/engine';
import { getContactColumns, getContactFields } from './methods/contactFields';
import { getContactFieldMapping } from './methods/contactFieldMapping';
import { getOwners } from '../shared/methods/owners';
import { searchContacts } from '../shared/methods/searchContacts';
import { searchPointGroups } from '../shared/methods/searchPointGroups';
import { searchStages } from '../shared/stages/stageEntity';
import { getTags } from '../shared/tags/tagEntity';
import { contactOperations } from './operations';

export class MaatooContact implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Maatoo Contact',
		name: 'maatooContact',
		icon: { light: 'file:../../icons/maatoo.svg', dark: 'file:../../icons/maatoo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(contactOperations),
		description: 'Create, update, find and score contacts in maatoo or Mautic',
		defaults: { name: 'Maatoo Contact' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: maatooCredentials,
		properties: [authenticationProperty, ...operationProperties(contactOperations, 'getAll')],
	};

	methods = {
		listSearch: { searchContacts, searchPointGroups, searchStages },
		loadOptions: { getContactFields, getContactColumns, getOwners, getTags },
		resourceMapping: { getContactFieldMapping },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, contactOperations);
	}
}
