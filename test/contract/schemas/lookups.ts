/** Fields, owners and the user behind a credential. */
import { z } from 'zod';
import { emptyPhpArray, id, publishFields } from './common';

/** GET /fields/contact entries (the field catalog the mapper and segment filters read). */
export const field = z
	.object({
		...publishFields,
		id,
		label: z.string(),
		alias: z.string().regex(/^[a-z0-9_]+$/),
		type: z.string(),
		group: z.string(),
		order: z.number().int(),
		object: z.enum(['lead', 'company']),
		defaultValue: z.unknown(),
		isRequired: z.boolean(),
		isFixed: z.boolean(),
		isListable: z.boolean(),
		isVisible: z.boolean(),
		isShortVisible: z.boolean(),
		isUniqueIdentifier: z.boolean(),
		isPubliclyUpdatable: z.boolean(),
		/** `{}` when empty; select lists as [{label, value}], lookup lists as strings */
		properties: z.record(z.unknown()),
	})
	.strict();

/** GET /contacts/list/owners: a bare array, no envelope. */
export const owners = z
	.array(z.object({ id, firstName: z.string(), lastName: z.string() }).strict())
	.min(1);

/** GET /contacts/list/fields: fields keyed by id, no envelope. */
export const listFields = z.record(
	z.string().regex(/^\d+$/),
	z
		.object({
			id,
			label: z.string(),
			alias: z.string(),
			type: z.string(),
			group: z.string(),
			order: z.number().int(),
			object: z.string(),
		})
		.passthrough(),
);

/** GET /users/self (the credential test): serialized without nulls. */
export const self = z
	.object({
		isPublished: z.boolean(),
		username: z.string(),
		firstName: z.string(),
		lastName: z.string(),
		role: z.object({ id, name: z.string(), isAdmin: z.boolean() }).passthrough(),
	})
	.passthrough();

/** GET /contacts/{id}/notes|devices|companies|campaigns on a contact without any. */
export const emptySubList = (key: string) =>
	z
		.object({
			total: z.union([z.literal(0), z.literal('0')]),
			[key]: z.union([emptyPhpArray, z.object({}).strict()]),
		})
		.strict();
