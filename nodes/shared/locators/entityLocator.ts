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
	/** The page users see an entity on: `view` (default) or `edit` (point groups have no view page). */
	uiAction?: 'view' | 'edit';
	description?: string;
	/** Offer "By Email" between "By ID" and "By URL" (contacts; the resolver looks the email up). */
	emailMode?: boolean;
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
	if (spec.uiPath !== undefined && !/^[a-z][a-z-]*(\/[a-z][a-z-]*)*$/.test(spec.uiPath)) {
		throw new Error(
			`uiPath "${spec.uiPath}" must look like "s/segments" (no leading or trailing slash)`,
		);
	}
	// Matched against the link's path only, and the ID must end a path segment.
	const urlId = spec.uiPath
		? new RegExp(`/${escaped(spec.uiPath)}/(?:view|edit)/(\\d+)(?:/|$)`)
		: undefined;
	const example = `${spec.uiPath ?? ''}/${spec.uiAction ?? 'view'}/${spec.exampleId}`;
	// The mode literals sit in an array under a `modes:` key, where n8n's lint and package
	// scanner read them as locator modes (which have no default), not as parameters.
	const { modes: allModes }: { modes: INodePropertyMode[] } = {
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
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
			{
				displayName: 'By Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. jane@example.com',
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `e.g. https://youraccount.maatoo.io/${example}`,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `.*/${escaped(spec.uiPath ?? '')}/(view|edit)/\\d+.*`,
							errorMessage: `Paste the address of a ${spec.noun} page in Mautic (…/${example})`,
						},
					},
				],
			},
		],
	};
	const modes = allModes.filter(
		(mode) => (mode.name !== 'email' || spec.emailMode) && (mode.name !== 'url' || spec.uiPath),
	);
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
