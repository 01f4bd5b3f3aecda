import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { MauticFailure, MauticRequest, MauticResponse } from '../transport';

/** What one input item turns into: one output item, or several (lists). */
export type OperationOutput = IDataObject | IDataObject[];

/** A paginated Mautic list read for one input item. */
export interface ListRequest {
	path: string;
	/** Property of the response that holds the rows, e.g. `contacts`. */
	key: string;
	qs?: IDataObject;
	returnAll: boolean;
	/** Rows wanted when not returning all. */
	limit: number;
	/** Rows asked per request. */
	pageSize: number;
	/**
	 * Mautic pages most lists by `start`; activity lists by `page`. `idCursor` asks for rows with
	 * an id above the last one seen, in id order: rows added or deleted meanwhile cause no
	 * duplicates or gaps, and deep pages cost the server no more than the first.
	 */
	paging?: 'offset' | 'page' | 'idCursor';
	/** Applied per page, so raw pages can be dropped early on large exports. */
	map?: (row: IDataObject) => IDataObject;
	/**
	 * Optional: shortens each page's text before parsing, when `map` needs only part of a row.
	 * A page with a row that fails `isComplete` is parsed again from the full text.
	 */
	compact?: { text(rawText: string): string; isComplete(row: IDataObject): boolean };
	maxRetries?: number;
	/** Per request; the transport's default otherwise. */
	timeoutMs?: number;
	/** Names what a 404 means: `{ label: 'form', id: 3 }` ("The form 3 does not exist"). */
	entity?: MauticRequest['entity'];
}

export type BatchEntryResult = { output: OperationOutput } | { failure: MauticFailure };

/** How the entries of one run travel: chunk size, request per chunk, and mapping back. */
export interface BatchPlan {
	size: number;
	/** What one entry is, for errors: "The contact 12 does not exist". Entries name their `id`. */
	entityLabel: string;
	request(entries: IDataObject[]): MauticRequest;
	/**
	 * Optional: entries that must travel in separate calls, e.g. contacts for different segments
	 * (`/segments/{id}/contacts/add`). Without it, entries are chunked in input order.
	 */
	group?(entry: IDataObject): string;
	/**
	 * One result per entry, in the entries' order. May make further requests (e.g. companies
	 * refused as duplicates are then updated); it must then settle their failures per entry.
	 */
	results(
		response: MauticResponse,
		entries: IDataObject[],
	): BatchEntryResult[] | Promise<BatchEntryResult[]>;
}

export interface BatchOperation {
	/** Whether this run goes through batch calls (e.g. two or more items, batching not switched off). */
	use(ctx: IExecuteFunctions, itemCount: number): boolean;
	/** The payload entry of one item. Throwing reports bad input on that item alone. */
	entry(ctx: IExecuteFunctions, itemIndex: number): IDataObject | Promise<IDataObject>;
	plan(ctx: IExecuteFunctions): BatchPlan;
}

/**
 * One operation of a node, described as data. The engine builds the `operation` selector and
 * the parameter list from these, and runs every item through the one execute loop. Give either
 * `request` (one call per item, `output` maps the answer), `list` (a paginated read), or `run`
 * (several calls); add `batch` when items can share Mautic batch calls.
 */
export interface Operation {
	value: string;
	name: string;
	action: string;
	description: string;
	/** Shown only for this operation; the engine adds the displayOptions. */
	properties: INodeProperties[];
	request?(ctx: IExecuteFunctions, itemIndex: number): MauticRequest | Promise<MauticRequest>;
	output?(response: MauticResponse, ctx: IExecuteFunctions, itemIndex: number): OperationOutput;
	list?(ctx: IExecuteFunctions, itemIndex: number): ListRequest | Promise<ListRequest>;
	run?(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationOutput>;
	batch?: BatchOperation;
	/**
	 * Items run this many at a time (default 1: one after the other). For operations with one
	 * independent call per item and no batch endpoint, e.g. campaign membership. Output keeps the
	 * input order; without Continue On Fail the first failed item (in input order) stops the run
	 * once the items already sent are answered; its error's description names the later items
	 * that went through alongside it.
	 */
	concurrency?: number;
}
