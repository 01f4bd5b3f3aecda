/** Webhooks (the trigger's lifecycle), the trigger list and the payload Mautic posts. */
import { z } from 'zod';
import { id, isoDate, publishFields } from './common';

export const hook = z
	.object({
		...publishFields,
		id: id.nullable(),
		name: z.string(),
		description: z.string().nullable(),
		webhookUrl: z.string().url(),
		secret: z.string().min(1),
		eventsOrderbyDir: z.enum(['ASC', 'DESC']).nullable(),
		category: z.unknown(),
		triggers: z.array(z.string().startsWith('mautic.')),
	})
	.strict();

/** GET /hooks/triggers */
export const triggers = z
	.object({
		triggers: z.record(
			z.string().startsWith('mautic.'),
			z.object({ label: z.string(), description: z.string() }).strict(),
		),
	})
	.strict();

/** A contact inside a webhook: grouped fields only (no `fields.all`). */
const webhookContact = z
	.object({
		id: z.number().int().nullable(),
		fields: z
			.object({ core: z.unknown() })
			.passthrough()
			.refine((f) => !('all' in f), 'no fields.all in webhooks'),
	})
	.passthrough();

const event = z.object({ timestamp: isoDate }).passthrough();

/**
 * The body Mautic posts: event types as keys, each with a list of events; no top-level
 * timestamp. Each contact event carries its contact.
 */
export const webhookPayload = z
	.record(z.string().startsWith('mautic.'), z.array(event).min(1))
	.refine((body) => Object.keys(body).length > 0, 'at least one event type')
	.superRefine((body, ctx) => {
		for (const [type, events] of Object.entries(body)) {
			if (!type.startsWith('mautic.lead_')) continue;
			for (const [index, entry] of events.entries()) {
				const parsed = webhookContact.safeParse((entry as { contact?: unknown }).contact);
				if (!parsed.success)
					ctx.addIssue({
						code: z.ZodIssueCode.custom,
						message: `${type}[${index}].contact: ${parsed.error.message}`,
					});
			}
		}
	});

export const pointsChangeEvent = z
	.object({
		points: z.object({ old_points: z.number().int(), new_points: z.number().int() }).strict(),
	})
	.passthrough();
