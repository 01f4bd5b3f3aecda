/** Companies (CompanyApiController, 5.1): entity, list, batch answers, a contact's company rows. */
import { z } from 'zod';
import { emptyPhpArray, id, idString } from './common';

const fieldValue = z.union([z.string(), z.number(), z.null()]);

/**
 * One field of a company. A company read back (get, list, edit) carries the field's definition
 * columns as DBAL strings; one created in the same request carries only id (an int), group,
 * label, alias, type and the value.
 */
export const companyField = z.union([
	z
		.object({
			id: idString,
			label: z.string(),
			alias: z.string(),
			type: z.string(),
			group: z.string(),
			object: z.literal('company'),
			is_fixed: z.enum(['0', '1']),
			properties: z.string(),
			default_value: z.string().nullable(),
			value: fieldValue,
			normalizedValue: fieldValue,
		})
		.strict(),
	z
		.object({
			id: z.number().int().positive(),
			group: z.string(),
			label: z.string(),
			alias: z.string(),
			type: z.string(),
			value: fieldValue,
			normalizedValue: fieldValue,
		})
		.strict(),
]);

const group = z.union([z.record(companyField), emptyPhpArray]);

/** `id`, `score` and `fields` only: 5.1 serialises neither the owner nor any date of a company. */
export const company = z
	.object({
		/** null in the answer to a delete */
		id: id.nullable(),
		score: z.number().int(),
		fields: z
			.object({
				core: group,
				professional: group,
				other: group.optional(),
				social: group.optional(),
				personal: group.optional(),
				all: z.object({ id: id.nullable() }).catchall(fieldValue),
			})
			.strict(),
	})
	.strict();

/** GET /contacts/{id}/companies: raw DBAL rows (strings), nulls left out. */
export const contactCompanies = z
	.object({
		total: z.number().int().nonnegative(),
		companies: z.array(
			z
				.object({
					company_id: idString,
					date_associated: z.string(),
					is_primary: z.enum(['0', '1']),
					id: idString,
					companyname: z.string(),
				})
				.catchall(z.string()),
		),
	})
	.strict();
