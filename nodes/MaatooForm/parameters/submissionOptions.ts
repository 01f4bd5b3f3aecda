import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { parseDateInput } from '../../shared/parameters/dateInput';

export const simplifySubmissionOption: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return each submission as a flat object (submission ID, form ID, contact ID, date submitted, page, referer and every field alias with its value) instead of the raw data from Mautic',
};

export const submittedAfterOption: INodeProperties = {
	displayName: 'Submitted After',
	name: 'submittedAfter',
	type: 'dateTime',
	default: '',
	description: 'Only submissions made at or after this time',
};

export const submittedBeforeOption: INodeProperties = {
	displayName: 'Submitted Before',
	name: 'submittedBefore',
	type: 'dateTime',
	default: '',
	description: 'Only submissions made at or before this time',
};

/** Mautic compares `date_submitted` (UTC, `Y-m-d H:i:s`) as text: the bound in that form. */
function utcBound(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label: string,
	value: unknown,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = typeof value === 'string' ? value : String(value);
	const date = parseDateInput(value);
	if (date === undefined) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The option "${label}" needs a date and time, got "${text.slice(0, 80)}"`,
			{ itemIndex },
		);
	}
	return date.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * `where[]` conditions for the submission date range. Mautic replaces its own contact filter of
 * the contact list with a request's `where`, so `contactId` adds that filter again.
 */
export function submissionWhere(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
	contactId?: number,
): IDataObject[] {
	const where: IDataObject[] = [];
	const after = utcBound(ctx, itemIndex, 'Submitted After', options.submittedAfter);
	const before = utcBound(ctx, itemIndex, 'Submitted Before', options.submittedBefore);
	if (after && before && after > before) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The option "Submitted After" (${after}) is later than "Submitted Before" (${before})`,
			{ itemIndex },
		);
	}
	if (after) where.push({ col: 's.date_submitted', expr: 'gte', val: after });
	if (before) where.push({ col: 's.date_submitted', expr: 'lte', val: before });
	if (where.length > 0 && contactId !== undefined)
		where.push({ col: 's.lead_id', expr: 'eq', val: contactId });
	return where;
}
