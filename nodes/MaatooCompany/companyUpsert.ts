import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import {
	standardBatchResults,
	type BatchEntryResult,
	type BatchPlan,
	type OperationOutput,
} from '../shared/engine';
import {
	failureOf,
	mauticErrorEntries,
	mauticRequest,
	type MauticFailure,
	type MauticRequest,
} from '../shared/transport';
import { carriesIdentifier } from './companyData';
import { companyOutput } from './outputs/companyOutput';

/** Values looked up per list request: each is one `orX` branch in the query string. */
const LOOKUP_CHUNK = 40;

interface Duplicate {
	position: number;
	field: string;
	value: string;
}

/** MySQL's default collation compares case-insensitively and ignores trailing spaces. */
const matchKey = (field: string, value: unknown) =>
	`${field}\u0000${String(value).trimEnd().toLowerCase()}`;

/**
 * The entries Mautic refused as duplicates: a 422 (UniqueCustomField) naming a field the entry
 * carries a value for. Other failures (400: a value of the wrong type, a missing name) stay.
 */
function duplicatesOf(results: BatchEntryResult[], entries: IDataObject[]): Duplicate[] {
	const duplicates: Duplicate[] = [];
	results.forEach((result, position) => {
		if (!('failure' in result) || result.failure.status !== 422) return;
		const entry = entries[position];
		for (const error of mauticErrorEntries(result.failure.body)) {
			const details = error.details;
			if (!details || typeof details !== 'object' || Array.isArray(details)) continue;
			const field = Object.keys(details).find(
				(key) => entry[key] !== undefined && entry[key] !== null && entry[key] !== '',
			);
			if (field) {
				duplicates.push({ position, field, value: String(entry[field]) });
				return;
			}
		}
	});
	return duplicates;
}

/** IDs of the existing companies with these values, the oldest (lowest ID) per value. */
async function existingIds(
	ctx: IExecuteFunctions,
	duplicates: Duplicate[],
): Promise<Map<string, number>> {
	const ids = new Map<string, number>();
	const byField = new Map<string, string[]>();
	for (const { field, value } of duplicates) {
		const values = byField.get(field) ?? [];
		if (!values.includes(value)) values.push(value);
		byField.set(field, values);
	}
	for (const [field, values] of byField) {
		for (let start = 0; start < values.length; start += LOOKUP_CHUNK) {
			const chunk = values.slice(start, start + LOOKUP_CHUNK);
			// `eq` branches rather than `in`: Mautic splits an `in` value at commas.
			const response = await mauticRequest(ctx, {
				method: 'GET',
				path: '/companies',
				qs: {
					where: [{ expr: 'orX', val: chunk.map((val) => ({ col: field, expr: 'eq', val })) }],
					orderBy: 'id',
					orderByDir: 'ASC',
					start: 0,
					limit: Math.min(500, chunk.length * 5),
				},
			});
			const rows = (response.body as IDataObject | undefined)?.companies;
			const list = (
				Array.isArray(rows) ? rows : Object.values((rows ?? {}) as IDataObject)
			) as IDataObject[];
			for (const row of list) {
				const all = ((row.fields as IDataObject | undefined)?.all ?? {}) as IDataObject;
				const key = matchKey(field, all[field]);
				const id = Number(row.id);
				if (!ids.has(key) || id < (ids.get(key) as number)) ids.set(key, id);
			}
		}
	}
	return ids;
}

function failureFrom(error: unknown): MauticFailure {
	return (
		failureOf(error) ?? {
			status: 500,
			body: { errors: [{ code: 500, message: (error as Error).message }] },
		}
	);
}

/**
 * Create or Update for a chunk of entries: `POST /companies/batch/new` creates the new ones;
 * Mautic refuses the others as duplicates (422 on the unique identifier field, companyname by
 * default), which are then looked up and updated with `PATCH /companies/batch/edit`: only the
 * given fields change, as for contacts. (Mautic's own `POST /companies/new` also merges, but it
 * clears every field of the matched company that the request does not name.)
 */
export function companyUpsertPlan(ctx: IExecuteFunctions, size: number): BatchPlan {
	const toOutput = (company: IDataObject): OperationOutput => companyOutput(ctx, 0, company);
	const read = standardBatchResults('companies', toOutput);
	return {
		size,
		entityLabel: 'company',
		request: (entries): MauticRequest => ({
			method: 'POST',
			path: '/companies/batch/new',
			body: entries,
			// A repeat after a lost answer finds the companies the lost call created and updates them.
			idempotent: entries.every(carriesIdentifier),
		}),
		async results(response, entries) {
			const results = read(response, entries);
			const duplicates = duplicatesOf(results, entries);
			if (duplicates.length === 0) return results;
			let ids: Map<string, number>;
			try {
				ids = await existingIds(ctx, duplicates);
			} catch (error) {
				const failure = failureFrom(error);
				for (const { position } of duplicates) results[position] = { failure };
				return results;
			}
			const found = duplicates.filter(({ field, value }) => ids.has(matchKey(field, value)));
			if (found.length === 0) return results;
			const edits = found.map(({ position, field, value }) => ({
				...entries[position],
				id: ids.get(matchKey(field, value)) as number,
			}));
			try {
				const edited = await mauticRequest(ctx, {
					method: 'PATCH',
					path: '/companies/batch/edit',
					body: edits,
				});
				read(edited, edits).forEach((result, index) => {
					results[found[index].position] = result;
				});
			} catch (error) {
				const failure = failureFrom(error);
				for (const { position } of found) results[position] = { failure };
			}
			return results;
		},
	};
}
