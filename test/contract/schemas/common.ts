/** Building blocks shared by the schemas: ids, dates, id-keyed maps and PHP's empty array. */
import { z } from 'zod';

/** An entity id as Mautic's serializer sends it: a positive integer. */
export const id = z.number().int().positive();

/** An id as DBAL sends it: a string of digits. */
export const idString = z.string().regex(/^\d+$/);

/** A date in PHP's `c` format, e.g. 2026-12-02T08:20:20+00:00. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);

/** PHP's empty array, which json_encode writes as `[]` where a map would be `{}`. */
export const emptyPhpArray = z.array(z.never()).length(0);

/** An object keyed by entity id whose entry carries that same id (Doctrine INDEX BY). */
export function idKeyed<T extends z.ZodTypeAny>(entry: T) {
	return z.record(z.string().regex(/^\d+$/), entry).superRefine((map, ctx) => {
		for (const [key, value] of Object.entries(map)) {
			const entryId = (value as { id?: unknown })?.id;
			if (entryId !== undefined && String(entryId) !== key) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					message: `entry under key ${key} has id ${String(entryId)}`,
				});
			}
		}
	});
}

/** The publish fields every FormEntity starts with. */
export const publishFields = {
	isPublished: z.boolean(),
	dateAdded: isoDate.nullable(),
	dateModified: isoDate.nullable(),
	createdBy: z.number().int().nullable(),
	createdByUser: z.string().nullable(),
	modifiedBy: z.number().int().nullable(),
	modifiedByUser: z.string().nullable(),
};
