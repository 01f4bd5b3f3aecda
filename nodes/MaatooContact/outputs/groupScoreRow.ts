import { type IDataObject } from 'n8n-workflow';
import type { MauticResponse } from '../../shared/transport';

/** `{score, group:{id,name,description}}` → one flat row. */
export function scoreRow(
	contactId: number,
	groupScore: IDataObject | null,
	groupId?: number,
): IDataObject {
	const group = (groupScore?.group ?? {}) as IDataObject;
	return {
		contactId,
		groupId: group.id ?? groupId ?? null,
		groupName: group.name ?? null,
		score: groupScore ? (groupScore.score ?? null) : null,
	};
}

/** The row of a `{"groupScore": …}` answer (empty score when the contact has none yet). */
export function scoreRowOf(
	response: MauticResponse,
	contactId: number,
	groupId: number,
): IDataObject {
	return scoreRow(
		contactId,
		((response.body as IDataObject).groupScore ?? null) as IDataObject | null,
		groupId,
	);
}
