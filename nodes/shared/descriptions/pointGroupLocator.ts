import type { INodeProperties } from 'n8n-workflow';

export const POINT_GROUP_URL_ID = /\/s\/points\/groups\/(?:view|edit)\/(\d+)/;

/** Point Group IDs as a resource locator: pick from a search or type the ID. */
export function pointGroupLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Point Group',
		name: 'pointGroupId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchPointGroups', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 3',
				validation: [
					{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A point group ID is a whole number' } },
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://youraccount.maatoo.io/s/points/groups/edit/3',
				validation: [
					{
						type: 'regex',
						properties: { regex: '.*/s/points/groups/(view|edit)/\\d+.*', errorMessage: 'Paste the address of a point group in Mautic' },
					},
				],
			},
		],
		...overrides,
	} as INodeProperties;
}
