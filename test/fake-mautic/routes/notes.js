// @ts-check
'use strict';

/**
 * Contact notes (NoteApiController: standard entity at /notes, listed as a JSON array) and a
 * contact's notes (LeadApiController::getNotesAction, `GET /contacts/{id}/notes`, newest first).
 */

const { standardEntity, violation } = require('./standard');
const { fieldsView } = require('../contact-view');
const { MESSAGES, ServerException } = require('../errors');
const { likeRegex } = require('../contact-query');
const { stripNulls } = require('../php-json');

/** @typedef {import('../store').Note} Note @typedef {import('../store').Store} Store */

const TYPES = ['general', 'email', 'call', 'meeting'];

/** `leadList` of a note: grouped fields in a single answer, `fields: []` in lists. @param {Store} store @param {Note} n @param {boolean} list */
function noteLead(store, n, list) {
	const c = store.contacts.get(n.contactId);
	if (!c) return null;
	return {
		id: c.id,
		points: c.points,
		color: c.color,
		fields: list ? [] : fieldsView(store, c, { values: 'webhook', withAll: false }),
	};
}

/** @param {Store} store @param {Note} n @param {{ list: boolean, deleted?: boolean }} o */
function noteView(store, n, o) {
	return {
		id: o.deleted ? null : n.id,
		text: n.text,
		type: n.type,
		dateTime: n.dateTime,
		lead: noteLead(store, n, o.list),
	};
}

/** The note form's date: `yyyy-MM-dd HH:mm` or an ISO 8601 date and time. @param {unknown} v */
function parseDateTime(v) {
	const text = String(v).trim();
	const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
	if (!m) return undefined;
	const date = new Date(`${m[1]}T${m[2]}${m[3] ?? ':00'}${m[4] ?? 'Z'}`);
	return Number.isNaN(date.getTime()) ? undefined : date;
}

/** @param {import('../router').Router} r */
module.exports = function noteRoutes(r) {
	standardEntity(r, {
		kind: 'note',
		path: '/notes',
		one: 'note',
		multi: 'notes',
		list: 'array',
		publish: false,
		searchFields: ['text'],
		defaultOrder: { col: 'id', dir: 'ASC' },
		map: (ctx) => ctx.store.notes,
		view: (ctx, n, o) => noteView(ctx.store, n, o),
		blank: () => ({ id: 0, contactId: 0, text: '', type: 'general', dateTime: null }),
		apply: (ctx, base, p, method) => {
			const n = { ...base };
			const isNew = !base.id;
			// NoteApiController::preSaveEntity: the contact is checked before the form
			if (p.lead !== undefined && p.lead !== null && p.lead !== '') {
				const c = ctx.store.contacts.get(Number(p.lead));
				if (!c) return { error: { code: 404, message: MESSAGES.contactNotFound, details: [] } };
				n.contactId = c.id;
			} else if (isNew) {
				return { error: { code: 400, message: 'lead ID is mandatory', details: [] } };
			}
			const put = method === 'PUT';
			if ('text' in p || put)
				n.text = p.text === undefined || p.text === null ? '' : String(p.text);
			if ('type' in p || put) {
				const type = p.type === undefined || p.type === null || p.type === '' ? 'general' : p.type;
				if (!TYPES.includes(String(type))) return violation('type', 'This value is not valid.');
				n.type = String(type);
			}
			if ('dateTime' in p) {
				if (p.dateTime === null || p.dateTime === '') n.dateTime = null;
				else {
					const date = parseDateTime(p.dateTime);
					if (!date) return violation('dateTime', 'This value is not valid.');
					n.dateTime = date;
				}
			}
			return { entity: n };
		},
	});
};

/**
 * GET /contacts/{id}/notes: the contact's notes, newest first, searched in the text, paged.
 * @param {import('../router').RouteCtx} ctx @param {{ id: number }} c
 */
module.exports.contactNotes = function contactNotes(ctx, c) {
	const { store, query } = ctx;
	const search = typeof query.search === 'string' ? query.search.trim() : '';
	/** @type {Array<(n: Note) => boolean>} */
	const tests = search
		.split(/\s+/)
		.filter(Boolean)
		.map((token) => {
			const type = /^type:(.+)$/i.exec(token);
			if (type) return (n) => n.type === type[1].toLowerCase();
			const re = likeRegex(`%${token}%`);
			return (n) => re.test(n.text);
		});
	const start = Math.max(0, parseInt(String(query.start ?? '0'), 10) || 0);
	const limit = query.limit === undefined ? 30 : parseInt(String(query.limit), 10) || 0;
	// `orderBy` needs the `n.` alias here (a bare column is a 500 on 5.1); the default is
	// n.dateAdded DESC (not modelled: ID order), whose ties MySQL may order differently per page
	const columns = String(query.orderBy ?? '')
		.split(',')
		.map((column) => column.trim())
		.filter(Boolean);
	if (columns.some((column) => column !== 'n.id' && column !== 'n.dateAdded'))
		throw new ServerException(500);
	const dir =
		columns.length > 0
			? String(query.orderByDir ?? 'DESC').toUpperCase() === 'ASC'
				? 1
				: -1
			: store.noteTies === 'unstable' && limit > 0 && Math.floor(start / limit) % 2 === 1
				? 1
				: -1;
	const all = [...store.notes.values()]
		.filter((n) => n.contactId === c.id && tests.every((test) => test(n)))
		.sort((a, b) => (a.id - b.id) * dir);
	const page = limit > 0 ? all.slice(start, start + limit) : all.slice(start);
	return ctx.ok({
		total: all.length,
		// serialized without a context on a real 5.1: nulls are left out and the contact is `{}`
		notes: page.map((n) => stripNulls({ ...noteView(store, n, { list: true }), lead: new Map() })),
	});
};

module.exports.TYPES = TYPES;
