import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import {
	limitProperty,
	optionsCollection,
	returnAllAndLimit,
	returnAllProperty,
} from '../../shared/descriptions/listParameters';
import type { Operation } from '../../shared/engine';
import { failItem } from '../../shared/engine/itemErrors';
import { mauticRequest } from '../../shared/transport';
import { reportLocatorSpec } from '../reportEntity';

const DEFAULT_REPORT_PAGE = 500;
/** No report run is this long; the cap only guarantees the loop ends whatever the server answers. */
const MAX_REPORT_ROWS = 2_000_000;

/** A date option as Mautic reads it (`new DateTimeImmutable(…, UTC)`), checked to be a date. */
function dateOption(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value).trim();
	if (Number.isNaN(Date.parse(text))) {
		failItem(ctx, itemIndex, `The field "${label}" needs a date, got "${text.slice(0, 80)}"`);
	}
	return text;
}

export const runOperation: Operation = {
	value: 'run',
	name: 'Run Report',
	action: 'Run a report',
	description: 'Run a report and return its rows, one item per row',
	properties: [
		reportLocatorSpec.property(),
		returnAllProperty,
		limitProperty,
		optionsCollection([
			{
				displayName: 'Date From',
				name: 'dateFrom',
				type: 'dateTime',
				default: '',
				description:
					'Only rows from this moment on (UTC, time included), on the date column of the report. Without it Mautic starts 30 days ago.',
			},
			{
				displayName: 'Date To',
				name: 'dateTo',
				type: 'dateTime',
				default: '',
				description:
					'Only rows up to this moment (UTC, time included: midnight leaves that day out). Without it Mautic ends now.',
			},
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 5000 },
				default: DEFAULT_REPORT_PAGE,
				description: 'Rows asked for per request; smaller pages ease the load of heavy reports',
			},
		]),
	],
	async run(ctx, itemIndex) {
		const reportId = await reportLocatorSpec.idOf(ctx, itemIndex);
		const { returnAll, limit } = returnAllAndLimit(ctx, itemIndex);
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		const dateFrom = dateOption(ctx, itemIndex, options.dateFrom, 'Date From');
		const dateTo = dateOption(ctx, itemIndex, options.dateTo, 'Date To');
		if (dateFrom) qs.dateFrom = dateFrom;
		if (dateTo) qs.dateTo = dateTo;
		const pageSize = Math.max(1, Math.floor(Number(options.pageSize) || DEFAULT_REPORT_PAGE));
		return await readReport(ctx, itemIndex, reportId, qs, returnAll ? Infinity : limit, pageSize);
	},
};

function stopReading(
	ctx: IExecuteFunctions,
	itemIndex: number,
	reportId: number,
	why: string,
): never {
	throw new NodeOperationError(ctx.getNode(), `Stopped reading report ${reportId}: ${why}`, {
		itemIndex,
		description:
			'The server does not page this report as Mautic does (a proxy or plugin may ignore the paging parameters).',
	});
}

/**
 * Reads a report page by page (`page` from 1, `limit` rows each). It ends on an empty or short
 * page, when Mautic's `totalResults` is reached, on a page whose rows repeat the page before,
 * or after more pages than `totalResults` allows. A first page with more rows than asked for
 * (a server that does not page) is taken once, whole. Report rows have no ID to tell repeated
 * rows apart, so the shared list reader's checks do not apply.
 */
async function readReport(
	ctx: IExecuteFunctions,
	itemIndex: number,
	reportId: number,
	qs: IDataObject,
	wanted: number,
	pageSize: number,
): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	let previousText: string | undefined;
	let previousRows: string | undefined;
	let maxPages = Infinity;
	for (let page = 1; page <= maxPages && rows.length < wanted; page++) {
		const limit = Number.isFinite(wanted) ? Math.min(pageSize, wanted - rows.length) : pageSize;
		// Later pages keep the first page's size: Mautic counts pages in that size.
		const size = page === 1 ? limit : pageSize;
		const response = await mauticRequest(
			ctx,
			{
				method: 'GET',
				path: `/reports/${reportId}`,
				qs: { ...qs, page, limit: size },
				entity: { label: 'report', id: reportId },
			},
			itemIndex,
		);
		const body = (response.body ?? {}) as IDataObject;
		if (!Array.isArray(body.data)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Mautic answered report ${reportId} without rows ("data" is missing)`,
				{ itemIndex, description: 'Check that this is a Mautic instance and the report exists.' },
			);
		}
		const pageRows = body.data as IDataObject[];
		// Mautic says which page it answers (`page`): one that is not the page asked for means the
		// server ignores the paging; the page asked for means alike pages are real rows (a report
		// of one column). Without `page`, a page that repeats the one before stops the read.
		const answeredPage = body.page === undefined ? undefined : Number(body.page);
		if (page > 1 && answeredPage !== undefined && answeredPage !== page) {
			stopReading(
				ctx,
				itemIndex,
				reportId,
				`page ${page} was asked for and page ${String(body.page)} came back`,
			);
		}
		const pageConfirmed = answeredPage === page;
		if (page > 1 && !pageConfirmed && response.rawText === previousText) {
			stopReading(ctx, itemIndex, reportId, `page ${page} is the same as page ${page - 1}`);
		}
		previousText = response.rawText;
		// Answers differ in more than rows (Mautic puts "now" in `dateTo`): compare the rows too.
		const rowsText = JSON.stringify(pageRows);
		if (page > 1 && !pageConfirmed && pageRows.length > 0 && rowsText === previousRows) {
			stopReading(ctx, itemIndex, reportId, `page ${page} has the same rows as page ${page - 1}`);
		}
		previousRows = rowsText;
		const total = Number(body.totalResults);
		const knownTotal = Number.isFinite(total) && total >= 0 ? total : undefined;
		if (pageRows.length > size) {
			// The server ignored the page size. Mautic does that only when it does not page at all,
			// and then answers every row at once: take them once, unless they are not all there.
			if (page > 1 || (knownTotal !== undefined && knownTotal > pageRows.length)) {
				stopReading(
					ctx,
					itemIndex,
					reportId,
					`page ${page} has ${pageRows.length} rows although ${size} were asked for`,
				);
			}
			rows.push(...pageRows.slice(0, Math.max(0, wanted - rows.length)));
			break;
		}
		for (const row of pageRows) {
			if (rows.length >= wanted) break;
			rows.push(row);
		}
		if (rows.length > MAX_REPORT_ROWS) {
			failItem(ctx, itemIndex, `Report ${reportId} has more rows than one run can hold`);
		}
		if (knownTotal !== undefined) maxPages = Math.ceil(knownTotal / size);
		if (pageRows.length < size) break;
		if (page === 1 && size < pageSize) break;
	}
	return rows;
}
