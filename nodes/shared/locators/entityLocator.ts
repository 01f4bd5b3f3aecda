import type { IExecuteFunctions, INodeProperties, INodePropertyMode } from 'n8n-workflow';
import { numericLocatorId } from './locatorValue';

/** What distinguishes one entity's resource locator from another's. */
export interface EntityLocatorSpec {
	/** Label in the editor and in errors: "Segment". */
	displayName: string;
	/** Parameter name (a contract with saved workflows): "segmentId". */
	name: string;
	/** The entity in lower case, for hints: "segment". */
	noun: string;
	/** listSearch method of the node that offers the entities. */
	searchListMethod: string;
	/** An ID for the placeholders. */
	exampleId: number;
	/** Path of the entity's pages in Mautic's UI ("s/segments"); without it there is no URL mode. */
	uiPath?: string;
	description?: string;
	/** Modes between "By ID" and "By URL" (the contact's "By Email"). */
	extraModes?: INodePropertyMode[];
}

export interface EntityLocator {
	/** The resource locator parameter; `overrides` change the copy used by one operation. */
	property(overrides?: Partial<INodeProperties>): INodeProperties;
	/**
	 * The checked numeric ID of the item's value: list or ID mode (a positive whole number), or a
	 * link to the entity on the credential's own instance.
	 */
	idOf(
		ctx: IExecuteFunctions,
		itemIndex: number,
		parameterName?: string,
		label?: string,
	): Promise<number>;
	/** Finds the ID in a link to the entity's page: `…/<uiPath>/view/5` or `…/edit/5`. */
	urlId?: RegExp;
}

function escaped(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One resource locator per entity: list from a search, ID with the numeric check, URL with the host check. */
export function entityLocator(spec: EntityLocatorSpec): EntityLocator {
	const urlId = spec.uiPath
		? new RegExp(`/${escaped(spec.uiPath)}/(?:view|edit)/(\\d+)`)
		: undefined;
	const modes: INodePropertyMode[] = [
		// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- a locator mode, not a parameter: modes have no default
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
		},
		// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- a locator mode, not a parameter: modes have no default
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: `e.g. ${spec.exampleId}`,
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*\\d+\\s*$',
						errorMessage: `A ${spec.noun} ID is a whole number`,
					},
				},
			],
		},
		...(spec.extraModes ?? []),
	];
	if (spec.uiPath) {
		const example = `${spec.uiPath}/view/${spec.exampleId}`;
		// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- a locator mode, not a parameter: modes have no default
		modes.push({
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: `e.g. https://youraccount.maatoo.io/${example}`,
			validation: [
				{
					type: 'regex',
					properties: {
						regex: `.*/${escaped(spec.uiPath)}/(view|edit)/\\d+.*`,
						errorMessage: `Paste the address of a ${spec.noun} page in Mautic (…/${example})`,
					},
				},
			],
		});
	}
	return {
		urlId,
		property: (overrides = {}) =>
			({
				displayName: spec.displayName,
				name: spec.name,
				type: 'resourceLocator',
				default: { mode: 'list', value: '' },
				required: true,
				...(spec.description ? { description: spec.description } : {}),
				modes,
				...overrides,
			}) as INodeProperties,
		idOf: async (ctx, itemIndex, parameterName = spec.name, label = spec.displayName) =>
			await numericLocatorId(ctx, itemIndex, parameterName, label, urlId),
	};
}
