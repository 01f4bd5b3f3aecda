import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { authenticationProperty, maatooCredentials } from '../shared/descriptions/authentication';
import { executeOperations, operationProperties, operationSubtitle } from '../shared/engine';
import { getPointGroups } from './methods/pointGroupOptions';
import { searchPointInsights } from './methods/searchPointInsights';
import { getTextCustomFields } from './methods/textCustomFields';
import { pointInsightOperations } from './operations';

export class MaatooPointInsight implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Maatoo Point Insight',
		name: 'maatooPointInsight',
		icon: { light: 'file:../../icons/maatoo.svg', dark: 'file:../../icons/maatoo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(pointInsightOperations),
		description:
			'Manage point insights (Mautic 7+): write the strongest point group of a contact into a field',
		defaults: { name: 'Maatoo Point Insight' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: maatooCredentials,
		properties: [authenticationProperty, ...operationProperties(pointInsightOperations, 'getAll')],
	};

	methods = {
		listSearch: { searchPointInsights },
		loadOptions: { getTextCustomFields, getPointGroups },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, pointInsightOperations);
	}
}
