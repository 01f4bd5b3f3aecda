import type { IDataObject, IExecuteFunctions, NodeApiError } from 'n8n-workflow';
import type { BatchEntryResult, Operation } from '../../shared/engine';
import { optionsCollection } from '../../shared/descriptions/listParameters';
import {
	failureOf,
	mauticError,
	mauticRequest,
	type MauticRequest,
	type MauticResponse,
} from '../../shared/transport';
import { companyLocator, resolveCompanyId } from '../../MaatooCompany/descriptions/companyLocator';
import { requireCompanySegmentsApi } from '../companySegmentsApi';
import {
	companySegmentLocator,
	resolveCompanySegmentId,
} from '../descriptions/companySegmentLocator';
import { gated } from '../gated';

/**
 * Mautic answers the same 404 for a missing segment and a missing company: when the segment
 * exists, the company is what is missing.
 */
async function membershipError(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: MauticRequest,
	companyId: number,
	error: NodeApiError,
): Promise<NodeApiError> {
	const failure = failureOf(error);
	if (failure?.status !== 404) return error;
	const segmentFound = await mauticRequest(
		ctx,
		{ method: 'GET', path: `/companysegments/${request.entity?.id as number}` },
		itemIndex,
	).then(
		() => true,
		() => false,
	);
	if (!segmentFound) return error;
	return mauticError(
		ctx,
		failure,
		{ ...request, entity: { label: 'company', id: companyId } },
		undefined,
		itemIndex,
	);
}

function oneCompany(action: 'add' | 'remove'): Operation {
	const added = action === 'add';
	return gated({
		value: added ? 'addCompany' : 'removeCompany',
		name: added ? 'Add Company' : 'Remove Company',
		action: added
			? 'Add a company to a company segment'
			: 'Remove a company from a company segment',
		description: added
			? 'Add one company per item to a company segment; for many items, Add Companies is faster'
			: 'Remove one company per item from a company segment (succeeds when it was not a member)',
		properties: [companySegmentLocator(), companyLocator()],
		async run(ctx, itemIndex) {
			const segmentId = await resolveCompanySegmentId(ctx, itemIndex);
			const companyId = await resolveCompanyId(ctx, itemIndex);
			const request: MauticRequest = {
				method: 'POST',
				path: `/companysegments/${segmentId}/company/${companyId}/${action}`,
				// Adding a member twice, or removing a non-member, changes nothing: safe to retry.
				idempotent: true,
				entity: { label: 'company segment', id: segmentId },
			};
			try {
				await mauticRequest(ctx, request, itemIndex);
			} catch (error) {
				throw await membershipError(ctx, itemIndex, request, companyId, error as NodeApiError);
			}
			return { companySegmentId: segmentId, companyId, [added ? 'added' : 'removed']: true };
		},
	});
}

export const addCompanyOperation = oneCompany('add');
export const removeCompanyOperation = oneCompany('remove');

const MAX_BATCH_SIZE = 200;

/** `{"success":1,"details":{"<companyId>":{"success":true|false}}}`, per company. */
function addResults(response: MauticResponse, entries: IDataObject[]): BatchEntryResult[] {
	const details = ((response.body ?? {}) as IDataObject).details as
		| Record<string, IDataObject>
		| undefined;
	return entries.map((entry) =>
		details?.[String(entry.id)]?.success === true
			? { output: { companySegmentId: entry.segmentId, companyId: entry.id, added: true } }
			: {
					failure: {
						status: 404,
						body: {
							errors: [
								{
									code: 404,
									message:
										'Company not found, or this user may not edit it: Mautic did not add it to the company segment.',
								},
							],
						},
					},
				},
	);
}

/** The companies of all items into company segments, one call per segment and 200 companies. */
export const addCompaniesOperation: Operation = {
	value: 'addCompanies',
	name: 'Add Companies',
	action: 'Add many companies to a company segment',
	description: 'Add the companies of all items to a company segment with one call per 200',
	properties: [
		companySegmentLocator({
			description:
				'The company segment to add to. Items naming different segments are sent to each in separate calls.',
		}),
		companyLocator({
			description: 'The company of each item, usually an expression such as {{ $json.id }}',
		}),
		optionsCollection([
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE },
				default: MAX_BATCH_SIZE,
				description: 'Companies per Mautic call',
			},
		]),
	],
	batch: {
		use: () => true,
		async entry(ctx, itemIndex) {
			await requireCompanySegmentsApi(ctx, itemIndex);
			return {
				segmentId: await resolveCompanySegmentId(ctx, itemIndex),
				id: await resolveCompanyId(ctx, itemIndex),
			};
		},
		plan: (ctx) => {
			const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
			const size = Math.min(
				MAX_BATCH_SIZE,
				Math.max(1, Math.floor(Number(options.batchSize) || MAX_BATCH_SIZE)),
			);
			return {
				size,
				entityLabel: 'company',
				group: (entry) => String(entry.segmentId),
				request: (entries) => {
					const segmentId = entries[0].segmentId as number;
					return {
						method: 'POST',
						path: `/companysegments/${segmentId}/companies/add`,
						body: { ids: entries.map((entry) => entry.id as number) },
						idempotent: true,
						entity: { label: 'company segment', id: segmentId },
					};
				},
				results: addResults,
			};
		},
	},
};
