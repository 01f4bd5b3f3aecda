import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';
import {
	DEFAULT_PAGE_SIZE,
	limitProperty,
	pageSizeOption,
	returnAllAndLimit,
	returnAllProperty,
	optionsCollection,
} from '../descriptions/listParameters';
import { readList, type Operation } from '../engine';
import { recordInAnswer } from '../engine/recordInAnswer';
import { rowsOfPage, totalOfPage } from '../engine/paginate';
import type { EntityLocator } from '../locators/entityLocator';
import { instanceRootOf, mauticRequest, PUT_NOT_REPEATED, whenRecordExists } from '../transport';

/**
 * A Mautic entity behind the standard API controller: `/api/<entities>` with `{<key>: {…}}` for
 * one and `{total, <listKey>: {id: {…}}}` for many, `/new`, `/{id}`, `/{id}/edit` (PATCH, PUT),
 * `/{id}/delete`. From this description the builders below make its operations and list search.
 */
export interface Entity {
	/** API path without `/api`: `/segments`, `/points/groups`. */
	path: string;
	/** Envelope key of one record (`list` for segments, `pointGroup`…). */
	key: string;
	/** Envelope key of a list (`lists`, `pointGroups`…). */
	listKey: string;
	/** Lower-case names for actions and errors: `segment` / `segments`. */
	label: string;
	pluralLabel: string;
	locator: EntityLocator;
	/** Path of its pages in Mautic's UI, for list-search links (`s/segments`). */
	uiPath?: string;
	/** The page a list-search link opens: `view` (default) or `edit` (stages have no view page). */
	uiAction?: 'view' | 'edit';
}

export interface GetManySpec {
	description: string;
	/** What Mautic's search matches for this entity, e.g. "the segment name or alias". */
	searchMatches: string;
	searchPlaceholder: string;
	/** Offer "Published Only" (`published=1`). */
	publishedOnly?: boolean;
	/** Offer "Page Size" (lists that can be long). */
	pageSize?: boolean;
	/** More options, added to the Options collection. */
	options?: INodeProperties[];
	/** More query parameters from the chosen options (e.g. a `where` for a type filter). */
	qs?: (options: IDataObject) => IDataObject;
	/** Turns the rows read into the output (e.g. one more request per row); default: as read. */
	rows?: (
		ctx: IExecuteFunctions,
		itemIndex: number,
		rows: IDataObject[],
		options: IDataObject,
	) => Promise<IDataObject[]>;
	/** Wraps the whole read (e.g. a version check); default: none. */
	around?: (
		ctx: IExecuteFunctions,
		itemIndex: number,
		read: () => Promise<IDataObject[]>,
	) => Promise<IDataObject[]>;
}

/** Get Many: Return All / Limit, search and the options asked for, paged by the engine. */
export function getManyOperation(entity: Entity, spec: GetManySpec): Operation {
	const options: INodeProperties[] = [
		...(spec.pageSize ? [pageSizeOption] : []),
		...(spec.publishedOnly
			? [
					{
						displayName: 'Published Only',
						name: 'publishedOnly',
						type: 'boolean',
						default: false,
						description: `Whether to return only published ${entity.pluralLabel}`,
					} satisfies INodeProperties,
				]
			: []),
		...(spec.options ?? []),
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			placeholder: spec.searchPlaceholder,
			description: `Only ${entity.pluralLabel} whose ${spec.searchMatches} contains this text (Mautic search string)`,
		},
	];
	const read = async (ctx: IExecuteFunctions, itemIndex: number) => {
		const { returnAll, limit } = returnAllAndLimit(ctx, itemIndex);
		const chosen = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		if (chosen.search) qs.search = chosen.search;
		if (spec.publishedOnly && chosen.publishedOnly) qs.published = 1;
		if (spec.qs) Object.assign(qs, spec.qs(chosen));
		const pageSize = (spec.pageSize && Number(chosen.pageSize)) || DEFAULT_PAGE_SIZE;
		const rows = await readList(
			ctx,
			{ path: entity.path, key: entity.listKey, qs, returnAll, limit, pageSize },
			itemIndex,
		);
		return spec.rows ? await spec.rows(ctx, itemIndex, rows, chosen) : rows;
	};
	return {
		value: 'getAll',
		name: 'Get Many',
		action: `Get many ${entity.pluralLabel}`,
		description: spec.description,
		properties: [returnAllProperty, limitProperty, optionsCollection(options)],
		run: async (ctx, itemIndex) =>
			spec.around
				? await spec.around(ctx, itemIndex, async () => await read(ctx, itemIndex))
				: await read(ctx, itemIndex),
	};
}

/** Get: one record by the entity's locator. */
export function getOperation(
	entity: Entity,
	description = `Get one ${entity.label} by ID`,
): Operation {
	return {
		value: 'get',
		name: 'Get',
		action: `Get a ${entity.label}`,
		description,
		properties: [entity.locator.property()],
		async request(ctx, itemIndex) {
			const id = await entity.locator.idOf(ctx, itemIndex);
			return { method: 'GET', path: `${entity.path}/${id}`, entity: { label: entity.label, id } };
		},
		output: (response, ctx, itemIndex) =>
			recordInAnswer(ctx, itemIndex, response, entity.key, { label: entity.label, changes: false }),
	};
}

/** Delete: reports the ID deleted (Mautic answers the record with its id already nulled). */
export function deleteOperation(entity: Entity, description: string): Operation {
	return {
		value: 'delete',
		name: 'Delete',
		action: `Delete a ${entity.label}`,
		description,
		properties: [entity.locator.property()],
		async run(ctx, itemIndex) {
			const id = await entity.locator.idOf(ctx, itemIndex);
			await mauticRequest(
				ctx,
				{
					method: 'DELETE',
					path: `${entity.path}/${id}/delete`,
					entity: { label: entity.label, id },
				},
				itemIndex,
			);
			return { id, deleted: true };
		},
	};
}

type BodyOf = (ctx: IExecuteFunctions, itemIndex: number) => IDataObject | Promise<IDataObject>;

/** Create (POST …/new) from the given parameters and body. */
export function createOperation(
	entity: Entity,
	spec: { description: string; properties: INodeProperties[]; body: BodyOf },
): Operation {
	return {
		value: 'create',
		name: 'Create',
		action: `Create a ${entity.label}`,
		description: spec.description,
		properties: spec.properties,
		request: async (ctx, itemIndex) => ({
			method: 'POST',
			path: `${entity.path}/new`,
			body: await spec.body(ctx, itemIndex),
			entity: { label: entity.label },
		}),
		output: (response, ctx, itemIndex) =>
			recordInAnswer(ctx, itemIndex, response, entity.key, { label: entity.label, changes: true }),
	};
}

/**
 * Update (PATCH: only what is given changes, a missing ID fails) or Create or Replace (PUT:
 * everything not given is reset, a missing ID is created under a new ID; repeated after a lost
 * answer only when the record exists).
 */
export function editOperation(
	entity: Entity,
	spec: {
		value: string;
		name: string;
		action: string;
		description: string;
		method: 'PATCH' | 'PUT';
		properties: INodeProperties[];
		body: BodyOf;
	},
): Operation {
	return {
		value: spec.value,
		name: spec.name,
		action: spec.action,
		description: spec.description,
		properties: [entity.locator.property(), ...spec.properties],
		async request(ctx, itemIndex) {
			const id = await entity.locator.idOf(ctx, itemIndex);
			const path = `${entity.path}/${id}/edit`;
			const body = await spec.body(ctx, itemIndex);
			if (spec.method === 'PATCH')
				return { method: 'PATCH', path, body, entity: { label: entity.label, id } };
			return {
				method: 'PUT',
				path,
				body,
				entity: { label: entity.label, id },
				repeatableIf: whenRecordExists(ctx, `${entity.path}/${id}`),
				notRepeatedBecause: PUT_NOT_REPEATED,
			};
		},
		output: (response, ctx, itemIndex) =>
			recordInAnswer(ctx, itemIndex, response, entity.key, { label: entity.label, changes: true }),
	};
}

const SEARCH_PAGE = 50;

/**
 * The list search of the entity's locator: records matching the typed text (Mautic search),
 * ordered as given, 50 at a time, each linked to its page in Mautic.
 */
export function entityListSearch(
	entity: Entity,
	spec: { orderBy: string; orderByDir: 'ASC' | 'DESC'; name: (row: IDataObject) => string },
) {
	return async function search(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const start = Number(paginationToken ?? 0) || 0;
		const qs: IDataObject = {
			start,
			limit: SEARCH_PAGE,
			orderBy: spec.orderBy,
			orderByDir: spec.orderByDir,
			minimal: 1,
		};
		if (filter) qs.search = filter;
		const response = await mauticRequest(this, { method: 'GET', path: entity.path, qs });
		const root = await instanceRootOf(this);
		const rows = rowsOfPage(response, entity.listKey);
		const results = rows.map((row) => ({
			name: `${spec.name(row)} (#${row.id})`,
			value: String(row.id),
			...(entity.uiPath
				? { url: `${root}/${entity.uiPath}/${entity.uiAction ?? 'view'}/${row.id}` }
				: {}),
		}));
		const total = totalOfPage(response) ?? 0;
		const next = start + rows.length;
		return { results, paginationToken: rows.length > 0 && next < total ? String(next) : undefined };
	};
}
