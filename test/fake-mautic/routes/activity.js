// @ts-check
'use strict';

/**
 * Contact activity (LeadModel::getEngagements through the API): page-based, newest first. As on a
 * real 5.1, `limit` and `page` apply to each event type on its own (every timeline subscriber
 * pages its own events), so a page can hold more than `limit` events; `maxPages` follows the
 * type with the most events.
 */

/** @typedef {import('../store').TimelineEntry} TimelineEntry */

/** The event types a stock 5.1 lists (for one contact and for all), in its order. */
const TYPES = {
	'asset.download': 'Asset downloaded',
	'campaign.event': 'Campaign action triggered',
	'campaign.event.scheduled': 'Campaign event scheduled',
	campaign_membership: 'Campaign membership change',
	'lead.source.created': 'Contact created by source',
	'lead.source.identified': 'Contact identified by source',
	'lead.donotcontact': 'Do not contact',
	'dynamic.content.sent': 'Dynamic Content Triggered',
	'email.failed': 'Email failed',
	'email.read': 'Email read',
	'email.replied': 'Email replied',
	'email.sent': 'Email sent',
	'sms.failed': 'Failed',
	'focus.on_click': 'Focus click',
	'focus.on_view': 'Focus view',
	'form.submitted': 'Form submitted',
	'lead.imported': 'Imported',
	integration_sync_issues: 'Integration sync notice',
	'message.queue': 'Message Queue',
	'page.hit': 'Page hit',
	'point.gained': 'Point gained',
	segment_membership: 'Segment membership change',
	'sms.sent': 'Sent',
	'stage.changed': 'Stage changed',
	sms_reply: 'Text message received',
	'lead.utmtagsadded': 'UTM tags recorded',
	'page.videohit': 'Video view event',
};

/** @param {unknown} v @returns {string[]} */
const arr = (v) =>
	Array.isArray(v)
		? v.map(String)
		: v && typeof v === 'object'
			? Object.values(v).map(String)
			: typeof v === 'string' && v
				? [v]
				: [];

/**
 * @param {import('../router').RouteCtx} ctx
 * @param {import('../store').Contact|null} contact
 */
function activity(ctx, contact) {
	const q = ctx.query;
	const f = q.filters && typeof q.filters === 'object' ? q.filters : {};
	const filters = {
		search: typeof f.search === 'string' ? f.search : '',
		includeEvents: arr(f.includeEvents),
		excludeEvents: arr(f.excludeEvents),
	};
	/** @type {Record<string, string>} */
	const types = { ...TYPES };
	/** @type {TimelineEntry[]} */
	let events = ctx.store.timeline.filter(
		(e) => (contact ? e.contactId === contact.id : true) && e.event in types,
	);
	if (filters.includeEvents.length)
		events = events.filter((e) => filters.includeEvents.includes(e.event));
	if (filters.excludeEvents.length)
		events = events.filter((e) => !filters.excludeEvents.includes(e.event));
	if (filters.search) {
		const s = filters.search.toLowerCase();
		events = events.filter((e) =>
			String(typeof e.eventLabel === 'string' ? e.eventLabel : JSON.stringify(e.eventLabel))
				.toLowerCase()
				.includes(s),
		);
	}
	const dateFrom =
		typeof f.dateFrom === 'string' && f.dateFrom
			? Date.parse(f.dateFrom.replace(' ', 'T') + (f.dateFrom.length <= 19 ? 'Z' : ''))
			: NaN;
	const dateTo =
		typeof f.dateTo === 'string' && f.dateTo
			? Date.parse(f.dateTo.replace(' ', 'T') + (f.dateTo.length <= 19 ? 'Z' : ''))
			: NaN;
	if (!isNaN(dateFrom)) events = events.filter((e) => e.timestamp.getTime() >= dateFrom);
	if (!isNaN(dateTo)) events = events.filter((e) => e.timestamp.getTime() <= dateTo);
	const order = Array.isArray(q.order) ? q.order.map(String) : ['timestamp', 'DESC'];
	const desc = !/^asc$/i.test(order[1] || 'DESC');
	events = [...events].sort((a, b) =>
		desc
			? b.timestamp.getTime() - a.timestamp.getTime() || b.id - a.id
			: a.timestamp.getTime() - b.timestamp.getTime() || a.id - b.id,
	);
	const limit = Math.max(1, parseInt(String(q.limit ?? '25'), 10) || 25);
	const page = Math.max(1, parseInt(String(q.page ?? '1'), 10) || 1);
	const total = events.length;
	/** @type {Map<string, TimelineEntry[]>} */
	const byType = new Map();
	for (const e of events) byType.set(e.event, [...(byType.get(e.event) ?? []), e]);
	const largest = Math.max(0, ...[...byType.values()].map((list) => list.length));
	const onPage = new Set(
		[...byType.values()].flatMap((list) => list.slice((page - 1) * limit, page * limit)),
	);
	const slice = events
		.filter((e) => onPage.has(e))
		.map((e) => ({
			event: e.event,
			eventId: `${e.event}${e.id}`,
			eventType: /** @type {Record<string,string>} */ (TYPES)[e.event],
			eventLabel: e.eventLabel,
			timestamp: e.timestamp,
			contactId: String(e.contactId),
			details: e.details,
		}));
	return ctx.ok({
		events: slice,
		filters,
		order,
		types,
		total,
		page,
		limit,
		maxPages: Math.ceil(largest / limit),
	});
}

module.exports = { activity, TYPES };
