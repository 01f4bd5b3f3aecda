import type { Backend } from './backends';
import { uniqueName } from './fixtures';

/** A published, global segment to use as a campaign's or an email's source. */
export async function createSegment(backend: Backend, what = 'Campaign source'): Promise<number> {
	const body = await backend.api('POST', '/segments/new', {
		name: uniqueName(what),
		isPublished: true,
		isGlobal: true,
	});
	return Number(body.list.id);
}

/** The body Mautic documents for POST /campaigns/new: one event, a segment source, the canvas. */
export function campaignBody(segmentId: number, extra: Record<string, unknown> = {}) {
	return {
		name: uniqueName('Contract campaign'),
		description: 'made by the contract suite',
		isPublished: true,
		lists: [{ id: segmentId }],
		events: [
			{
				id: 'new1',
				name: 'Tag the contact',
				description: null,
				type: 'lead.changetags',
				eventType: 'action',
				order: 1,
				properties: { add_tags: ['welcomed'], remove_tags: [] },
				triggerInterval: 0,
				triggerIntervalUnit: 'd',
				triggerMode: 'immediate',
				decisionPath: null,
				parent: null,
			},
		],
		canvasSettings: {
			nodes: [
				{ id: 'new1', positionX: '760', positionY: '155' },
				{ id: 'lists', positionX: '860', positionY: '50' },
			],
			connections: [
				{
					sourceId: 'lists',
					targetId: 'new1',
					anchors: { source: 'leadsource', target: 'top' },
				},
			],
		},
		...extra,
	};
}

/** A campaign made through the API (POST /campaigns/new); returns its id. */
export async function createCampaign(
	backend: Backend,
	extra: Record<string, unknown> = {},
): Promise<number> {
	const segmentId = await createSegment(backend);
	const body = await backend.api('POST', '/campaigns/new', campaignBody(segmentId, extra));
	return Number(body.campaign.id);
}
