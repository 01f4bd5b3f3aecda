/** Emails and the answers of the two sends. */
import { z } from 'zod';
import { id, publishFields } from './common';
import { segmentRef } from './campaigns';

export const email = z
	.object({
		...publishFields,
		/** null in the answer to a delete */
		id: id.nullable(),
		name: z.string().min(1),
		subject: z.string().nullable(),
		language: z.string(),
		category: z.unknown(),
		fromAddress: z.string().nullable(),
		fromName: z.string().nullable(),
		replyToAddress: z.string().nullable(),
		bccAddress: z.string().nullable(),
		useOwnerAsMailer: z.boolean().nullable(),
		utmTags: z
			.object({
				utmSource: z.string().nullable(),
				utmMedium: z.string().nullable(),
				utmCampaign: z.string().nullable(),
				utmContent: z.string().nullable(),
			})
			.strict(),
		customHtml: z.string().nullable(),
		plainText: z.string().nullable(),
		template: z.string().nullable(),
		emailType: z.enum(['template', 'list']),
		publishUp: z.string().nullable(),
		publishDown: z.string().nullable(),
		publicPreview: z.boolean(),
		readCount: z.number().int().nonnegative(),
		sentCount: z.number().int().nonnegative(),
		revision: z.number().int(),
		assetAttachments: z.array(z.unknown()),
		variantStartDate: z.string().nullable(),
		variantSentCount: z.number().int(),
		variantReadCount: z.number().int(),
		variantParent: z.unknown(),
		variantChildren: z.array(z.unknown()),
		translationParent: z.unknown(),
		translationChildren: z.array(z.unknown()),
		unsubscribeForm: z.unknown(),
		dynamicContent: z.array(z.unknown()),
		lists: z.array(segmentRef),
		headers: z.union([z.array(z.unknown()), z.record(z.string())]),
	})
	.strict();

/** POST /emails/{id}/contact/{contactId}/send */
export const sendToContact = z.union([
	z.object({ success: z.literal(true) }).strict(),
	z.object({ success: z.literal(false), failed: z.string() }).strict(),
]);

/** POST /emails/{id}/send: counts of sent and failed recipients. */
export const sendToSegment = z
	.object({
		success: z.literal(1),
		sentCount: z.number().int().nonnegative(),
		failedRecipients: z.number().int().nonnegative(),
	})
	.strict();
