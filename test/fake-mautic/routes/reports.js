// @ts-check
'use strict';

/**
 * Reports (ReportApiController) and stats tables (StatsApiController).
 *
 * Reports: standard entity at /reports (a JSON array); `GET /reports/{id}` runs the report: the
 * fake holds its rows (store.createReport), filters them by dateFrom/dateTo (default: the last 30
 * days up to now, as Mautic) on the report's date column, and pages them when `page` or `limit` is given (page 1-based; limit 10 when only
 * page is given). Unpaged, every row comes back and `limit` is 0.
 *
 * Stats: `GET /stats` lists Mautic 5.1's tables and their columns; `GET /stats/{table}` answers
 * `{total: "n", stats: [...]}` with every value a string (as MySQL hands them to Mautic), paged by
 * start/limit (default 0/100), filtered by `where[i][col|expr|val]` and sorted by
 * `order[i][col|dir]`. Like a real 5.1: an unknown table answers the table list (200); an
 * unknown column answers 200 with an `errors` entry (the SQL error, code 1054); an unknown
 * expression is ignored.
 */

const { standardEntity } = require('./standard');
const { controllerError, MESSAGES } = require('../errors');
const { likeRegex } = require('../contact-query');

/** The tables a stock Mautic 5.1 offers, with the columns of those the fake fills. */
const TABLES = {
	asset_downloads: [
		'asset_id',
		'code',
		'date_download',
		'email_id',
		'id',
		'ip_id',
		'lead_id',
		'referer',
		'source',
		'source_id',
		'tracking_id',
		'utm_campaign',
		'utm_content',
		'utm_medium',
		'utm_source',
		'utm_term',
	],
	audit_log: [
		'action',
		'bundle',
		'date_added',
		'details',
		'id',
		'ip_address',
		'object',
		'object_id',
		'user_id',
		'user_name',
	],
	campaign_lead_event_log: [],
	campaign_leads: [],
	channel_url_trackables: [],
	companies_leads: [],
	dynamic_content_lead_data: [],
	dynamic_content_stats: [],
	email_stat_replies: [],
	email_stats: [
		'copy_id',
		'date_read',
		'date_sent',
		'email_address',
		'email_id',
		'id',
		'ip_id',
		'is_failed',
		'is_read',
		'lead_id',
		'list_id',
		'open_count',
		'retry_count',
		'source',
		'source_id',
		'tracking_hash',
		'viewed_in_browser',
	],
	email_stats_devices: [],
	focus_stats: [],
	form_submissions: [],
	ip_addresses: [],
	lead_categories: [],
	lead_companies_change_log: [],
	lead_devices: [],
	lead_donotcontact: [],
	lead_event_log: [],
	lead_frequencyrules: [],
	lead_lists_leads: [],
	lead_points_change_log: [
		'action_name',
		'date_added',
		'delta',
		'event_name',
		'group_id',
		'id',
		'ip_id',
		'lead_id',
		'type',
	],
	lead_stages_change_log: ['action_name', 'date_added', 'event_name', 'id', 'lead_id', 'stage_id'],
	lead_utmtags: [],
	page_hits: [
		'browser_languages',
		'city',
		'code',
		'country',
		'date_hit',
		'date_left',
		'email_id',
		'id',
		'ip_id',
		'isp',
		'lead_id',
		'organization',
		'page_id',
		'page_language',
		'query',
		'redirect_id',
		'referer',
		'region',
		'source',
		'source_id',
		'tracking_id',
		'url',
		'url_title',
		'user_agent',
	],
	page_redirects: [],
	point_lead_action_log: [],
	point_lead_event_log: [],
	push_notification_stats: [],
	sms_message_stats: [
		'date_sent',
		'id',
		'is_failed',
		'lead_id',
		'list_id',
		'sms_id',
		'source',
		'source_id',
		'tracking_hash',
	],
	stage_lead_action_log: [],
	tweet_stats: [],
	video_hits: [],
	webhook_logs: [],
};

/** MySQL DATETIME text. @param {Date} d */
const sqlDate = (d) => d.toISOString().slice(0, 19).replace('T', ' ');
/** @param {Record<string, unknown>} row @returns {Record<string, string|null>} */
const asStrings = (row) =>
	Object.fromEntries(
		Object.entries(row).map(([k, v]) => [k, v === null || v === undefined ? null : String(v)]),
	);

/** The rows of a table: built from the store where the fake keeps that data, else what tests put in. @param {import('../store').Store} store @param {string} table */
function tableRows(store, table) {
	if (table === 'lead_stages_change_log') {
		return store.stageLog.map((e) =>
			asStrings({
				id: e.id,
				lead_id: e.leadId,
				stage_id: e.stageId,
				event_name: e.eventName,
				action_name: e.actionName,
				date_added: sqlDate(e.dateAdded),
			}),
		);
	}
	if (table === 'sms_message_stats') {
		return store.smsStats.map((s) =>
			asStrings({
				id: s.id,
				sms_id: s.smsId,
				lead_id: s.leadId,
				list_id: null,
				ip_id: null,
				date_sent: sqlDate(s.dateSent),
				is_failed: s.isFailed ? 1 : 0,
				tracking_hash: null,
				source: 'api',
				source_id: null,
			}),
		);
	}
	if (table === 'lead_points_change_log' && !store.statsTables.has(table)) {
		return store.pointsLog.map((p) =>
			asStrings({
				id: p.id,
				lead_id: p.contactId,
				ip_id: null,
				type: p.type,
				event_name: p.eventName,
				action_name: p.actionName,
				delta: p.delta,
				date_added: sqlDate(p.dateAdded),
				group_id: p.groupId ?? null,
			}),
		);
	}
	return (store.statsTables.get(table) ?? []).map(asStrings);
}

/** A PHP array from the query (`where[0][col]=…` arrives as an array or an index-keyed object). @param {unknown} v @returns {any[]} */
const clauses = (v) => (Array.isArray(v) ? v : v && typeof v === 'object' ? Object.values(v) : []);

/**
 * StatsApiController runs the where through InputHelper::cleanArray (FILTER_SANITIZE_SPECIAL_CHARS):
 * `&"'<>` and control characters become `&#NN;`, so a value with one matches nothing stored.
 * @param {unknown} v @returns {any}
 */
const sanitized = (v) =>
	Array.isArray(v)
		? v.map(sanitized)
		: v && typeof v === 'object'
			? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, sanitized(x)]))
			: typeof v === 'string'
				? v.replace(/[&"'<>\x00-\x1f]/g, (c) => `&#${c.charCodeAt(0)};`)
				: v;

/** `str_getcsv(html_entity_decode($val), ',', '"')`, as CommonRepository reads in/notIn. @param {unknown} text */
function csvValues(text) {
	const s = String(text);
	/** @type {string[]} */
	const out = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < s.length; i++) {
		const c = s[i];
		if (quoted) {
			if (c === '"' && s[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"' && field === '') quoted = true;
		else if (c === ',') {
			out.push(field);
			field = '';
		} else field += c;
	}
	out.push(field);
	return out;
}

/** @param {string|null} value @param {any} clause */
function matches(value, clause) {
	const raw = clause.val ?? clause.value ?? '';
	// in/notIn decode the entities again (html_entity_decode) before splitting
	const val = clause.expr === 'in' || clause.expr === 'notIn' ? raw : sanitized(raw);
	const v = value ?? null;
	const num = (/** @type {unknown} */ x) =>
		x !== null && x !== '' && !Number.isNaN(Number(x)) ? Number(x) : x;
	const cmp = (/** @type {unknown} */ a, /** @type {unknown} */ b) => {
		const x = num(a);
		const y = num(b);
		return typeof x === 'number' && typeof y === 'number'
			? x - y
			: String(a) < String(b)
				? -1
				: String(a) > String(b)
					? 1
					: 0;
	};
	switch (clause.expr) {
		case 'eq':
			return v !== null && cmp(v, val) === 0;
		case 'neq':
			return v !== null && cmp(v, val) !== 0;
		case 'lt':
			return v !== null && cmp(v, val) < 0;
		case 'lte':
			return v !== null && cmp(v, val) <= 0;
		case 'gt':
			return v !== null && cmp(v, val) > 0;
		case 'gte':
			return v !== null && cmp(v, val) >= 0;
		case 'like':
			return v !== null && likeRegex(String(val)).test(v);
		case 'notLike':
			return v !== null && !likeRegex(String(val)).test(v);
		// str_getcsv(val): split on commas, spaces kept ("a, b" does not match "b")
		case 'in':
			return v !== null && csvValues(val).some((x) => cmp(v, x) === 0);
		case 'notIn':
			return v !== null && !csvValues(val).some((x) => cmp(v, x) === 0);
		case 'between':
		case 'notBetween': {
			const pair = clauses(val);
			if (pair.length !== 2) return true;
			const inside = v !== null && cmp(v, pair[0]) >= 0 && cmp(v, pair[1]) <= 0;
			return clause.expr === 'between' ? inside : v !== null && !inside;
		}
		case 'isNull':
			return v === null;
		case 'isNotNull':
			return v !== null;
		case 'isEmpty':
			return v === null || v === '';
		case 'isNotEmpty':
			return v !== null && v !== '';
		default:
			return true; // no such expression builder method: the clause is dropped
	}
}

/** @param {import('../router').Router} r */
module.exports = function reportRoutes(r) {
	r.get('/reports/{id}', (ctx) => {
		const report = ctx.store.reports.get(Number(ctx.params.id));
		if (!report) return controllerError(404, MESSAGES.notFound);
		const q = ctx.query;
		// `new DateTimeImmutable($value, UTC)`: a moment, its time kept (UTC unless it names a zone)
		const moment = (/** @type {unknown} */ v) => {
			const text = String(v).trim().replace(' ', 'T');
			const zoned = /^\d{4}-\d\d-\d\d$/.test(text) || /(Z|[+-]\d\d:?\d\d)$/i.test(text);
			return new Date(zoned ? text : `${text}Z`);
		};
		/** @type {Record<string, unknown>} */
		const answer = {};
		let rows = report.rows;
		// ReportGeneratorEvent::applyDateFilters: from 30 days ago and up to now unless given; rows
		// without a date always pass. ReportModel::getReportData's "end of day" for dateTo is lost
		// on 5.1 (setTime on a DateTimeImmutable): the moment given is the end; with a dateFrom, no
		// dateTo or one of today means now.
		const iso = (/** @type {Date} */ d) =>
			new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString().replace('.000Z', '+00:00');
		const now = new Date();
		const from =
			q.dateFrom !== undefined ? moment(q.dateFrom) : new Date(now.getTime() - 30 * 86_400_000);
		let to = q.dateTo !== undefined ? moment(q.dateTo) : now;
		if (
			q.dateFrom !== undefined &&
			to.toISOString().slice(0, 10) === now.toISOString().slice(0, 10)
		)
			to = now;
		if (report.dateColumn) {
			rows = rows.filter((/** @type {any} */ row) => {
				const value = row[report.dateColumn];
				if (value === null || value === undefined || value === '') return true;
				const t = new Date(`${String(value).replace(' ', 'T')}Z`).getTime();
				return t >= from.getTime() && t <= to.getTime();
			});
		}
		if (q.dateFrom !== undefined) answer.dateFrom = iso(from);
		if (q.dateFrom !== undefined || q.dateTo !== undefined) answer.dateTo = iso(to);
		const paginate = q.page !== undefined || q.limit !== undefined;
		const limit = paginate ? parseInt(String(q.limit ?? '10'), 10) || 0 : 0;
		const page = paginate ? Math.max(1, parseInt(String(q.page ?? '1'), 10) || 1) : 1;
		const data = limit > 0 ? rows.slice((page - 1) * limit, page * limit) : rows;
		const columns = Object.fromEntries(
			report.columns.map((/** @type {string} */ c) => [c.replace(/^\w+\./, ''), c]),
		);
		const { rows: _rows, dateColumn: _dateColumn, description, ...meta } = report;
		return ctx.ok({
			totalResults: rows.length,
			data,
			dataColumns: columns,
			limit,
			page,
			...answer,
			debug: [],
			aggregatorColumns: [],
			report: { isPublished: true, ...meta, ...(description === null ? {} : { description }) },
		});
	});

	standardEntity(r, {
		kind: 'report',
		path: '/reports',
		one: 'report',
		multi: 'reports',
		list: 'array',
		publish: false,
		searchFields: ['name', 'description'],
		defaultOrder: { col: 'id', dir: 'ASC' },
		map: (ctx) => ctx.store.reports,
		view: (_ctx, rep, o) => {
			const { rows: _rows, dateColumn: _dateColumn, ...meta } = rep;
			return { ...meta, id: o.deleted ? null : rep.id };
		},
		blank: (ctx) => ctx.store.createReport({ name: '' }),
		apply: () => ({
			error: { code: 400, message: 'Reports are read-only in the fake', details: {} },
		}),
	});

	/** @param {import('../router').RouteCtx} ctx */
	const stats = (ctx) => {
		const table = String(ctx.params.table ?? '')
			.trim()
			.toLowerCase();
		if (!(table in TABLES)) {
			return ctx.ok({
				availableTables: Object.keys(TABLES),
				tableColumns: Object.fromEntries(Object.entries(TABLES).filter(([, c]) => c.length)),
			});
		}
		const columns = /** @type {Record<string, string[]>} */ (TABLES)[table];
		const q = ctx.query;
		let rows = tableRows(ctx.store, table);
		for (const clause of clauses(q.where)) {
			if (!clause || !clause.expr || !(clause.col || clause.column)) {
				const missing = !clause || !clause.expr ? 'expr' : 'col';
				return ctx.ok({
					errors: [{ message: `"${missing}" is missing in the where clause array.`, code: 0 }],
				});
			}
			const col = String(clause.column ?? clause.col)
				.replace(/[^\w.]/g, '')
				.replace(/^\w+\./, '');
			if (!columns.includes(col)) {
				return ctx.ok({
					errors: [
						{
							message: `An exception occurred while executing a query: SQLSTATE[42S22]: Column not found: 1054 Unknown column '${col}' in 'WHERE'`,
							code: 1054,
						},
					],
				});
			}
			rows = rows.filter((row) => matches(row[col] ?? null, clause));
		}
		for (const o of clauses(q.order).reverse()) {
			const col = String(o?.col ?? '')
				.replace(/[^\w.]/g, '')
				.replace(/^\w+\./, '');
			if (!columns.includes(col)) {
				return ctx.ok({
					errors: [
						{
							message: `An exception occurred while executing a query: SQLSTATE[42S22]: Column not found: 1054 Unknown column '${col}' in 'order clause'`,
							code: 1054,
						},
					],
				});
			}
			const sign = /^desc$/i.test(String(o.dir ?? 'ASC')) ? -1 : 1;
			rows = [...rows].sort((a, b) => {
				const x = a[col];
				const y = b[col];
				const d =
					!Number.isNaN(Number(x)) && !Number.isNaN(Number(y))
						? Number(x) - Number(y)
						: String(x).localeCompare(String(y));
				return d * sign;
			});
		}
		const start = Math.max(0, parseInt(String(q.start ?? '0'), 10) || 0);
		const limit = parseInt(String(q.limit ?? '100'), 10) || 0;
		return ctx.ok({ total: String(rows.length), stats: rows.slice(start, start + limit) });
	};
	r.get('/stats', stats);
	r.get('/stats/{table}', stats);
};
