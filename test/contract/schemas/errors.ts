/** Error answers: the controller envelope, the ApiSubscriber/OAuth rewrite, batch entry errors. */
import { z } from 'zod';

/** FetchCommonApiController::returnError: {code, message, details} — no `type` on a real 5.1. */
export const controllerError = z
	.object({
		errors: z
			.array(
				z
					.object({
						code: z.number().int(),
						message: z.string().min(1),
						details: z.union([z.array(z.string()), z.record(z.array(z.string()))]),
					})
					.strict(),
			)
			.length(1),
	})
	.strict();

/** ApiSubscriber / ExceptionController: {message, code, type}. */
export const subscriberError = z
	.object({
		errors: z
			.array(
				z
					.object({
						message: z.string().min(1),
						code: z.number().int(),
						type: z.string().nullable(),
					})
					.strict(),
			)
			.length(1),
	})
	.strict();

/** A validation failure: the message lists "field: text", details map fields to messages. */
export const validationError = controllerError.refine(
	(body) => !Array.isArray(body.errors[0].details) && body.errors[0].message.includes(': '),
	'a validation error names its fields',
);

/** One entry of a batch answer's `errors`. */
export const batchEntryError = z.union([
	z.object({ message: z.string(), code: z.number().int(), type: z.literal('api') }).strict(),
	z
		.object({
			code: z.number().int(),
			message: z.string(),
			details: z.record(z.array(z.string())),
			type: z.null(),
		})
		.strict(),
]);
