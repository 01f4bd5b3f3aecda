/** Stages, text messages, tags, categories, reports and stats tables (#17, #18). */
import { z } from 'zod';
import { id, isoDate, publishFields } from './common';

export const stage = z
	.object({
		...publishFields,
		id: id.nullable(),
		name: z.string().min(1),
		category: z.unknown(),
		weight: z.number().int(),
		description: z.string().nullable(),
		publishUp: isoDate.nullable(),
		publishDown: isoDate.nullable(),
	})
	.strict();

/** A contact's stage (serializer group stageList): no publish fields but the users' names. */
export const contactStage = z
	.object({
		createdByUser: z.string().nullable(),
		modifiedByUser: z.string().nullable(),
		id,
		name: z.string(),
		category: z.unknown(),
		weight: z.number().int(),
		description: z.string().nullable(),
	})
	.strict();

export const textMessage = z
	.object({
		...publishFields,
		id: id.nullable(),
		name: z.string().min(1),
		message: z.string(),
		language: z.string(),
		category: z.unknown(),
		publishUp: isoDate.nullable(),
		publishDown: isoDate.nullable(),
		sentCount: z.number().int().nonnegative(),
	})
	.strict();

/** GET /smses/{id}/contact/{contactId}/send without an SMS transport: HTTP 200, a JSON string. */
export const smsTransportDisabled = z
	.string()
	.refine(
		(text) =>
			JSON.stringify(JSON.parse(text)) ===
			'{"error":{"message":"SMS transport is disabled.","code":417}}',
		'the JSON-encoded transport refusal',
	);

export const tagEntity = z
	.object({ id: id.nullable(), tag: z.string().min(1), description: z.string().nullable() })
	.strict();

export const category = z
	.object({
		id: id.nullable(),
		title: z.string().min(1),
		alias: z.string().min(1),
		description: z.string().nullable(),
		color: z.string().nullable(),
		bundle: z.string().min(1),
	})
	.strict();

/** A PHP list: `[…]`, or an object when its keys do not run 0..n-1. */
const phpList = z.union([z.array(z.unknown()), z.record(z.unknown())]);

/** A report as listed (reportList group). */
export const reportSummary = z
	.object({
		id,
		name: z.string(),
		description: z.string().nullable(),
		system: z.boolean(),
		isScheduled: z.boolean(),
		source: z.string(),
		columns: z.array(z.string()),
		filters: phpList,
		tableOrder: phpList,
		graphs: z.array(z.string()),
		groupBy: phpList,
		settings: z.union([z.array(z.unknown()), z.record(z.unknown())]),
		aggregators: phpList,
		scheduleUnit: z.string().nullable(),
		toAddress: z.string().nullable(),
		scheduleDay: z.string().nullable(),
		scheduleMonthFrequency: z.string().nullable(),
	})
	.strict();

/** GET /reports/{id}: the rows (strings) and paging, plus the report. */
export const reportRun = z
	.object({
		totalResults: z.number().int().nonnegative(),
		data: z.array(z.record(z.string().nullable())),
		dataColumns: z.union([z.record(z.string()), z.array(z.never())]),
		limit: z.number().int().nonnegative(),
		page: z.number().int().positive(),
		dateFrom: isoDate.optional(),
		dateTo: isoDate.optional(),
		debug: z.unknown(),
		aggregatorColumns: z.unknown(),
		report: z.object({ id, name: z.string(), source: z.string() }).passthrough(),
	})
	.strict();

/** GET /stats (or an unknown table): the tables and their columns. */
export const statsCatalogue = z
	.object({
		availableTables: z.array(z.string().regex(/^[a-z0-9_]+$/)),
		tableColumns: z.record(z.array(z.string())),
	})
	.strict();

/** GET /stats/{table}: `total` and every value as strings (or null), as DBAL hands them over. */
export const statsRows = z
	.object({
		total: z.string().regex(/^\d+$/),
		stats: z.array(z.record(z.string().nullable())),
	})
	.strict();

/** A failed stats query: HTTP 200 with `errors` (message and the driver's code, no details). */
export const statsError = z
	.object({
		errors: z
			.array(z.object({ message: z.string().min(1), code: z.number().int() }).strict())
			.length(1),
	})
	.strict();
