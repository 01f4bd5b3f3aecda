import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import {
	DEFAULT_PAGE_SIZE,
	limitProperty,
	optionsCollection,
	pageSizeOption,
	returnAllAndLimit,
	returnAllProperty,
} from '../../shared/descriptions/listParameters';
import type { ListRequest, Operation } from '../../shared/engine';
import { formLocatorSpec } from '../formEntity';
import { flattenSubmission } from '../../shared/forms/flattenSubmission';
import {
	simplifySubmissionOption,
	submissionWhere,
	submittedAfterOption,
	submittedBeforeOption,
} from '../parameters/submissionOptions';

/**
 * A paged read of a form's submissions, oldest first (Mautic's order), optionally in a date range,
 * flattened unless Simplify is off. `contact` narrows it to one contact's submissions.
 */
export function submissionListOperation(spec: {
	value: string;
	name: string;
	action: string;
	description: string;
	properties?: INodeProperties[];
	contact?: (ctx: IExecuteFunctions, itemIndex: number) => Promise<number>;
}): Operation {
	return {
		value: spec.value,
		name: spec.name,
		action: spec.action,
		description: spec.description,
		properties: [
			formLocatorSpec.property(),
			...(spec.properties ?? []),
			returnAllProperty,
			limitProperty,
			optionsCollection([
				pageSizeOption,
				simplifySubmissionOption,
				submittedAfterOption,
				submittedBeforeOption,
			]),
		],
		async list(ctx, itemIndex): Promise<ListRequest> {
			const formId = await formLocatorSpec.idOf(ctx, itemIndex);
			const contactId = spec.contact ? await spec.contact(ctx, itemIndex) : undefined;
			const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const where = submissionWhere(ctx, itemIndex, options, contactId);
			const { returnAll, limit } = returnAllAndLimit(ctx, itemIndex);
			return {
				path:
					contactId === undefined
						? `/forms/${formId}/submissions`
						: `/forms/${formId}/submissions/contact/${contactId}`,
				key: 'submissions',
				// Mautic orders by the second of submission alone, and MySQL may order submissions of
				// one second differently on each page (some read twice, some never): IDs are unique
				// and grow with time (`s.`: a bare `id` is a 500 on Mautic 5.1).
				qs: { orderBy: 's.id', orderByDir: 'ASC', ...(where.length ? { where } : {}) },
				returnAll,
				limit,
				pageSize: Number(options.pageSize) || DEFAULT_PAGE_SIZE,
				entity: { label: 'form', id: formId },
				...(options.simplify === false ? {} : { map: flattenSubmission }),
			};
		},
	};
}
