import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { MauticResponse } from '../transport';

/**
 * The record under `key` of a successful answer (`{"contact": {…}}`). A success without it is
 * reported as what it is, not as a TypeError further down: for a change, Mautic has most likely
 * applied it already, so the user must check before running the item again.
 */
export function recordInAnswer(
	ctx: IExecuteFunctions,
	itemIndex: number,
	response: MauticResponse,
	key: string,
	what: { label: string; id?: number | string; changes: boolean },
): IDataObject {
	const record = (response.body as IDataObject | undefined)?.[key];
	if (record && typeof record === 'object' && !Array.isArray(record)) return record as IDataObject;
	const name = what.id !== undefined ? `${what.label} ${what.id}` : `the ${what.label}`;
	throw new NodeOperationError(
		ctx.getNode(),
		`Mautic answered HTTP ${response.status} without ${name} ("${key}" is missing)`,
		{
			itemIndex,
			description: what.changes
				? `The change was most likely applied: Mautic sends this answer after saving. Check ${name} in Mautic before running this item again.`
				: "Mautic (or a proxy in front of it) sent an unexpected answer. Try again; if it persists, check Mautic's log (var/logs).",
		},
	);
}
