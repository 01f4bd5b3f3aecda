import { type IDataObject } from 'n8n-workflow';
import { contactLocator } from '../../shared/locators/contactLocator';
import { simplifyProperty } from '../../shared/descriptions/listParameters';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import type { Operation } from '../../shared/engine';
import { mauticRequest } from '../../shared/transport';
import { scoreRow } from '../outputs/groupScoreRow';

export const getGroupScoresOperation: Operation = {
	value: 'getGroupScores',
	name: 'Get Point Group Scores',
	action: 'Get the point group scores of a contact',
	description: 'One item per point group the contact has a score in',
	properties: [contactLocator(), simplifyProperty],
	async run(ctx, itemIndex) {
		const id = await resolveContactId(ctx, itemIndex);
		const response = await mauticRequest(
			ctx,
			{ method: 'GET', path: `/contacts/${id}/points/groups`, entity: { label: 'contact', id } },
			itemIndex,
		);
		const scores = ((response.body as IDataObject).groupScores ?? []) as
			| IDataObject[]
			| IDataObject;
		const list = (Array.isArray(scores) ? scores : Object.values(scores)) as IDataObject[];
		return ctx.getNodeParameter('simplify', itemIndex, true)
			? list.map((score) => scoreRow(id, score))
			: list;
	},
};
