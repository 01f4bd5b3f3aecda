import { type IDataObject } from 'n8n-workflow';

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
