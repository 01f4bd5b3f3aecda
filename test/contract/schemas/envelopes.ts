/** The envelopes around entities: one, id-keyed lists, arrays, batch answers, delete answers. */
import { z } from 'zod';
import { emptyPhpArray, idKeyed } from './common';

/** `{"<key>": entity}` */
export function one<K extends string, T extends z.ZodTypeAny>(key: K, entity: T) {
	return z.object({ [key]: entity } as Record<K, T>).strict();
}

/**
 * A list keyed by id: `{"total": …, "<key>": {"<id>": …}}`. Contacts send `total` as a string and
 * `{}` when empty; Paginator lists (segments, hooks) an int and `[]`.
 */
export function keyedList<K extends string, T extends z.ZodTypeAny>(
	key: K,
	entity: T,
	total: 'string' | 'int',
) {
	const count = total === 'string' ? z.string().regex(/^\d+$/) : z.number().int().nonnegative();
	// typed as a map: an empty `[]` has no entries to read either
	const entries = (total === 'string'
		? idKeyed(entity)
		: z.union([idKeyed(entity), emptyPhpArray])) as unknown as z.ZodType<
		Record<string, z.infer<T>>
	>;
	return z
		.object({ total: count, [key]: entries } as { total: typeof count } & Record<K, typeof entries>)
		.strict();
}

/** A list as a JSON array (point groups, group scores): `{"total": int, "<key>": [...]}`. */
export function arrayList<K extends string, T extends z.ZodTypeAny>(key: K, entity: T) {
	const entries = z.array(entity);
	return z
		.object({ total: z.number().int().nonnegative(), [key]: entries } as {
			total: z.ZodNumber;
		} & Record<K, typeof entries>)
		.strict();
}

/**
 * A batch answer: entities keyed by request index (an array while the indexes run 0..n-1),
 * `statusCodes` for every index, `errors` only when an entry failed.
 */
export function batchAnswer<K extends string, T extends z.ZodTypeAny, E extends z.ZodTypeAny>(
	key: K,
	entity: T,
	error: E,
) {
	const byIndex = <V extends z.ZodTypeAny>(value: V) =>
		z.union([z.array(value), z.record(z.string().regex(/^\d+$/), value)]);
	const shape = {
		[key]: byIndex(entity),
		statusCodes: byIndex(z.number().int()),
		errors: byIndex(error).optional(),
	} as Record<K, ReturnType<typeof byIndex<T>>> & {
		statusCodes: z.ZodTypeAny;
		errors: z.ZodTypeAny;
	};
	return z.object(shape).strict();
}

/** `POST …/contact/{id}/add|remove` and friends. */
export const success = z.object({ success: z.literal(1) }).strict();
