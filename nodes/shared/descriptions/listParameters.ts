import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export const returnAllProperty: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitProperty: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

/** Mautic's own default page is 30 rows; larger pages cut round trips on big exports. */
export const DEFAULT_PAGE_SIZE = 500;

export const pageSizeOption: INodeProperties = {
	displayName: 'Page Size',
	name: 'pageSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 5000 },
	default: DEFAULT_PAGE_SIZE,
	description:
		'How many rows to ask Mautic for per request. Larger pages mean fewer requests; lower it if the server times out.',
};

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return a flat object (ID, email, names, points, tag names, owner, every field with its value, dates) instead of the raw data from Mautic',
};

export function returnAllAndLimit(ctx: IExecuteFunctions, itemIndex: number) {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : (ctx.getNodeParameter('limit', itemIndex, 50) as number);
	return { returnAll, limit };
}

/**
 * Retries apply only to requests that are safe to repeat (reads, edits, upserts that carry an
 * email); point changes are never sent twice whatever this says.
 */
export const maxRetriesOption: INodeProperties = {
	displayName: 'Max Retries',
	name: 'maxRetries',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 10 },
	default: 3,
	description:
		'How often to repeat a request that Mautic answered with 429, 502, 503 or 504, or that lost its connection. Only requests that are safe to repeat are retried.',
};

/** The "Options" collection every operation puts its optional settings in. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}
