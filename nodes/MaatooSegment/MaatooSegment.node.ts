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
import { searchSegments } from './methods/searchSegments';
import { getSegmentFilterFields } from './methods/segmentFilterFields';
import { segmentOperations } from './operations';

export class MaatooSegment implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Maatoo Segment',
		name: 'maatooSegment',
		icon: { light: 'file:../../icons/maatoo.svg', dark: 'file:../../icons/maatoo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(segmentOperations),
		description: 'Create and manage segments in maatoo or Mautic and add or remove their contacts',
		defaults: { name: 'Maatoo Segment' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: maatooCredentials,
		properties: [authenticationProperty, ...operationProperties(segmentOperations, 'getAll')],
	};

	methods = {
		listSearch: { searchContacts, searchSegments },
		loadOptions: { getSegmentFilterFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, segmentOperations);
	}
}
