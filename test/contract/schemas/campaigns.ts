/** Campaigns: the record, its members list and the membership answers. */
import { z } from 'zod';
import { id, idString, publishFields } from './common';

/** A segment as a campaign or an email names it (leadListList group). */
export const segmentRef = z
	.object({
		createdByUser: z.string().nullable(),
		modifiedByUser: z.string().nullable(),
		id,
		name: z.string(),
		publicName: z.string(),
		alias: z.string(),
		description: z.string().nullable(),
		category: z.unknown(),
	})
	.strict();

export const campaignEvent = z
	.object({
		id,
		name: z.string().nullable(),
		description: z.string().nullable(),
		type: z.string(),
		eventType: z.string().nullable(),
		channel: z.string().nullable(),
		channelId: z.number().int().nullable(),
		order: z.number().int(),
		properties: z.unknown(),
		triggerDate: z.string().nullable(),
		triggerInterval: z.number().int().nullable(),
		triggerIntervalUnit: z.string().nullable(),
		triggerHour: z.string().nullable(),
		triggerRestrictedStartHour: z.string().nullable(),
		triggerRestrictedStopHour: z.string().nullable(),
		triggerRestrictedDaysOfWeek: z.array(z.unknown()),
		triggerMode: z.string().nullable(),
		decisionPath: z.string().nullable(),
		parent: z.unknown(),
		children: z.array(z.unknown()),
	})
	.strict();

const canvasNode = z
	.object({ id: z.string(), positionX: z.string(), positionY: z.string() })
	.strict();
const canvasConnection = z
	.object({
		sourceId: z.string(),
		targetId: z.string(),
		anchors: z.object({ source: z.string(), target: z.string() }).strict(),
	})
	.strict();

export const campaign = z
	.object({
		...publishFields,
		/** null in the answer to a delete */
		id: id.nullable(),
		name: z.string().min(1),
		category: z.unknown(),
		description: z.string().nullable(),
		allowRestart: z.boolean(),
		publishUp: z.string().nullable(),
		publishDown: z.string().nullable(),
		events: z.array(campaignEvent),
		forms: z.array(z.unknown()),
		lists: z.array(segmentRef),
		canvasSettings: z.union([
			z.object({ nodes: z.array(canvasNode), connections: z.array(canvasConnection) }).strict(),
			z.array(z.never()).length(0),
		]),
	})
	.strict();

/** `2026-12-02 11:56:02` as DBAL sends it. */
const sqlDate = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

/** GET /campaigns/{id}/contacts: rows of campaign_leads (StatsApiController), numbers as strings. */
export const campaignContacts = z
	.object({
		total: idString.or(z.literal('0')),
		contacts: z.array(
			z
				.object({
					campaign_id: idString,
					lead_id: idString,
					date_added: sqlDate,
					manually_removed: z.literal('0'),
					manually_added: z.enum(['0', '1']),
					rotation: idString,
					date_last_exited: sqlDate.nullable().optional(),
				})
				.strict(),
		),
	})
	.strict();
