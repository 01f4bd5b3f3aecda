// @ts-check
'use strict';

/**
 * Emails (EmailApiController): standard entity `emails` at /emails, keyed by id (A/B variants
 * are not modelled), plus the two sends:
 *  - POST /emails/{id}/contact/{leadId}/send: a transactional send with tokens; no published
 *    check and no Do Not Contact check (ignoreDNC), `{"success": true}` or, when the mailer fails,
 *    `{"success": false, "failed": "<transport error>"}`; a contact without an email address makes
 *    a real 5.1 fail with a 500.
 *  - POST /emails/{id}/send: a published segment email to its segments' members who have an
 *    address, no email Do Not Contact, and have not received it yet (404 when unpublished).
 * A send adds an email stat, raises the email's sentCount, logs `email.sent` on the contact's
 * timeline and emits `mautic.email_on_send`; opening the tracking pixel (`GET /email/{hash}.gif`,
 * see trackEmailOpen) marks the stat read and emits `mautic.email_on_open`.
 */

const crypto = require('node:crypto');
const { standardEntity, boolish, violation } = require('./standard');
const { publishFields, contactView } = require('../contact-view');
const { controllerError, MESSAGES, ServerException } = require('../errors');
const { PhpArray } = require('../php-json');

/** @typedef {import('../store').Email} Email @typedef {import('../store').EmailStat} EmailStat @typedef {import('../router').RouteCtx} RouteCtx */

const LISTS_REQUIRED =
	'Either no list was selected or you do not have access to one of the lists that was selected.';

/** @param {import('../store').Store} store @param {number} id */
function segmentRef(store, id) {
	const s = store.segments.get(id);
	if (!s) return null;
	return {
		createdByUser: s.createdByUser,
		modifiedByUser: s.modifiedByUser,
		id: s.id,
		name: s.name,
		publicName: s.publicName,
		alias: s.alias,
		description: s.description,
		category: null,
	};
}

/** @param {import('../store').Store} store @param {Email} e @param {{ deleted?: boolean }} [o] */
function emailView(store, e, o = {}) {
	return {
		...publishFields(e),
		id: o.deleted ? null : e.id,
		name: e.name,
		subject: e.subject,
		language: e.language,
		category: null,
		fromAddress: e.fromAddress,
		fromName: e.fromName,
		replyToAddress: e.replyToAddress,
		bccAddress: null,
		useOwnerAsMailer: null,
		utmTags: { utmSource: null, utmMedium: null, utmCampaign: null, utmContent: null },
		customHtml: e.customHtml,
		plainText: e.plainText,
		template: e.template,
		emailType: e.emailType,
		publishUp: null,
		publishDown: null,
		publicPreview: false,
		readCount: e.readCount,
		sentCount: e.sentCount,
		revision: e.revision,
		assetAttachments: [],
		variantStartDate: null,
		variantSentCount: 0,
		variantReadCount: 0,
		variantParent: null,
		variantChildren: [],
		translationParent: null,
		translationChildren: [],
		unsubscribeForm: null,
		dynamicContent: [],
		lists: e.lists.map((id) => segmentRef(store, id)).filter(Boolean),
		headers: [],
	};
}

/** @param {unknown} v @returns {number[]} */
function idsOf(v) {
	const list = Array.isArray(v)
		? v
		: v && typeof v === 'object'
			? Object.values(v)
			: v === undefined || v === null || v === ''
				? []
				: [v];
	return list
		.map((x) => Number(x && typeof x === 'object' ? /** @type {any} */ (x).id : x))
		.filter((n) => Number.isInteger(n) && n > 0);
}

/** `{order_number}` replaced by its value; tokens without braces get them (as sendLeadAction does). @param {string|null} text @param {Record<string, string>} tokens */
function withTokens(text, tokens) {
	let out = text ?? '';
	for (const [k, v] of Object.entries(tokens)) out = out.split(k).join(v);
	return out;
}

/**
 * One delivered email: stat, counts, timeline, webhook event.
 * @param {RouteCtx} ctx @param {Email} e @param {import('../store').Contact} c @param {{ tokens: Record<string, string>, source: string, listId: number|null }} o
 */
function deliver(ctx, e, c, o) {
	const { store } = ctx;
	const t = store.now();
	const subject = withTokens(e.subject, o.tokens);
	/** @type {EmailStat} */
	const stat = {
		id: store.nextId('emailStat'),
		emailId: e.id,
		contactId: c.id,
		emailAddress: String(c.values.email),
		dateSent: t,
		source: o.source,
		listId: o.listId,
		trackingHash: crypto.randomBytes(12).toString('hex'),
		tokens: o.tokens,
		subject,
		isRead: false,
		dateRead: null,
	};
	store.emailStats.push(stat);
	e.sentCount++;
	store.addTimeline(c.id, 'email.sent', e.name, t, {
		stat: {
			email_id: String(e.id),
			id: String(stat.id),
			dateSent: t,
			subject,
			email_name: e.name,
			source: o.source,
		},
	});
	ctx.emit('mautic.email_on_send', {
		email: emailView(store, e),
		contact: contactView(store, c, { mode: 'webhook' }),
		contentHash: crypto
			.createHash('md5')
			.update(String(e.customHtml ?? ''))
			.digest('hex'),
		idHash: stat.trackingHash,
		subject,
		source: [o.source, o.listId ?? 0],
		headers: [],
	});
	return stat;
}

/** @param {import('../store').Contact} c */
const hasEmailDnc = (c) => c.doNotContact.some((d) => d.channel === 'email');

/** @param {import('../router').Router} r */
module.exports = function emailRoutes(r) {
	standardEntity(r, {
		kind: 'email',
		path: '/emails',
		one: 'email',
		multi: 'emails',
		list: 'keyed',
		publish: true,
		searchFields: ['name', 'subject'],
		defaultOrder: { col: 'dateAdded', dir: 'DESC' },
		map: (ctx) => ctx.store.emails,
		view: (ctx, e, o) => emailView(ctx.store, e, o),
		blank: () => ({
			isPublished: true,
			dateAdded: null,
			dateModified: null,
			createdBy: null,
			createdByUser: null,
			modifiedBy: null,
			modifiedByUser: null,
			id: 0,
			name: '',
			subject: '',
			language: 'en',
			category: null,
			fromAddress: null,
			fromName: null,
			replyToAddress: null,
			customHtml: null,
			plainText: null,
			template: null,
			emailType: 'template',
			lists: [],
			readCount: 0,
			sentCount: 0,
			revision: 1,
		}),
		apply: (ctx, base, p, method) => {
			const put = method === 'PUT';
			const e = { ...base };
			/** @param {string} k */
			const has = (k) => k in p || put;
			if (has('name'))
				e.name = p.name === undefined || p.name === null ? '' : String(p.name).trim();
			if (!e.name) return violation('name', 'A name is required.');
			if (has('subject'))
				e.subject = p.subject === undefined || p.subject === null ? '' : String(p.subject);
			for (const k of [
				'fromAddress',
				'fromName',
				'replyToAddress',
				'customHtml',
				'plainText',
				'template',
			]) {
				if (has(k))
					/** @type {any} */ (e)[k] = p[k] === undefined || p[k] === '' ? null : String(p[k]);
			}
			// a real 5.1 fails a PUT without language (Column 'lang' cannot be null)
			if (put && !p.language) throw new ServerException(500);
			if (has('language')) e.language = p.language ? String(p.language) : 'en';
			if (has('emailType')) e.emailType = p.emailType === 'list' ? 'list' : 'template';
			if (has('isPublished')) e.isPublished = 'isPublished' in p ? boolish(p.isPublished) : true;
			if (has('lists')) e.lists = idsOf(p.lists).filter((id) => ctx.store.segments.has(id));
			if (e.emailType === 'list' && e.lists.length === 0) return violation('lists', LISTS_REQUIRED);
			if (!base.id || method !== 'POST') e.revision = base.id ? base.revision + 1 : 1;
			return { entity: e };
		},
	});

	r.post('/emails/{id}/contact/{leadId}/send', (ctx) => {
		const { store } = ctx;
		const e = store.emails.get(Number(ctx.params.id));
		if (!e) return controllerError(404, MESSAGES.notFound);
		const c = store.contacts.get(Number(ctx.params.leadId));
		if (!c) return controllerError(404, MESSAGES.contactNotFound);
		// a real 5.1 fails with an uncaught exception for a contact without an address
		if (!c.values.email) throw new ServerException(500);
		if (store.mailerError) return ctx.ok({ success: false, failed: store.mailerError });
		const body = ctx.body && typeof ctx.body === 'object' ? ctx.body : {};
		/** @type {Record<string, string>} */
		const tokens = {};
		if (body.tokens && typeof body.tokens === 'object') {
			for (const [k, v] of Object.entries(body.tokens)) {
				tokens[/^{.*?}$/.test(k) ? k : `{${k}}`] = String(v ?? '');
			}
		}
		deliver(ctx, e, c, { tokens, source: 'api', listId: null });
		return ctx.ok({ success: true });
	});

	r.post('/emails/{id}/send', (ctx) => {
		const { store } = ctx;
		const e = store.emails.get(Number(ctx.params.id));
		if (!e || !e.isPublished) return controllerError(404, MESSAGES.notFound);
		const body = ctx.body && typeof ctx.body === 'object' ? ctx.body : {};
		// EmailModel::sendEmailToLists sends nothing for a template email (its "safety check").
		if (e.emailType !== 'list') return ctx.ok({ success: 1, sentCount: 0, failedRecipients: 0 });
		// EmailApiController::sendAction hands the `lists` IDs to EmailModel::sendEmailToLists,
		// which calls ->getId() on each: any non-empty list is an uncaught error (5.1, and since 2.x).
		if (Array.isArray(body.lists) ? body.lists.length > 0 : isObjectWithKeys(body.lists))
			throw new ServerException(500);
		const lists = e.lists;
		// `limit` as the model reads it: null means all, 0 or less sends nothing.
		const limit =
			body.limit === undefined || body.limit === null ? Infinity : Number(body.limit) || 0;
		let sentCount = 0;
		let failed = 0;
		/** @type {Set<number>} */
		const done = new Set(
			store.emailStats.filter((s) => s.emailId === e.id).map((s) => s.contactId),
		);
		for (const listId of lists) {
			for (const [contactId, m] of store.segmentMembers.get(listId) ?? new Map()) {
				if (sentCount + failed >= limit) break;
				if (m.manuallyRemoved || done.has(contactId)) continue;
				const c = store.contacts.get(contactId);
				if (!c || !c.values.email || hasEmailDnc(c)) continue;
				done.add(contactId);
				if (store.mailerError) {
					failed++;
					continue;
				}
				deliver(ctx, e, c, { tokens: {}, source: 'email', listId });
				sentCount++;
			}
		}
		return ctx.ok({ success: 1, sentCount, failedRecipients: failed });
	});
};

/**
 * The tracking pixel (`GET /email/{hash}.gif`, public): marks the stat read, counts the read and
 * emits `mautic.email_on_open`. Returns false for an unknown hash.
 * @param {{ store: import('../store').Store, emit: (type: string, payload: any) => void }} ctx
 * @param {string} hash
 */
function trackEmailOpen(ctx, hash) {
	const { store } = ctx;
	const stat = store.emailStats.find((s) => s.trackingHash === hash);
	if (!stat) return false;
	const e = store.emails.get(stat.emailId);
	const c = store.contacts.get(stat.contactId);
	const t = store.now();
	if (!stat.isRead) {
		stat.isRead = true;
		stat.dateRead = t;
		if (e) e.readCount++;
		store.addTimeline(stat.contactId, 'email.read', e ? e.name : 'email', t, {
			stat: { email_id: String(stat.emailId), id: String(stat.id), dateRead: t },
		});
	}
	ctx.emit('mautic.email_on_open', {
		stat: {
			id: stat.id,
			emailAddress: stat.emailAddress,
			ipAddress: null,
			dateSent: stat.dateSent,
			isRead: true,
			isFailed: false,
			viewedInBrowser: false,
			dateRead: stat.dateRead,
			trackingHash: stat.trackingHash,
			retryCount: 0,
			source: stat.source,
			openCount: 1,
			lastOpened: t,
			openDetails: new PhpArray(),
			email: e ? emailView(store, e) : null,
			lead: c ? contactView(store, c, { mode: 'webhook' }) : null,
		},
	});
	return true;
}

module.exports.trackEmailOpen = trackEmailOpen;
module.exports.emailView = emailView;

/** @param {unknown} v */
function isObjectWithKeys(v) {
	return !!v && typeof v === 'object' && Object.keys(v).length > 0;
}
