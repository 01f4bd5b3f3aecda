import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { numericLocatorId } from '../../shared/descriptions/locatorId';

/** The segment ID in a link to it in Mautic's UI: `…/s/segments/view/5` or `…/s/segments/edit/5`. */
export const SEGMENT_URL_ID = /\/s\/segments\/(?:view|edit)\/(\d+)/;

/** Segment IDs as a resource locator: pick from a search, type the ID, or paste a UI link. */
export function segmentLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Segment',
		name: 'segmentId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The segment to work on',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchSegments', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 5',
				validation: [
					{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A segment ID is a whole number' } },
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://youraccount.maatoo.io/s/segments/view/5',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '.*/s/segments/(view|edit)/\\d+.*',
							errorMessage: 'Paste the address of a segment page in Mautic (…/s/segments/view/5)',
						},
					},
				],
			},
		],
		...overrides,
	} as INodeProperties;
}

/** The numeric segment ID from the Segment parameter (list, ID or a link to the segment in Mautic). */
export function resolveSegmentId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameterName = 'segmentId',
	label = 'Segment',
): Promise<number> {
	return numericLocatorId(ctx, itemIndex, parameterName, label, SEGMENT_URL_ID);
}
