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
	return withTemporaryEventIds(body);
}

/**
 * Mautic maps only temporary event IDs ("new1") to the saved ones in the canvas: the saved IDs in
 * the JSON of a Get would leave the new campaign's canvas pointing at the original campaign's
 * events. So every other event ID becomes a temporary one, in the events and the canvas alike.
 */
function withTemporaryEventIds(body: IDataObject): IDataObject {
	const events = Array.isArray(body.events)
		? (body.events as unknown[])
		: Object.values(body.events as IDataObject);
	const used = new Set(events.map((event) => String((event as IDataObject)?.id ?? '')));
	const renamed = new Map<string, string>();
	const newEvents = events.map((event) => {
		if (!isObject(event) || event.id === undefined || event.id === null) return event;
		const id = String(event.id);
		if (id.startsWith('new')) return event;
		let temporary = `new${id}`;
		for (let n = 2; used.has(temporary); n++) temporary = `new${id}_${n}`;
		used.add(temporary);
		renamed.set(id, temporary);
		return { ...event, id: temporary };
	});
	if (renamed.size === 0) return body;
	const swap = (value: unknown) =>
		value !== undefined && value !== null && renamed.has(String(value))
			? renamed.get(String(value))
			: value;
	const canvas = body.canvasSettings as IDataObject;
	const list = (value: unknown) => (Array.isArray(value) ? (value as IDataObject[]) : []);
	return {
		...body,
		events: newEvents as IDataObject[],
		canvasSettings: {
			...canvas,
			nodes: list(canvas.nodes).map((node) =>
				isObject(node) ? { ...node, id: swap(node.id) } : node,
			),
			connections: list(canvas.connections).map((connection) =>
				isObject(connection)
					? {
							...connection,
							sourceId: swap(connection.sourceId),
							targetId: swap(connection.targetId),
						}
					: connection,
			),
		},
	};
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
				'The campaign as Mautic\'s API takes it: name, lists (segments) or forms, events with temporary IDs such as "new1", and canvasSettings connecting them. Build the campaign once in Mautic and copy the output of a Get to start from: its saved event IDs are made temporary ones.',
		},
	],
	body: campaignBody,
});
