import type { IDataObject } from 'n8n-workflow';
import type { MauticErrorEntry, MauticResponse } from '../transport';
import type { BatchEntryResult, OperationOutput } from './operation';

/** Index-keyed map or array, as Mautic returns batch entities and errors. */
function byIndex(value: unknown): Record<string, unknown> {
	if (Array.isArray(value))
		return Object.fromEntries(value.map((entry, index) => [String(index), entry]));
	return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/**
 * Maps Mautic's standard batch answer `{<key>: {index: entity}, statusCodes: {index: code},
 * errors?: {index: {code, message, details}}}` back to the entries sent, by request index.
 * A failed index is absent from `<key>` and present in `errors`.
 */
export function standardBatchResults(
	key: string,
	toOutput: (entity: IDataObject, statusCode: number) => OperationOutput,
) {
	return (response: MauticResponse, entries: IDataObject[]): BatchEntryResult[] => {
		const body = (response.body ?? {}) as IDataObject;
		const entities = byIndex(body[key]);
		const statusCodes = byIndex(body.statusCodes);
		const errors = byIndex(body.errors);
		return entries.map((_, index) => {
			const entity = entities[String(index)] as IDataObject | undefined;
			const statusCode = Number(statusCodes[String(index)] ?? response.status);
			const error = errors[String(index)] as MauticErrorEntry | undefined;
			if (entity && !error && statusCode < 300) return { output: toOutput(entity, statusCode) };
			const code = Number(error?.code ?? statusCode) || 500;
			return {
				failure: {
					status: code >= 400 ? code : 500,
					body: {
						errors: [error ?? { code, message: 'Mautic returned no result for this entry.' }],
					},
				},
			};
		});
	};
}

/**
 * `DELETE …/batch/delete?ids=` answers the deleted entities (serialised before removal, ids
 * intact); an id Mautic did not find is simply absent, which we report as "not found" — unless
 * the call was repeated after a lost answer: then the lost attempt deleted it.
 */
export function deleteBatchResults(
	key: string,
	toOutput: (entity: IDataObject) => OperationOutput,
) {
	return (response: MauticResponse, entries: IDataObject[]): BatchEntryResult[] => {
		const deleted = Object.values(
			byIndex((response.body as IDataObject | undefined)?.[key]),
		) as IDataObject[];
		const byId = new Map(deleted.map((entity) => [String(entity.id), entity]));
		const repeated = response.afterLostAnswer === true;
		return entries.map((entry) => {
			const entity = byId.get(String(entry.id));
			if (entity) return { output: toOutput(entity) };
			if (repeated) return { output: toOutput({ id: entry.id }) };
			return {
				failure: { status: 404, body: { errors: [{ code: 404, message: 'Item was not found.' }] } },
			};
		});
	};
}
