import type { IHttpRequestMethods, INodeProperties } from 'n8n-workflow';
import { descriptionField, fieldsCollection } from '../../shared/descriptions/entityFields';
import type { Operation } from '../../shared/engine';
import { withInsightsApi } from '../insightsApi';
import { mauticRequest, PUT_NOT_REPEATED, whenRecordExists } from '../../shared/transport';
import {
	checkInsightBody,
	checkOptionsProperty,
	completeInsightBody,
	customFieldField,
	insightActionField,
	insightOf,
	insightTypeField,
	nameField,
	pointGroupsField,
} from '../insightData';
import { pointInsightIdOf, pointInsightLocator } from '../pointInsightLocator';

const completeFields: INodeProperties[] = [
	{ ...nameField, required: true },
	insightTypeField,
	insightActionField,
	{ ...customFieldField, required: true },
	{ ...pointGroupsField, required: true },
	fieldsCollection('Additional Fields', 'additionalFields', [descriptionField]),
	checkOptionsProperty,
];

/**
 * Create (POST …/new) and Create or Replace (PUT …/{id}/edit: every field is set, a missing ID
 * is created) send the same complete insight; one builder serves both.
 */
export function insightWriteOperation(spec: {
	value: string;
	name: string;
	action: string;
	description: string;
	method: Extract<IHttpRequestMethods, 'POST' | 'PUT'>;
}): Operation {
	const replace = spec.method === 'PUT';
	return {
		value: spec.value,
		name: spec.name,
		action: spec.action,
		description: spec.description,
		properties: replace ? [pointInsightLocator, ...completeFields] : completeFields,
		run: (ctx, itemIndex) =>
			withInsightsApi(ctx, itemIndex, async () => {
				const id = replace ? await pointInsightIdOf(ctx, itemIndex) : undefined;
				const body = completeInsightBody(ctx, itemIndex);
				await checkInsightBody(ctx, itemIndex, body);
				const response = await mauticRequest(
					ctx,
					{
						method: spec.method,
						path: replace ? `/points/insights/${id}/edit` : '/points/insights/new',
						body,
						entity: { label: 'point insight', id },
						...(replace
							? {
									repeatableIf: whenRecordExists(ctx, `/points/insights/${id}`),
									notRepeatedBecause: PUT_NOT_REPEATED,
								}
							: {}),
					},
					itemIndex,
				);
				return insightOf(response);
			}),
	};
}
