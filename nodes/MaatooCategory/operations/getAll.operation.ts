import type { IDataObject } from 'n8n-workflow';
import {
	DEFAULT_PAGE_SIZE,
	limitProperty,
	optionsCollection,
	returnAllAndLimit,
	returnAllProperty,
} from '../../shared/descriptions/listParameters';
import { readList, type Operation } from '../../shared/engine';
import { categoryBundles, categoryEntity } from '../categoryEntity';

/** Get Many with a Type filter: an exact `where` on the bundle (Mautic's search has no bundle command). */
export const getAllOperation: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many categories',
	description: 'List categories, optionally of one type or searched',
	properties: [
		returnAllProperty,
		limitProperty,
		optionsCollection([
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. news',
				description:
					'Only categories whose title, alias or description contains this text (Mautic search string)',
			},
			{
				displayName: 'Type',
				name: 'bundle',
				type: 'options',
				options: categoryBundles,
				default: 'email',
				description:
					'Only categories of this type (Global ones are a type of their own here, not included in the others)',
			},
		]),
	],
	async run(ctx, itemIndex) {
		const { returnAll, limit } = returnAllAndLimit(ctx, itemIndex);
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		if (options.search) qs.search = options.search;
		if (options.bundle) qs.where = [{ col: 'bundle', expr: 'eq', val: String(options.bundle) }];
		return await readList(
			ctx,
			{
				path: categoryEntity.path,
				key: categoryEntity.listKey,
				qs,
				returnAll,
				limit,
				pageSize: DEFAULT_PAGE_SIZE,
			},
			itemIndex,
		);
	},
};
