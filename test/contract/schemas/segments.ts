/** Segments, their filters and membership answers. */
import { z } from 'zod';
import { id, idKeyed, isoDate, publishFields } from './common';

export const segmentFilter = z
	.object({
		glue: z.enum(['and', 'or']),
		field: z.string(),
		object: z.enum(['lead', 'company']),
		type: z.string(),
		operator: z.string(),
		properties: z.union([
			z.object({ filter: z.unknown() }).passthrough(),
			z.array(z.never()).length(0),
		]),
	})
	.strict();

export const segment = z
	.object({
		...publishFields,
		/** null in the answer to a delete */
		id: id.nullable(),
		name: z.string().min(1),
		publicName: z.string(),
		alias: z.string(),
		description: z.string().nullable(),
		category: z.unknown(),
		filters: z.array(segmentFilter),
		isGlobal: z.boolean(),
		isPreferenceCenter: z.boolean(),
	})
	.strict();

/** POST /segments/{id}/contacts/add: one `success` per contact id asked. */
export const bulkAdd = z
	.object({
		success: z.literal(1),
		details: z.record(z.string().regex(/^\d+$/), z.object({ success: z.boolean() }).strict()),
	})
	.strict();

/** GET /contacts/{id}/segments */
export const contactSegments = z
	.object({
		total: z.number().int(),
		lists: z.union([
			idKeyed(
				z
					.object({
						id,
						name: z.string(),
						alias: z.string(),
						dateAdded: isoDate,
						manuallyRemoved: z.boolean(),
						manuallyAdded: z.boolean(),
					})
					.strict(),
			),
			z.array(z.never()).length(0),
		]),
	})
	.strict();
