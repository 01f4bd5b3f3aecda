/** Forms, their fields, submissions (API and webhook) and contact notes. */
import { z } from 'zod';
import { emptyPhpArray, id, isoDate, publishFields } from './common';

export const formField = z
	.object({
		// null in the answer to deleting the form
		id: id.nullable(),
		label: z.string(),
		showLabel: z.boolean(),
		alias: z.string().min(1),
		type: z.string(),
		defaultValue: z.unknown(),
		isRequired: z.boolean(),
		validationMessage: z.string().nullable(),
		helpMessage: z.string().nullable(),
		order: z.number().int(),
		properties: z.union([z.record(z.unknown()), emptyPhpArray]),
		validation: z.unknown(),
		parent: z.unknown(),
		conditions: z.unknown(),
		labelAttributes: z.string().nullable(),
		inputAttributes: z.string().nullable(),
		containerAttributes: z.string().nullable(),
		leadField: z.string().nullable(),
		saveResult: z.boolean().nullable(),
		isAutoFill: z.boolean().nullable(),
		mappedObject: z.string().nullable(),
		mappedField: z.string().nullable(),
	})
	.strict();

const formHead = {
	...publishFields,
	id: id.nullable(),
	name: z.string().min(1),
	alias: z.string(),
	category: z.unknown(),
};

/** `minimal=1` lists (formList group). */
export const formMinimal = z.object(formHead).strict();

export const form = z
	.object({
		...formHead,
		description: z.string().nullable(),
		cachedHtml: z.string().nullable(),
		publishUp: isoDate.nullable(),
		publishDown: isoDate.nullable(),
		fields: z.array(formField),
		actions: z.array(z.unknown()),
		template: z.string().nullable(),
		inKioskMode: z.boolean().nullable(),
		renderStyle: z.boolean().nullable(),
		formType: z.string().nullable(),
		postAction: z.string(),
		postActionProperty: z.string().nullable(),
		noIndex: z.boolean().nullable(),
		formAttributes: z.string().nullable(),
		language: z.string().nullable(),
	})
	.strict();

/** The form as the field and action deletes answer it (no serialization context): nulls left out. */
export const formWithoutNulls = z
	.object({
		id,
		name: z.string().min(1),
		alias: z.string(),
		fields: z.array(z.object({ id, alias: z.string(), type: z.string() }).passthrough()),
	})
	.passthrough()
	.refine((value) => !JSON.stringify(value).includes(':null'), 'no null values');

const formRef = z
	.object({ id, name: z.string(), alias: z.string(), category: z.unknown() })
	.strict();

/** Field values by alias, all as text (a checkbox group joined with ", "). */
const results = z.union([z.record(z.string().nullable()), emptyPhpArray]);

/** The `leadBasicList` contact of a listed submission: id, points, color and built-in columns. */
const basicLead = z
	.object({ id, points: z.number(), color: z.string().nullable() })
	.catchall(z.unknown());

const submissionBase = {
	id,
	form: formRef,
	trackingId: z.string().nullable(),
	dateSubmitted: isoDate,
	referer: z.string().nullable(),
	page: z.unknown(),
};

/** A submission of `GET /forms/{id}/submissions[/…]`. */
export const submission = z
	.object({
		...submissionBase,
		ipAddress: z.object({ ipAddress: z.string() }).strict().nullable(),
		lead: basicLead.nullable(),
		results,
	})
	.strict();

/** `{"total": "<n>", "submissions": [...]}`, `{}` when the page is empty. */
export const submissionList = z
	.object({
		total: z.string().regex(/^\d+$/),
		submissions: z.union([z.array(submission), z.object({}).strict()]),
	})
	.strict();

/** The submission of a `mautic.form_on_submit` event: the contact with its grouped fields. */
export const webhookSubmission = z
	.object({
		...submissionBase,
		ipAddress: z
			.object({ ipAddress: z.string(), id: z.number().int(), ipDetails: z.unknown() })
			.strict()
			.nullable(),
		lead: z
			.object({
				id,
				points: z.number(),
				color: z.string().nullable(),
				fields: z.record(z.unknown()),
			})
			.strict()
			.nullable(),
		results,
	})
	.strict();

export const formSubmitEvent = z
	.object({ submission: webhookSubmission, timestamp: isoDate })
	.strict();

/** A note; `lead` is the contact (grouped fields in a single answer, `[]` in lists, `{}` in a contact's list). */
export const note = z
	.object({
		id: id.nullable(),
		text: z.string(),
		type: z.enum(['general', 'email', 'call', 'meeting']).nullable(),
		// a contact's list (serialized without a context) leaves a null date out
		dateTime: isoDate.nullable().optional(),
		lead: z.union([
			z
				.object({ id, points: z.number(), color: z.string().nullable(), fields: z.unknown() })
				.strict(),
			z.object({}).strict(),
		]),
	})
	.strict();
