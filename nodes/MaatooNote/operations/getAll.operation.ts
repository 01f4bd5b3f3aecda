import type { IDataObject } from 'n8n-workflow';
import {
	DEFAULT_PAGE_SIZE,
	limitProperty,
	optionsCollection,
	pageSizeOption,
	returnAllAndLimit,
	returnAllProperty,
} from '../../shared/descriptions/listParameters';
import type { Operation } from '../../shared/engine';
import { contactLocator } from '../../shared/locators/contactLocator';
import { resolveContactId } from '../../shared/locators/resolveContactId';
import { flatNote } from '../outputs/note';
import { noteType } from '../parameters/noteFields';

export const getAllOperation: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many notes',
	description: "List notes: every contact's, or one contact's (newest first), optionally searched",
	properties: [
		{
			displayName: 'Notes Of',
			name: 'scope',
			type: 'options',
			options: [
				{ name: 'All Contacts', value: 'all', description: 'Every note, oldest first' },
				{ name: 'One Contact', value: 'contact', description: "One contact's notes, newest first" },
			],
			default: 'contact',
		},
		contactLocator({
			description: 'The contact whose notes to list',
			displayOptions: { show: { scope: ['contact'] } },
		}),
		returnAllProperty,
		limitProperty,
		optionsCollection([
			pageSizeOption,
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. renewal',
				description: 'Only notes whose text contains this (Mautic search string)',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Call', value: 'call' },
					{ name: 'Email', value: 'email' },
					{ name: 'General', value: 'general' },
					{ name: 'Meeting', value: 'meeting' },
				],
				default: 'call',
				description: 'Only notes of this type',
			},
		]),
	],
	async list(ctx, itemIndex) {
		const scope = ctx.getNodeParameter('scope', itemIndex, 'contact') as string;
		const contactId = scope === 'contact' ? await resolveContactId(ctx, itemIndex) : undefined;
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const search = [
			options.type !== undefined ? `type:${noteType(ctx, itemIndex, options.type)}` : '',
			String(options.search ?? '').trim(),
		]
			.filter(Boolean)
			.join(' ');
		const { returnAll, limit } = returnAllAndLimit(ctx, itemIndex);
		return {
			path: contactId === undefined ? '/notes' : `/contacts/${contactId}/notes`,
			key: 'notes',
			// Mautic orders a contact's notes by the second they were added (and all notes not at
			// all): notes of one second could be lost or read twice between pages. IDs are unique
			// and grow with time; `n.`: a bare `id` is a 500 on a contact's notes on Mautic 5.1.
			qs: {
				orderBy: 'n.id',
				orderByDir: contactId === undefined ? 'ASC' : 'DESC',
				...(search ? { search } : {}),
			},
			returnAll,
			limit,
			pageSize: Number(options.pageSize) || DEFAULT_PAGE_SIZE,
			// a contact's list serializes the contact as `{}`: its ID is the one asked for
			map: contactId === undefined ? flatNote : (row) => ({ ...flatNote(row), contactId }),
			...(contactId === undefined ? {} : { entity: { label: 'contact', id: contactId } }),
		};
	},
};
