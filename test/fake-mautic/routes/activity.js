// @ts-check
'use strict';

/**
 * Contact activity (LeadModel::getEngagements through the API): page-based, newest first.
 * `lead.create`/`lead.identified` only exist on a single contact's timeline, like in Mautic.
 */

/** @typedef {import('../store').TimelineEntry} TimelineEntry */

const TYPES = {
	'lead.create': 'Contact created',
	'lead.identified': 'Contact identified',
	'lead.donotcontact': 'Do not contact',
	'lead.imported': 'Imported',
	'point.gained': 'Point gained',
	'segment_membership': 'Segment membership changed',
	'lead.utmtagsadded': 'UTM tags recorded',
};

/** @param {unknown} v @returns {string[]} */
const arr = (v) => (Array.isArray(v) ? v.map(String) : v && typeof v === 'object' ? Object.values(v).map(String) : typeof v === 'string' && v ? [v] : []);

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
	const types = {};
	for (const [k, label] of Object.entries(TYPES)) {
		if (!contact && (k === 'lead.create' || k === 'lead.identified')) continue;
		types[k] = label;
	}
	/** @type {TimelineEntry[]} */
	let events = ctx.store.timeline.filter((e) => (contact ? e.contactId === contact.id : true) && e.event in types);
	if (filters.includeEvents.length) events = events.filter((e) => filters.includeEvents.includes(e.event));
	if (filters.excludeEvents.length) events = events.filter((e) => !filters.excludeEvents.includes(e.event));
	if (filters.search) {
		const s = filters.search.toLowerCase();
		events = events.filter((e) => String(typeof e.eventLabel === 'string' ? e.eventLabel : JSON.stringify(e.eventLabel)).toLowerCase().includes(s));
	}
	const dateFrom = typeof f.dateFrom === 'string' && f.dateFrom ? Date.parse(f.dateFrom.replace(' ', 'T') + (f.dateFrom.length <= 19 ? 'Z' : '')) : NaN;
	const dateTo = typeof f.dateTo === 'string' && f.dateTo ? Date.parse(f.dateTo.replace(' ', 'T') + (f.dateTo.length <= 19 ? 'Z' : '')) : NaN;
	if (!isNaN(dateFrom)) events = events.filter((e) => e.timestamp.getTime() >= dateFrom);
	if (!isNaN(dateTo)) events = events.filter((e) => e.timestamp.getTime() <= dateTo);
	const order = Array.isArray(q.order) ? q.order.map(String) : ['timestamp', 'DESC'];
	const desc = !/^asc$/i.test(order[1] || 'DESC');
	events = [...events].sort((a, b) => (desc ? b.timestamp.getTime() - a.timestamp.getTime() || b.id - a.id : a.timestamp.getTime() - b.timestamp.getTime() || a.id - b.id));
	const limit = Math.max(1, parseInt(String(q.limit ?? '25'), 10) || 25);
	const page = Math.max(1, parseInt(String(q.page ?? '1'), 10) || 1);
	const total = events.length;
	const slice = events.slice((page - 1) * limit, page * limit).map((e) => ({
		event: e.event,
		eventId: `${e.event}${e.id}`,
		eventLabel: e.eventLabel,
		eventType: /** @type {Record<string,string>} */ (TYPES)[e.event],
		eventPriority: e.event === 'lead.identified' ? -4 : e.event === 'lead.create' ? -5 : 0,
		timestamp: e.timestamp,
		featured: e.event === 'lead.identified',
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
		maxPages: Math.ceil(total / limit),
	});
}

module.exports = { activity, TYPES };
