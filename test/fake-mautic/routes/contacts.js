// @ts-check
'use strict';

/**
 * Contacts (LeadApiController): list keyed by id with a string total and `{}` when empty,
 * upsert on email for POST /new, PUT creates under a new id, batch endpoints keyed by request index.
 */

const { PhpArray, preEncode, formatSql } = require('../php-json');
const { controllerError, MESSAGES } = require('../errors');
const { contactView } = require('../contact-view');
const { applyContactInput, saveContact, setDnc } = require('../contact-save');
const { queryContacts } = require('../contact-query');
const { phpInt, parseDate } = require('../contact-values');
const { batchItems, batchIds } = require('./standard');
const { activity } = require('./activity');
const { userCanUse } = require('./segments');

/** @typedef {import('../store').Contact} Contact */
/** @typedef {import('../store').Store} Store */

const DNC_STATUS = ['contactable', 'unsubscribed', 'bounced', 'manual'];

/** LeadModel::checkForDuplicateContact: unique identifier fields (email), OR-combined. @param {Store} store @param {any} params */
function findDuplicate(store, params) {
	if (!params || typeof params !== 'object') return undefined;
	for (const f of store.leadLayout().unique) {
		const v = params[f.alias];
		if (v === undefined || v === null || v === '' || typeof v === 'object') continue;
		const c = store.findContactsByValue(f.alias, String(v).trim().toLowerCase());
		if (c) return c;
	}
	return undefined;
}

/** @param {import('../router').RouteCtx} ctx @param {Contact} c @param {'list'|'single'} values */
const details = (ctx, c, values = 'single', fresh = false) =>
	contactView(ctx.store, c, { mode: 'details', values, fresh });

/**
 * Runs the contact form for one set of params; returns the error (batch item shape) or the saved contact.
 * @param {import('../router').RouteCtx} ctx
 * @param {Contact} c
 * @param {any} params
 * @param {'POST'|'PATCH'|'PUT'} method
 */
function runForm(ctx, c, params, method) {
	const r = applyContactInput(ctx.store, c, params, method);
	if ('error' in r) return { error: r.error };
	saveContact(ctx, c, r.changes);
	return { contact: c };
}

/**
 * Removes a contact and emits mautic.lead_post_delete ({id, contact with id null}).
 * @param {import('../router').RouteCtx} ctx
 * @param {Contact} c
 */
function deleteContact(ctx, c) {
	const { store } = ctx;
	const deletedView = contactView(store, c, { mode: 'webhook', deleted: true });
	store.contacts.delete(c.id);
	for (const members of store.segmentMembers.values()) members.delete(c.id);
	store.groupScores.delete(c.id);
	ctx.emit('mautic.lead_post_delete', { id: c.id, contact: deletedView });
}

/** @param {import('../router').Router} r */
module.exports = function contactRoutes(r) {
	r.get('/contacts', (ctx) => {
		const { total, results } = queryContacts(ctx.store, ctx.query, ctx.user?.id);
		const minimal = ctx.query.minimal && ctx.query.minimal !== '0';
		// LeadRepository returns an id-keyed array; an empty result becomes an ArrayObject => {}
		const contacts = new Map();
		// each contact is encoded right away (controller replies are encoded without JSON_HEX_*)
		for (const c of results)
			contacts.set(
				c.id,
				preEncode(
					contactView(ctx.store, c, { mode: minimal ? 'minimal' : 'details', values: 'list' }),
				),
			);
		return ctx.ok({ total: String(total), contacts });
	});

	r.get('/contacts/activity', (ctx) => activity(ctx, null));

	r.get('/contacts/list/fields', (ctx) => {
		// the 'object' => 'lead' filter is ignored by the repository, so company fields are listed too
		const out = new PhpArray();
		const fields = [...ctx.store.fields.values()]
			.filter((f) => f.isPublished)
			.sort((a, b) => a.order - b.order || a.id - b.id);
		for (const f of fields)
			out.set(f.id, {
				id: f.id,
				label: f.label,
				alias: f.alias,
				type: f.type,
				group: f.group,
				order: f.order,
				object: f.object,
			});
		return ctx.ok(out);
	});

	r.get('/contacts/list/segments', (ctx) => {
		const out = new PhpArray();
		const segs = [...ctx.store.segments.values()]
			.filter((s) => userCanUse(ctx, s))
			.sort((a, b) => a.name.localeCompare(b.name));
		for (const s of segs) out.set(s.id, { id: s.id, name: s.name, alias: s.alias });
		return ctx.ok(out);
	});

	r.post('/contacts/new', (ctx) => {
		const existing = findDuplicate(ctx.store, ctx.body);
		const c = existing || ctx.store.blankContact();
		const res = runForm(ctx, c, ctx.body, 'POST');
		if (res.error) return controllerError(res.error.code, res.error.message, res.error.details);
		if (existing) return ctx.ok({ contact: details(ctx, c) }, 200);
		return ctx.ok({ contact: details(ctx, c, 'single', true) }, 201, {
			Location: `/api/contacts/${c.id}`,
		});
	});

	r.post('/contacts/batch/new', (ctx) => {
		const items = batchItems(ctx.body);
		if (items.length > ctx.config.batchLimit)
			return controllerError(500, MESSAGES.batchLimit(ctx.config.batchLimit));
		const contacts = new PhpArray();
		const statusCodes = new PhpArray();
		const errors = new PhpArray();
		for (const [key, params] of items) {
			const existing = findDuplicate(ctx.store, params);
			const c = existing || ctx.store.blankContact();
			// a POST for new and matched contacts alike, as the request is (real 5.1)
			const res = runForm(ctx, c, params, 'POST');
			if (res.error) {
				errors.set(key, {
					code: res.error.code,
					message: res.error.message,
					details: res.error.details,
					type: null,
				});
				statusCodes.set(key, res.error.code);
				continue;
			}
			contacts.set(key, preEncode(details(ctx, c, 'single', !existing)));
			statusCodes.set(key, existing ? 200 : 201);
		}
		/** @type {Record<string, any>} */
		const payload = { contacts, statusCodes };
		if (errors.size) payload.errors = errors;
		return ctx.ok(payload, 201);
	});

	r.add(['PUT', 'PATCH'], '/contacts/batch/edit', (ctx) => {
		const items = batchItems(ctx.body);
		if (items.length > ctx.config.batchLimit)
			return controllerError(500, MESSAGES.batchLimit(ctx.config.batchLimit));
		const method = ctx.method;
		/** @type {PhpArray} key -> { c, saved } */
		const entities = new PhpArray();
		const statusCodes = new PhpArray();
		const errors = new PhpArray();
		// getBatchEntities: the existing contacts first, keyed by request index
		for (const [key, params] of items) {
			const c =
				params && typeof params === 'object' && params.id !== undefined
					? ctx.store.contacts.get(phpInt(params.id))
					: undefined;
			if (c) entities.set(key, { c, saved: false });
		}
		for (const [key, params] of items) {
			const found = entities.get(key);
			if (!found && method === 'PATCH') {
				errors.set(key, { message: MESSAGES.notFound, code: 404, type: 'api' });
				statusCodes.set(key, 404);
				continue;
			}
			const c = found ? found.c : ctx.store.blankContact();
			const res = runForm(ctx, c, params, /** @type {'PUT'|'PATCH'} */ (method));
			if (res.error) {
				// the entity stays in the payload (never serialized through preSerializeEntity: no fields.all)
				errors.set(key, {
					code: res.error.code,
					message: res.error.message,
					details: res.error.details,
					type: null,
				});
				statusCodes.set(key, res.error.code);
				continue;
			}
			entities.set(key, { c, saved: true });
			statusCodes.set(key, found ? 200 : 201);
		}
		const contacts = new PhpArray();
		for (const [k, { c, saved }] of entities) {
			contacts.set(
				k,
				preEncode(
					saved
						? details(ctx, c)
						: contactView(ctx.store, c, { mode: 'details', values: 'list', noAll: true }),
				),
			);
		}
		/** @type {Record<string, any>} */
		const payload = { contacts, statusCodes };
		if (errors.size) payload.errors = errors;
		return ctx.ok(payload);
	});

	r.delete('/contacts/batch/delete', (ctx) => {
		if (Object.keys(ctx.query).length > ctx.config.batchLimit)
			return controllerError(500, MESSAGES.batchLimit(ctx.config.batchLimit));
		const ids = batchIds(ctx.query.ids);
		const found = new PhpArray();
		ids.forEach((id, i) => {
			const c = ctx.store.contacts.get(phpInt(id));
			if (c) found.set(i, c);
		});
		// serialized before deletion, so ids are still present
		const contacts = new PhpArray();
		for (const [k, c] of found) contacts.set(k, preEncode(details(ctx, c, 'list')));
		for (const c of found.values()) deleteContact(ctx, c);
		return ctx.ok({ contacts });
	});

	r.get('/contacts/{id}', (ctx) => {
		const c = ctx.store.contacts.get(Number(ctx.params.id));
		if (!c) return controllerError(404, MESSAGES.notFound);
		return ctx.ok({ contact: details(ctx, c) });
	});

	r.add(['PUT', 'PATCH'], '/contacts/{id}/edit', (ctx) => {
		const existing = ctx.store.contacts.get(Number(ctx.params.id));
		if (!existing && ctx.method === 'PATCH') return controllerError(404, MESSAGES.notFound);
		// PUT on a missing id creates a contact under a new id
		const c = existing || ctx.store.blankContact();
		const res = runForm(ctx, c, ctx.body, /** @type {'PUT'|'PATCH'} */ (ctx.method));
		if (res.error) return controllerError(res.error.code, res.error.message, res.error.details);
		if (existing) return ctx.ok({ contact: details(ctx, c) });
		return ctx.ok({ contact: details(ctx, c) }, 201, { Location: `/api/contacts/${c.id}` });
	});

	r.delete('/contacts/{id}/delete', (ctx) => {
		const c = ctx.store.contacts.get(Number(ctx.params.id));
		if (!c) return controllerError(404, MESSAGES.notFound);
		const body = { contact: contactView(ctx.store, c, { mode: 'details', deleted: true }) };
		deleteContact(ctx, c);
		return ctx.ok(body);
	});

	// ---- do not contact ------------------------------------------------------

	r.post('/contacts/{id}/dnc/{channel}/add', (ctx) => {
		const { store } = ctx;
		const c = store.contacts.get(Number(ctx.params.id));
		if (!c) return controllerError(404, MESSAGES.notFound);
		const b = ctx.body && typeof ctx.body === 'object' ? ctx.body : {};
		const reason = b.reason === undefined ? 3 : phpInt(b.reason);
		if (reason === 0)
			return controllerError(400, 'Invalid reason code given', [
				'Reason code needs to be an integer and higher than 0.',
			]);
		const channel = ctx.params.channel;
		const before = c.doNotContact.find((d) => d.channel === channel)?.reason ?? 0;
		const channelId = phpInt(b.channelId) || null;
		if (setDnc(store, c, channel, reason, b.comments ? String(b.comments) : '', channelId)) {
			store.addTimeline(c.id, 'lead.donotcontact', channel, store.now(), {
				dnc: { channel, reason },
			});
			ctx.emit('mautic.lead_channel_subscription_changed', {
				contact: contactView(store, c, { mode: 'webhook' }),
				channel,
				old_status: DNC_STATUS[before] ?? 'manual',
				new_status: DNC_STATUS[reason] ?? 'manual',
			});
		}
		return ctx.ok({ contact: contactView(store, c, { mode: 'plain' }) });
	});

	r.post('/contacts/{id}/dnc/{channel}/remove', (ctx) => {
		const { store } = ctx;
		const c = store.contacts.get(Number(ctx.params.id));
		if (!c) return controllerError(404, MESSAGES.notFound);
		const channel = ctx.params.channel;
		const before = c.doNotContact.find((d) => d.channel === channel)?.reason ?? 0;
		const recordFound = setDnc(store, c, channel, 0);
		if (recordFound) {
			// the timeline reads the DNC table: a removed entry leaves no event (real 5.1)
			store.timeline = store.timeline.filter(
				(e) =>
					!(
						e.contactId === c.id &&
						e.event === 'lead.donotcontact' &&
						e.details?.dnc?.channel === channel
					),
			);
			ctx.emit('mautic.lead_channel_subscription_changed', {
				contact: contactView(store, c, { mode: 'webhook' }),
				channel,
				old_status: DNC_STATUS[before] ?? 'manual',
				new_status: 'contactable',
			});
		}
		return ctx.ok({ recordFound, contact: contactView(store, c, { mode: 'plain' }) });
	});

	// ---- UTM tags --------------------------------------------------------------

	r.post('/contacts/{id}/utm/add', (ctx) => {
		const { store } = ctx;
		const c = store.contacts.get(Number(ctx.params.id));
		if (!c) return controllerError(404, MESSAGES.notFound);
		const b = ctx.body && typeof ctx.body === 'object' && !Array.isArray(ctx.body) ? ctx.body : {};
		if (!Object.keys(b).length) return controllerError(400, MESSAGES.badRequest);
		/** @param {string} k */
		const s = (k) => (b[k] === undefined || b[k] === null || b[k] === '' ? null : String(b[k]));
		let query = b.query;
		if (typeof query === 'string') query = Object.fromEntries(new URLSearchParams(query));
		const t = parseDate(b.lastActive) || store.now();
		c.utmtags.push({
			id: store.nextId('utm'),
			dateAdded: t,
			query: query && typeof query === 'object' ? query : {},
			referer: s('referer'),
			remoteHost: s('remotehost'),
			url: s('url'),
			userAgent: s('useragent') ?? s('Useragent') ?? s('UserAgent'),
			utmCampaign: s('utm_campaign'),
			utmContent: s('utm_content'),
			utmMedium: s('utm_medium'),
			utmSource: s('utm_source'),
			utmTerm: s('utm_term'),
		});
		if (b.lastActive) c.lastActive = t;
		store.addTimeline(c.id, 'lead.utmtagsadded', s('utm_campaign') ?? 'UTM tags', t, {
			utmtags: {
				id: c.utmtags[c.utmtags.length - 1].id,
				utmCampaign: s('utm_campaign'),
				utmSource: s('utm_source'),
			},
		});
		return ctx.ok({ contact: contactView(store, c, { mode: 'plain' }) });
	});

	r.post('/contacts/{id}/utm/{utmid}/remove', (ctx) => {
		const { store } = ctx;
		const c = store.contacts.get(Number(ctx.params.id));
		if (!c) return controllerError(404, MESSAGES.notFound);
		const uid = Number(ctx.params.utmid);
		if (!c.utmtags.some((u) => u.id === uid)) return controllerError(400, MESSAGES.badRequest);
		c.utmtags = c.utmtags.filter((u) => u.id !== uid);
		// the timeline reads the UTM table: a removed entry leaves no event (real 5.1)
		store.timeline = store.timeline.filter(
			(e) => !(e.event === 'lead.utmtagsadded' && e.details?.utmtags?.id === uid),
		);
		return ctx.ok({ recordFound: true, contact: contactView(store, c, { mode: 'plain' }) });
	});

	// ---- related lists ------------------------------------------------------------

	/** @param {string} path @param {(ctx: any, c: Contact) => any} build */
	const sub = (path, build) =>
		r.get(`/contacts/{id}/${path}`, (ctx) => {
			const c = ctx.store.contacts.get(Number(ctx.params.id));
			if (!c) return controllerError(404, MESSAGES.notFound);
			return build(ctx, c);
		});

	sub('notes', (ctx, c) => require('./notes').contactNotes(ctx, c));
	sub('devices', (ctx) => ctx.ok({ total: 0, devices: [] }));
	// CampaignModel::getLeadCampaigns(forList): the published campaigns the contact is in (not
	// removed by hand), keyed by id, with the membership row merged in (real 5.1)
	sub('campaigns', (ctx, c) => {
		const { store } = ctx;
		const at = store.now();
		const campaigns = new PhpArray();
		for (const campaign of [...store.campaigns.values()].sort((a, b) => a.id - b.id)) {
			const member = store.campaignMembers.get(campaign.id)?.get(c.id);
			if (!member || member.manuallyRemoved || !campaign.isPublished) continue;
			if (campaign.publishUp && campaign.publishUp > at) continue;
			if (campaign.publishDown && campaign.publishDown <= at) continue;
			campaigns.set(String(campaign.id), {
				id: campaign.id,
				name: campaign.name,
				...(campaign.lists.length ? { listMembership: [...campaign.lists] } : {}),
				dateAdded: member.dateAdded,
				manuallyRemoved: false,
				manuallyAdded: member.manuallyAdded,
			});
		}
		return ctx.ok({ total: campaigns.size, campaigns });
	});
	sub('companies', (ctx, c) => {
		// raw DBAL rows of companies_leads joined with companies (all strings, nulls dropped by
		// the serializer), in company order
		const rows = ctx.store.companiesOfContact(c.id).map((/** @type {any} */ l) => {
			const co = /** @type {import('../store').Company} */ (ctx.store.companies.get(l.companyId));
			return {
				company_id: String(l.companyId),
				date_associated: formatSql(l.dateAdded),
				is_primary: l.isPrimary ? '1' : '0',
				id: String(co.id),
				is_published: '1',
				date_added: formatSql(co.dateAdded),
				social_cache: 'a:0:{}',
				score: String(co.score),
				...Object.fromEntries(
					Object.entries(co.values)
						.filter(([, v]) => v !== null && v !== undefined)
						.map(([k, v]) => [k, String(v)]),
				),
			};
		});
		return ctx.ok({ total: rows.length, companies: rows });
	});
	sub('activity', (ctx, c) => activity(ctx, c));
	sub('segments', (ctx, c) => {
		const lists = new PhpArray();
		for (const [sid, members] of ctx.store.segmentMembers) {
			const seg = ctx.store.segments.get(sid);
			const m = members.get(c.id);
			if (!seg || !m) continue;
			lists.set(seg.id, {
				id: seg.id,
				name: seg.name,
				alias: seg.alias,
				dateAdded: m.dateAdded,
				manuallyRemoved: m.manuallyRemoved,
				manuallyAdded: m.manuallyAdded,
			});
		}
		return ctx.ok({ total: lists.size, lists });
	});
};

module.exports.findDuplicate = findDuplicate;
