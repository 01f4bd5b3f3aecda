import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { createOperation as entityCreate } from '../../shared/entities/entity';
import { failItem as fail } from '../../shared/engine/itemErrors';
import { campaignEntity } from '../campaignEntity';

const FIELD = 'Campaign (JSON)';

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The campaign body as Mautic documents it (name, events, lists or forms, canvasSettings), parsed
 * and checked for what Mautic refuses or silently drops: without `canvasSettings` Mautic saves the
 * campaign without its events.
 */
function campaignBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = ctx.getNodeParameter('campaignJson', itemIndex, '') as unknown;
	let parsed: unknown = raw;
	if (typeof raw === 'string') {
		try {
			parsed = JSON.parse(raw);
		} catch (error) {
			fail(ctx, itemIndex, `The field "${FIELD}" is not valid JSON: ${(error as Error).message}`);
		}
	}
	if (!isObject(parsed)) fail(ctx, itemIndex, `The field "${FIELD}" must be a JSON object`);
	const body = parsed as IDataObject;
	if (typeof body.name !== 'string' || body.name.trim() === '') {
		fail(ctx, itemIndex, `The field "${FIELD}" needs a "name"`);
	}
	const events = body.events;
	const hasEvents = Array.isArray(events)
		? events.length > 0
		: isObject(events) && Object.keys(events).length > 0;
	if (!hasEvents) {
		fail(
			ctx,
			itemIndex,
			`The field "${FIELD}" needs "events": Mautic refuses a campaign without events`,
		);
	}
	const hasSource = [body.lists, body.forms].some(
		(source) =>
			(Array.isArray(source) && source.length > 0) ||
			(isObject(source) && Object.keys(source).length > 0),
	);
	if (!hasSource) {
		fail(
			ctx,
			itemIndex,
			`The field "${FIELD}" needs "lists" (segments) or "forms": Mautic refuses a campaign without a contact source`,
		);
	}
	if (!isObject(body.canvasSettings)) {
		fail(
			ctx,
			itemIndex,
			`The field "${FIELD}" needs "canvasSettings" (nodes and connections): without it Mautic saves the campaign without its events`,
		);
	}
	return body;
}

const EXAMPLE = `{
  "name": "Welcome",
  "isPublished": true,
  "lists": [{ "id": 1 }],
  "events": [
    {
      "id": "new1",
      "name": "Send welcome email",
      "type": "email.send",
      "eventType": "action",
      "order": 1,
      "properties": { "email": 1, "email_type": "transactional" },
      "triggerMode": "immediate",
      "decisionPath": null,
      "parent": null
    }
  ],
  "canvasSettings": {
    "nodes": [
      { "id": "new1", "positionX": "760", "positionY": "155" },
      { "id": "lists", "positionX": "860", "positionY": "50" }
    ],
    "connections": [
      { "sourceId": "lists", "targetId": "new1", "anchors": { "source": "leadsource", "target": "top" } }
    ]
  }
}`;

export const createOperation = entityCreate(campaignEntity, {
	description: 'Create a campaign from the JSON body Mautic documents (events, sources, canvas)',
	properties: [
		{
			displayName: 'Campaign (JSON)',
			name: 'campaignJson',
			type: 'json',
			required: true,
			default: EXAMPLE,
			description:
				'The campaign as Mautic\'s API takes it: name, lists (segments) or forms, events with temporary IDs such as "new1", and canvasSettings connecting them. Build the campaign once in Mautic and copy the body of a Get to start from.',
		},
	],
	body: campaignBody,
});
