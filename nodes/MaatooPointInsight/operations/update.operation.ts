import type { Operation } from '../../shared/engine';
import { descriptionField, fieldsCollection } from '../../shared/descriptions/entityFields';
import { withInsightsApi } from '../insightsApi';
import { mauticRequest } from '../../shared/transport';
import {
	changedInsightBody,
	checkInsightBody,
	checkOptionsProperty,
	customFieldField,
	insightActionField,
	insightOf,
	insightTypeField,
	nameField,
	pointGroupsField,
} from '../insightData';
import { pointInsightIdOf, pointInsightLocator } from '../pointInsightLocator';

export const updateOperation: Operation = {
	value: 'update',
	name: 'Update',
	action: 'Update a point insight',
	description: 'Change only the fields given; the insight must exist',
	properties: [
		pointInsightLocator,
		fieldsCollection('Update Fields', 'updateFields', [
			insightActionField,
			customFieldField,
			descriptionField,
			insightTypeField,
			nameField,
			pointGroupsField,
		]),
		checkOptionsProperty,
	],
	run: (ctx, itemIndex) =>
		withInsightsApi(ctx, itemIndex, async () => {
			const id = await pointInsightIdOf(ctx, itemIndex);
			const body = changedInsightBody(ctx, itemIndex);
			await checkInsightBody(ctx, itemIndex, body);
			const response = await mauticRequest(
				ctx,
				{
					method: 'PATCH',
					path: `/points/insights/${id}/edit`,
					body,
					entity: { label: 'point insight', id },
				},
				itemIndex,
			);
			return insightOf(response);
		}),
};
