import type { IDataObject } from 'n8n-workflow';
import {
	DEFAULT_PAGE_SIZE,
	limitProperty,
	optionsCollection,
	pageSizeOption,
	returnAllAndLimit,
	returnAllProperty,
} from '../../shared/descriptions/listParameters';
import { readList, type Operation } from '../../shared/engine';
import { tagEntity, tagNameFilter } from '../../shared/tags/tagEntity';

/** Get Many; the search is a `where … like` on the name (Mautic 5.1 ignores `search` on tags). */
export const getAllOperation: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many tags',
	description: 'List tags, optionally only those whose name contains a text',
	properties: [
		returnAllProperty,
		limitProperty,
		optionsCollection([
			pageSizeOption,
			{
				displayName: 'Name Contains',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. newsletter',
				description: 'Only tags whose name contains this text (any case; % and _ are wildcards)',
			},
		]),
	],
	async run(ctx, itemIndex) {
		const { returnAll, limit } = returnAllAndLimit(ctx, itemIndex);
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		if (options.search) qs.where = tagNameFilter(String(options.search));
		return await readList(
			ctx,
			{
				path: tagEntity.path,
				key: tagEntity.listKey,
				qs,
				returnAll,
				limit,
				pageSize: Number(options.pageSize) || DEFAULT_PAGE_SIZE,
			},
			itemIndex,
		);
	},
};
