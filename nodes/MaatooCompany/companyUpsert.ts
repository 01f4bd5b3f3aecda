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

/** Values looked up per list request at most: each is one `orX` branch in the query string. */
const LOOKUP_CHUNK = 40;

/**
 * Characters of query string the branches of one look-up may take. Apache (LimitRequestLine
 * 8190) and nginx (8 KB) refuse a longer request line with a 414 before Mautic sees it; this
 * leaves room for the base URL, the path and the other parameters.
 */
const LOOKUP_QUERY_BUDGET = 7000;

/** Length of `text` as the query string carries it (RFC 3986: UTF-8 bytes, percent-encoded). */
function encodedLength(text: string): number {
	let length = 0;
	for (const char of text) {
		if (/[A-Za-z0-9\-._~]/.test(char)) length += 1;
		// encodeURIComponent leaves !'()* as they are; the query string encodes them too.
		else length += Math.max(3, encodeURIComponent(char).length);
	}
	return length;
}

/** The values cut into look-ups of at most LOOKUP_CHUNK values and LOOKUP_QUERY_BUDGET characters. */
function lookupChunks(field: string, values: string[]): string[][] {
	const chunks: string[][] = [];
	let chunk: string[] = [];
	let used = 0;
	for (const value of values) {
		const index = chunk.length;
		const branch = ['col', 'expr', 'val']
			.map((key) => encodedLength(`where[0][val][${index}][${key}]`) + 2)
			.reduce((sum, length) => sum + length, 0);
		const cost = branch + encodedLength(field) + encodedLength('like') + encodedLength(value);
		if (chunk.length > 0 && (chunk.length >= LOOKUP_CHUNK || used + cost > LOOKUP_QUERY_BUDGET)) {
			chunks.push(chunk);
			chunk = [];
			used = 0;
		}
		chunk.push(value);
		used += cost;
	}
	if (chunk.length > 0) chunks.push(chunk);
	return chunks;
}

interface Duplicate {
	position: number;
	field: string;
	value: string;
}

/**
 * How Mautic compares unique identifier values: its form trims them, and MySQL's
 * utf8mb4_unicode_ci ignores case, accents and trailing spaces ("Café Nord " = "cafe nord").
 */
const matchKey = (field: string, value: unknown) =>
	`${field}\u0000${String(value).trim().normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}`;

/**
 * The look-up pattern for a value: a `like` with `_` for each character Mautic turns into an
 * entity in a list's `where` (InputHelper::clean: &'"<> and control characters), which an `eq`
 * could never match, and for `\` (LIKE's escape). `%` and `_` in the name widen the pattern too;
 * the answer is narrowed with matchKey.
 */
// eslint-disable-next-line no-control-regex
const likePattern = (value: string) => value.trim().replace(/[&'"<>\\\u0000-\u001f]/g, '_');

/** The entries Mautic refused as duplicates: a 422 (UniqueCustomField) naming a field the entry
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

/** IDs of the existing companies with these values, per value, lowest ID first. */
async function existingIds(
	ctx: IExecuteFunctions,
	duplicates: Duplicate[],
): Promise<Map<string, number[]>> {
	const ids = new Map<string, number[]>();
	const byField = new Map<string, string[]>();
	for (const { field, value } of duplicates) {
		const values = byField.get(field) ?? [];
		const pattern = likePattern(value);
		if (!values.includes(pattern)) values.push(pattern);
		byField.set(field, values);
	}
	for (const [field, values] of byField) {
		for (const chunk of lookupChunks(field, values)) {
			// One branch per value rather than `in`: Mautic splits an `in` value at commas.
			const response = await mauticRequest(ctx, {
				method: 'GET',
				path: '/companies',
				qs: {
					where: [{ expr: 'orX', val: chunk.map((val) => ({ col: field, expr: 'like', val })) }],
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
				const found = ids.get(key) ?? [];
				if (!found.includes(id)) found.push(id);
				ids.set(
					key,
					found.sort((a, b) => a - b),
				);
			}
		}
	}
	return ids;
}

/** Mautic refuses a company's save while another company has the same unique value. */
function sharedValueFailure({ field, value }: Duplicate, ids: number[]): MauticFailure {
	const what = field === 'companyname' ? 'named' : `with ${field}`;
	const listed = ids.length > 10 ? `${ids.slice(0, 10).join(', ')}, …` : ids.join(', ');
	return {
		status: 422,
		body: {
			errors: [
				{
					code: 422,
					message: `${ids.length} companies are ${what} "${value.trim()}" (IDs ${listed}): Mautic refuses to update any of them with this value. Merge them in Mautic, or update one by its ID with the Update operation.`,
				},
			],
		},
	};
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
			let ids: Map<string, number[]>;
			try {
				ids = await existingIds(ctx, duplicates);
			} catch (error) {
				const failure = failureFrom(error);
				for (const { position } of duplicates) results[position] = { failure };
				return results;
			}
			const found: Duplicate[] = [];
			for (const duplicate of duplicates) {
				const matches = ids.get(matchKey(duplicate.field, duplicate.value)) ?? [];
				if (matches.length === 1) found.push(duplicate);
				else if (matches.length > 1)
					results[duplicate.position] = { failure: sharedValueFailure(duplicate, matches) };
			}
			if (found.length === 0) return results;
			const edits = found.map(({ position, field, value }) => ({
				...entries[position],
				id: (ids.get(matchKey(field, value)) as number[])[0],
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
