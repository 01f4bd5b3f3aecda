import type { IDataObject } from 'n8n-workflow';
import type { MauticContext } from './context';
import { mauticRequest } from './request';

/**
 * Checks that make a PUT (Create or Replace) safe to repeat. Mautic replaces the record when its
 * ID exists, and creates a new record with a new ID when it does not, so after a lost answer a
 * repeat is harmless only for records that exist. A record that does not exist may have been
 * created by the lost attempt under another ID: no repeat then.
 */
export function whenRecordExists(context: MauticContext, path: string): () => Promise<boolean> {
	return async () => {
		// Any failure of the check (404, or no answer) leaves the existence unconfirmed: no repeat.
		return await mauticRequest(context, { method: 'GET', path }).then(
			() => true,
			() => false,
		);
	};
}

/**
 * The same for a batch PUT: every ID of the call must exist (one list request with `id in (…)`).
 * The IDs go as one comma-separated string: Mautic splits an `in` value at commas, and answers a
 * list value (`where[0][val][]=…`) with a 500 (checked on a real 5.1 for contacts and companies).
 */
export function whenAllRecordsExist(
	context: MauticContext,
	listPath: string,
	key: string,
	ids: number[],
): () => Promise<boolean> {
	return async () => {
		const response = await mauticRequest(context, {
			method: 'GET',
			path: listPath,
			qs: { where: [{ col: 'id', expr: 'in', val: ids.join(',') }], limit: ids.length, minimal: 1 },
		});
		const rows = (response.body as IDataObject | undefined)?.[key];
		const found = new Set(
			Object.values((rows ?? {}) as Record<string, IDataObject>).map((row) => String(row.id)),
		);
		return ids.every((id) => found.has(String(id)));
	};
}

export const PUT_NOT_REPEATED =
	'Create or Replace creates a new record when the ID does not exist, and it could not be confirmed that this one exists, so a repeat could create it twice';
