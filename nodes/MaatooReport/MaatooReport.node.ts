import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { authenticationProperty, maatooCredentials } from '../shared/descriptions/authentication';
import { executeOperations, operationProperties, operationSubtitle } from '../shared/engine';
import { getStatsTables } from './methods/statsTables';
import { reportOperations } from './operations';
import { searchReports } from './reportEntity';

export class MaatooReport implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Maatoo Report',
		name: 'maatooReport',
		icon: { light: 'file:../../icons/maatoo.svg', dark: 'file:../../icons/maatoo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(reportOperations),
		description:
			'Run reports and export statistics tables (email sends, page hits…) from maatoo or Mautic',
		defaults: { name: 'Maatoo Report' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: maatooCredentials,
		properties: [authenticationProperty, ...operationProperties(reportOperations, 'run')],
	};

	methods = {
		listSearch: { searchReports },
		loadOptions: { getStatsTables },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, reportOperations);
	}
}
