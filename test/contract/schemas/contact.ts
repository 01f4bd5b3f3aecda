/** A contact as the API answers it: grouped fields with metadata, and `fields.all` flat. */
import { z } from 'zod';
import { emptyPhpArray, id, idString, isoDate, publishFields } from './common';

/** A grouped field entry as a list or GET answers it (the shape compactContactList removes). */
export const groupedField = z
	.object({
		id: z.union([idString, id]),
		label: z.string(),
		alias: z.string(),
		type: z.string(),
		group: z.string(),
		object: z.literal('lead').optional(),
		is_fixed: z.enum(['0', '1']).optional(),
		properties: z.union([z.string(), z.record(z.unknown()), emptyPhpArray]),
		value: z.unknown().optional(),
		normalizedValue: z.unknown().optional(),
	})
	.passthrough();

const fieldGroup = z.union([z.record(groupedField), emptyPhpArray]);

/** Flat values by alias; `id` is the DBAL string. */
export const flatFields = z
	.object({ id: idString.nullable() })
	.catchall(z.union([z.string(), z.number(), z.boolean(), z.null()]));

export const contactFields = z.object({
	core: fieldGroup,
	social: fieldGroup,
	personal: fieldGroup,
	professional: fieldGroup,
	all: flatFields,
});

export const tag = z.object({ id, tag: z.string(), description: z.string().nullable() }).strict();

export const doNotContactEntry = z
	.object({
		id,
		reason: z.number().int().min(1).max(3),
		comments: z.string().nullable().optional(),
		channel: z.string(),
		channelId: z.number().nullable().optional(),
	})
	.passthrough();

export const utmEntry = z
	.object({
		id,
		utmSource: z.string().nullable(),
		utmCampaign: z.string().nullable(),
		url: z.string().nullable(),
	})
	.passthrough();

export const owner = z
	.object({ id, username: z.string(), firstName: z.string(), lastName: z.string() })
	.passthrough();

export const contact = z
	.object({
		...publishFields,
		id,
		points: z.number().int(),
		color: z.string().nullable(),
		fields: contactFields,
		lastActive: isoDate.nullable(),
		owner: owner.nullable(),
		ipAddresses: z.array(z.object({ ip: z.string() }).passthrough()),
		tags: z.array(tag),
		/** null in the answer that created the contact (no collection yet), else a list */
		utmtags: z.array(utmEntry).nullable(),
		stage: z.object({ id, name: z.string() }).passthrough().nullable(),
		dateIdentified: isoDate.nullable(),
		preferredProfileImage: z.string().nullable(),
		doNotContact: z.array(doNotContactEntry),
		frequencyRules: z.array(z.unknown()),
	})
	.strict();

/** `minimal=1` rows: id, points, color and fields only. */
export const minimalContact = z
	.object({
		...publishFields,
		id,
		points: z.number().int(),
		color: z.string().nullable(),
		fields: contactFields,
	})
	.strict();

/** A DNC or UTM answer's contact: serialized without a context, so nulls dropped and no fields.all. */
export const plainContact = z
	.object({
		id,
		points: z.number().int(),
		fields: z
			.object({ core: fieldGroup })
			.passthrough()
			.refine((fields) => !('all' in fields), 'no fields.all'),
		doNotContact: z.array(doNotContactEntry).optional(),
		utmtags: z.array(utmEntry).optional(),
	})
	.passthrough();
