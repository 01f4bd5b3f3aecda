import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { standardBatchResults, type Operation } from '../../shared/engine';
import {
	mauticRequest,
	PUT_NOT_REPEATED,
	whenRecordExists,
	type MauticContext,
	type MauticRequest,
} from '../../shared/transport';
import { recordInAnswer } from '../../shared/engine/recordInAnswer';
import { companyDataProperties, companyPayload } from '../companyData';
import { companyLocator, resolveCompanyId } from '../descriptions/companyLocator';
import { companyOutput, simplifyCompanyProperty } from '../outputs/companyOutput';
import { batchingOf, batchWriteOptionsProperty } from '../../shared/descriptions/batchWriteOptions';

/**
 * Whether every company of a batch PUT exists, so repeating it creates nothing. Companies are
 * looked up with the search command `ids:`: Mautic answers a `where … in` with a list value 500.
 */
function whenAllCompaniesExist(context: MauticContext, ids: number[]): () => Promise<boolean> {
	return async () => {
		const response = await mauticRequest(context, {
			method: 'GET',
			path: '/companies',
			qs: { search: `ids:${ids.join(',')}`, limit: ids.length, start: 0 },
		});
		const rows = (response.body as IDataObject | undefined)?.companies;
		const found = new Set(
			Object.values((rows ?? {}) as Record<string, IDataObject>).map((row) => String(row.id)),
		);
		return ids.every((id) => found.has(String(id)));
	};
}

/**
 * Update (PATCH: only the fields given; a missing company fails) and Create or Replace (PUT:
 * fields not given are cleared; a missing ID creates a company under a new ID) differ only in
 * the method; one builder serves both, batched through `/companies/batch/edit`.
 */
export function companyEditOperation(spec: {
	value: string;
	name: string;
	action: string;
	description: string;
	method: IHttpRequestMethods;
}): Operation {
	const entry = async (
		ctx: Parameters<typeof companyPayload>[0],
		itemIndex: number,
	): Promise<IDataObject> => {
		const id = await resolveCompanyId(ctx, itemIndex);
		return { id, ...(await companyPayload(ctx, itemIndex, spec.method === 'PUT')) };
	};
	return {
		value: spec.value,
		name: spec.name,
		action: spec.action,
		description: spec.description,
		properties: [
			companyLocator(),
			...companyDataProperties,
			simplifyCompanyProperty,
			batchWriteOptionsProperty,
		],
		async request(ctx, itemIndex) {
			const { id, ...body } = await entry(ctx, itemIndex);
			const request: MauticRequest = {
				method: spec.method,
				path: `/companies/${id as number}/edit`,
				body,
				entity: { label: 'company', id: id as number },
			};
			if (spec.method === 'PUT') {
				request.repeatableIf = whenRecordExists(ctx, `/companies/${id as number}`);
				request.notRepeatedBecause = PUT_NOT_REPEATED;
			}
			return request;
		},
		output: (response, ctx, itemIndex) =>
			companyOutput(
				ctx,
				itemIndex,
				recordInAnswer(ctx, itemIndex, response, 'company', { label: 'company', changes: true }),
			),
		batch: {
			use: (ctx, itemCount) => itemCount > 1 && batchingOf(ctx).useBatch,
			entry,
			plan: (ctx) => ({
				size: batchingOf(ctx).batchSize,
				entityLabel: 'company',
				request: (entries): MauticRequest =>
					spec.method === 'PUT'
						? {
								method: 'PUT',
								path: '/companies/batch/edit',
								body: entries,
								repeatableIf: whenAllCompaniesExist(
									ctx,
									entries.map((one) => one.id as number),
								),
								notRepeatedBecause: PUT_NOT_REPEATED,
							}
						: { method: spec.method, path: '/companies/batch/edit', body: entries },
				results: standardBatchResults('companies', (company) => companyOutput(ctx, 0, company)),
			}),
		},
	};
}
