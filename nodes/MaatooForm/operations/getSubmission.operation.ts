import type { IDataObject } from 'n8n-workflow';
import type { Operation } from '../../shared/engine';
import { recordInAnswer } from '../../shared/engine';
import { failItem } from '../../shared/engine/itemErrors';
import { mauticIdOf } from '../../shared/locators/locatorValue';
import { mauticRequest } from '../../shared/transport';
import { formLocatorSpec } from '../formEntity';
import { flattenSubmission } from '../../shared/forms/flattenSubmission';
import { simplifySubmissionOption } from '../parameters/submissionOptions';

export const getSubmissionOperation: Operation = {
	value: 'getSubmission',
	name: 'Get Submission',
	action: 'Get a form submission',
	description: 'Get one submission of a form by its ID',
	properties: [
		formLocatorSpec.property(),
		{
			displayName: 'Submission ID',
			name: 'submissionId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 128',
			description: 'ID of the submission (the submissionId of Get Submissions or the trigger)',
		},
		{ ...simplifySubmissionOption },
	],
	async run(ctx, itemIndex) {
		const formId = await formLocatorSpec.idOf(ctx, itemIndex);
		const given = String(ctx.getNodeParameter('submissionId', itemIndex, '')).trim();
		const submissionId = mauticIdOf(given);
		if (submissionId === undefined) {
			failItem(
				ctx,
				itemIndex,
				given === ''
					? 'The field "Submission ID" is empty'
					: `The field "Submission ID" needs a whole number from 1, got "${given.slice(0, 80)}"`,
			);
		}
		const response = await mauticRequest(
			ctx,
			{
				method: 'GET',
				path: `/forms/${formId}/submissions/${submissionId}`,
				// Mautic answers the same "not found" for a missing form and a missing submission
				entity: { label: 'submission', id: `${submissionId} of form ${formId}` },
			},
			itemIndex,
		);
		const record = recordInAnswer(ctx, itemIndex, response, 'submission', {
			label: 'submission',
			changes: false,
		});
		// Mautic reads the submission by its ID alone: one of another form comes back too.
		const ownForm = Number((record.form as IDataObject | undefined)?.id);
		if (Number.isFinite(ownForm) && ownForm !== formId) {
			failItem(
				ctx,
				itemIndex,
				`The submission ${submissionId} belongs to form ${ownForm}, not to form ${formId}`,
			);
		}
		const simplify = ctx.getNodeParameter('simplify', itemIndex, true) as boolean;
		return simplify ? flattenSubmission(record) : record;
	},
};
