import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { authenticationProperty, maatooCredentials } from '../shared/descriptions/authentication';
import { executeOperations, operationProperties, operationSubtitle } from '../shared/engine';
import { searchCompanies } from '../MaatooCompany/methods/searchCompanies';
import { searchCompanySegments } from './methods/searchCompanySegments';
import { companySegmentOperations } from './operations';

export class MaatooCompanySegment implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Maatoo Company Segment',
		name: 'maatooCompanySegment',
		icon: { light: 'file:../../icons/maatoo.svg', dark: 'file:../../icons/maatoo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(companySegmentOperations),
		description:
			'Create and manage company segments (Mautic 7.2+) in maatoo or Mautic and add or remove their companies',
		defaults: { name: 'Maatoo Company Segment' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: maatooCredentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Company segments need Mautic 7.2 or later',
				name: 'versionNotice',
				type: 'notice',
				default: '',
			},
			...operationProperties(companySegmentOperations, 'getAll'),
		],
	};

	methods = {
		listSearch: { searchCompanies, searchCompanySegments },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, companySegmentOperations);
	}
}
