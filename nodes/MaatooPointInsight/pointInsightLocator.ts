import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { numericLocatorId } from '../shared/descriptions/locatorId';

/** Point Insight IDs as a resource locator: pick from a search or type the ID. */
export const pointInsightLocator: INodeProperties = {
	displayName: 'Point Insight',
	name: 'pointInsightId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchPointInsights', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 12',
			validation: [
				{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A point insight ID is a whole number' } },
			],
		},
	],
};

export function pointInsightIdOf(ctx: IExecuteFunctions, itemIndex: number): Promise<number> {
	return numericLocatorId(ctx, itemIndex, 'pointInsightId', 'Point Insight');
}
