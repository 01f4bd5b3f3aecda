import type { IDataObject } from 'n8n-workflow';
import type { Operation, OperationOutput } from '../../shared/engine';

/**
 * A note as a workflow uses it: `{id, contactId, type, text, dateTime}`. Mautic's answer nests
 * the whole contact (every field of it) under `lead`; the Contact node reads that when needed.
 */
export function flatNote(raw: IDataObject): IDataObject {
	const lead = raw.lead as IDataObject | null | undefined;
	const contactId =
		lead && typeof lead === 'object' && lead.id !== undefined ? Number(lead.id) : null;
	return {
		id: raw.id ?? null,
		contactId,
		type: raw.type ?? null,
		text: raw.text ?? '',
		dateTime: raw.dateTime ?? null,
	};
}

function flatOutput(output: OperationOutput): OperationOutput {
	return Array.isArray(output) ? output.map(flatNote) : flatNote(output);
}

/** The operation with its answer (one note or a list of notes) flattened. */
export function withFlatNotes(operation: Operation): Operation {
	const { output, run } = operation;
	return {
		...operation,
		...(output
			? { output: (response, ctx, itemIndex) => flatOutput(output(response, ctx, itemIndex)) }
			: {}),
		...(run ? { run: async (ctx, itemIndex) => flatOutput(await run(ctx, itemIndex)) } : {}),
	};
}
