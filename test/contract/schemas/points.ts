/** Point groups, group scores, point changes and (Mautic 7) point insights. */
import { z } from 'zod';
import { id, publishFields } from './common';

export const pointGroup = z
	.object({
		...publishFields,
		id: id.nullable(),
		name: z.string().min(1),
		description: z.string().nullable(),
	})
	.strict();

/** The group inside a score: a null description is left out. */
const groupRef = z.object({ id, name: z.string(), description: z.string().optional() }).strict();

export const groupScore = z.object({ score: z.number().int(), group: groupRef }).strict();

/** GET /contacts/{id}/points/groups/{groupId}: `{"groupScore": …}`, or `[]` when the contact has no score there. */
export const groupScoreAnswer = z.union([
	z.object({ groupScore }).strict(),
	z.array(z.never()).length(0),
]);

/** Mautic 7: a point insight (no publish fields). */
export const pointInsight = z
	.object({
		id: id.nullable(),
		name: z.string(),
		category: z.unknown(),
		description: z.string().nullable(),
		insightType: z.string(),
		insightAction: z.string(),
		customField: z.string().nullable(),
		pointGroups: z.array(z.number().int()),
	})
	.passthrough();
