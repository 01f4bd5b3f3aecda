/**
 * The new nodes run on both backends: Stage (and Contact › Change Stage), Text Message, Tag,
 * Category and Report, with bad input under Continue On Fail.
 */
import type { IDataObject } from 'n8n-workflow';
import { MaatooCategory } from '../../nodes/MaatooCategory/MaatooCategory.node';
import { MaatooContact } from '../../nodes/MaatooContact/MaatooContact.node';
import { MaatooReport } from '../../nodes/MaatooReport/MaatooReport.node';
import { MaatooStage } from '../../nodes/MaatooStage/MaatooStage.node';
import { MaatooTag } from '../../nodes/MaatooTag/MaatooTag.node';
import { MaatooTextMessage } from '../../nodes/MaatooTextMessage/MaatooTextMessage.node';
import { registerNodeType, runNode } from '../support/maatooRun';
import type { Backend } from './backends';
import { createContact, email, uniqueName } from './fixtures';
import { basicCredentialOf, byId } from './nodeRun';
import { onEachBackend } from './suite';

registerNodeType('maatooStage', new MaatooStage());
registerNodeType('maatooContact', new MaatooContact());
registerNodeType('maatooTextMessage', new MaatooTextMessage());
registerNodeType('maatooTag', new MaatooTag());
registerNodeType('maatooCategory', new MaatooCategory());
registerNodeType('maatooReport', new MaatooReport());

function run(
	backend: Backend,
	type: string,
	parameters: IDataObject,
	options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
) {
	return runNode({ type, parameters, credential: basicCredentialOf(backend), ...options });
}

onEachBackend('nodes', 'Stages, text messages, tags, categories, reports', ({ backend, check }) => {
	check(
		'Stage: create, add a contact, Change Stage, remove only from the own stage, delete',
		async () => {
			const b = backend();
			const contactId = await createContact(b, { email: email(b, 'stage-node') });
			const created = await run(
				b,
				'maatooStage',
				{
					operation: 'create',
					name: '={{ $json.name }}',
					additionalFields: { weight: '={{ $json.weight }}' },
				},
				{
					items: [
						{ name: uniqueName('Lead'), weight: 1 },
						{ name: uniqueName('Customer'), weight: 9 },
					],
				},
			);
			const [lead, customer] = created.json.map((s) => s.id as number);
			try {
				const added = await run(b, 'maatooStage', {
					operation: 'addContact',
					stageId: byId(lead),
					contactId: byId(contactId),
				});
				expect(added.json).toEqual([{ stageId: lead, contactId, added: true }]);
				const changed = await run(b, 'maatooContact', {
					operation: 'changeStage',
					contactId: byId(contactId),
					stageId: byId(customer),
				});
				expect(changed.json).toEqual([{ contactId, stageId: customer, changed: true }]);
				const notThere = await run(b, 'maatooStage', {
					operation: 'removeContact',
					stageId: byId(lead),
					contactId: byId(contactId),
				});
				expect(notThere.json).toEqual([
					{ stageId: lead, contactId, removed: false, currentStageId: customer },
				]);
				const removed = await run(b, 'maatooStage', {
					operation: 'removeContact',
					stageId: byId(customer),
					contactId: byId(contactId),
				});
				expect(removed.json).toEqual([
					{ stageId: customer, contactId, removed: true, currentStageId: null },
				]);
				const bad = await run(
					b,
					'maatooStage',
					{ operation: 'addContact', stageId: '={{ $json.stage }}', contactId: byId(contactId) },
					{ items: [{ stage: byId(999999) }, { stage: byId('x') }], continueOnFail: true },
				);
				expect(bad.json.map((item) => item.error)).toEqual([
					'The stage 999999 does not exist [item 0]',
					'The field "Stage" needs a numeric ID, got "x" [item 1]',
				]);
			} finally {
				await b.raw('DELETE', `/api/contacts/${contactId}/delete`);
				for (const id of [lead, customer])
					await run(b, 'maatooStage', { operation: 'delete', stageId: byId(id) });
			}
		},
		{ timeout: 60_000 },
	);

	check(
		'Text Message: create, send reports the missing SMS transport, delete',
		async () => {
			const b = backend();
			const contactId = await createContact(b, {
				email: email(b, 'sms-node'),
				mobile: '+41790000000',
			});
			const created = await run(b, 'maatooTextMessage', {
				operation: 'create',
				name: uniqueName('SMS'),
				message: 'Hi',
			});
			const smsId = created.json[0].id as number;
			try {
				const sent = await run(
					b,
					'maatooTextMessage',
					{ operation: 'sendToContact', textMessageId: byId(smsId), contactId: byId(contactId) },
					{ continueOnFail: true },
				);
				expect(sent.json[0].error).toBe(
					`Mautic did not send text message ${smsId} to contact ${contactId}: SMS transport is disabled. (code 417) [item 0]`,
				);
			} finally {
				await b.raw('DELETE', `/api/contacts/${contactId}/delete`);
				await run(b, 'maatooTextMessage', { operation: 'delete', textMessageId: byId(smsId) });
			}
		},
		{ timeout: 60_000 },
	);

	check(
		'Tag: create, rename, find by name, delete; Category: create and list by type',
		async () => {
			const b = backend();
			const name = uniqueName('node-tag').replace(/ /g, '-');
			const tag = (await run(b, 'maatooTag', { operation: 'create', name })).json[0];
			try {
				const renamed = await run(b, 'maatooTag', {
					operation: 'update',
					tagId: byId(tag.id as number),
					name: `${name}-x`,
				});
				expect(renamed.json[0]).toMatchObject({ id: tag.id, tag: `${name}-x` });
				const found = await run(b, 'maatooTag', {
					operation: 'getAll',
					returnAll: true,
					options: { search: `${name}-X` },
				});
				expect(found.json.map((t) => t.id)).toEqual([tag.id]);
			} finally {
				await run(b, 'maatooTag', { operation: 'delete', tagId: byId(tag.id as number) });
			}
			const title = uniqueName('Node category');
			const category = (
				await run(b, 'maatooCategory', {
					operation: 'create',
					title,
					bundle: 'stage',
					additionalFields: { color: '#00AA00' },
				})
			).json[0];
			try {
				expect(category).toMatchObject({ title, bundle: 'stage', color: '00aa00' });
				const listed = await run(b, 'maatooCategory', {
					operation: 'getAll',
					returnAll: true,
					options: { bundle: 'stage', search: title },
				});
				expect(listed.json.map((c) => c.id)).toEqual([category.id]);
			} finally {
				await run(b, 'maatooCategory', {
					operation: 'delete',
					categoryId: byId(category.id as number),
				});
			}
		},
		{ timeout: 60_000 },
	);

	check(
		'Report: run All Emails to the end; Get Stats with a condition; an unknown table is named',
		async () => {
			const b = backend();
			const reports = await run(b, 'maatooReport', { operation: 'getAll', returnAll: true });
			const emails = reports.json.find((r) => r.name === 'All Emails')!;
			const all = await run(b, 'maatooReport', {
				operation: 'run',
				reportId: byId(emails.id as number),
				returnAll: true,
				options: { pageSize: 2 },
			});
			const direct = await b.api('GET', `/reports/${emails.id}`);
			expect(all.json.length).toBe(direct.totalResults);
			const stats = await run(
				b,
				'maatooReport',
				{
					operation: 'getStats',
					table: '={{ $json.table }}',
					returnAll: false,
					limit: 5,
					conditions: { condition: [{ column: 'id', expression: 'gte', value: '1' }] },
					sort: { column: [{ column: 'id', direction: 'DESC' }] },
				},
				{
					items: [{ table: 'lead_stages_change_log' }, { table: 'not_a_table' }],
					continueOnFail: true,
				},
			);
			const rows = stats.json.filter((item) => !item.error);
			const ids = rows.map((row) => Number(row.id));
			expect(ids).toEqual([...ids].sort((x, y) => y - x));
			expect(stats.json.at(-1)?.error).toBe(
				'Mautic has no statistics table "not_a_table" [item 1]',
			);
		},
		{ timeout: 60_000 },
	);
});
