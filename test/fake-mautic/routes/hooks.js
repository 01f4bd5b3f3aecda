// @ts-check
'use strict';

/**
 * Webhooks API (WebhookApiController): standard entity `hooks`, keyed by id; PATCH adds
 * triggers, PUT replaces them; a secret is generated when none is given.
 */

const { standardEntity, boolish } = require('./standard');
const { publishFields } = require('../contact-view');
const { validationError } = require('../errors');

/** The 14 built-in 5.x events with their en_US labels and descriptions (as a stock 5.1 answers: the contact and company ones translated, the others raw keys). */
const TRIGGERS = {
	'mautic.company_post_save': 'Company Create/Update Event',
	'mautic.company_post_delete': 'Company Deleted Event',
	'mautic.lead_channel_subscription_changed': 'Contact Channel Subscription Change Event',
	'mautic.lead_company_change': 'Contact Company Subscription Change Event',
	'mautic.lead_post_delete': 'Contact Deleted Event',
	'mautic.lead_post_save_new': 'Contact Identified Event',
	'mautic.lead_points_change': 'Contact Points Changed Event',
	'mautic.lead_list_change': 'Contact Segment Membership Change Event',
	'mautic.lead_post_save_update': 'Contact Updated Event',
	'mautic.email_on_open': 'Email Open Event',
	'mautic.email_on_send': 'Email Send Event',
	'mautic.form_on_submit': 'Form Submit Event',
	'mautic.page_on_hit': 'Page Hit Event',
	'mautic.sms_on_send': 'Text Send Event',
};

const DESCRIPTIONS = {
	'mautic.company_post_save': 'Triggered when a company is created/updated',
	'mautic.company_post_delete': 'Triggered when a company is deleted',
	'mautic.lead_channel_subscription_changed':
		"Triggered when a contact's channel subscription status changes.",
	'mautic.lead_company_change': 'Triggered when a commpany is added or removed to/from contact',
	'mautic.lead_post_delete': 'Triggered when a contact is deleted.',
	'mautic.lead_post_save_new': 'Triggered when a contact is identified.',
	'mautic.lead_points_change': "Triggered when a contact's points are modified.",
	'mautic.lead_list_change': 'Triggered when a contact segment membership is changed',
	'mautic.lead_post_save_update': 'Triggered when a contact is updated.',
	'mautic.email_on_open': 'mautic.email.webhook.event.open_desc',
	'mautic.email_on_send': 'mautic.email.webhook.event.send_desc',
	'mautic.form_on_submit': 'mautic.form.webhook.event.form.submit_desc',
	'mautic.page_on_hit': 'mautic.page.webhook.event.hit_desc',
	'mautic.sms_on_send': 'mautic.sms.webhook.event.send_desc',
};

/** @param {string} url */
function validUrl(url) {
	try {
		const u = new URL(url);
		return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
	} catch {
		return false;
	}
}

/** @param {unknown} t @returns {string[]} */
function triggerList(t) {
	if (Array.isArray(t)) return t.map(String);
	if (t && typeof t === 'object') return Object.values(t).map(String);
	if (typeof t === 'string' && t) return t.split(',').map((s) => s.trim());
	return [];
}

/** @param {import('../router').Router} r */
module.exports = function hookRoutes(r) {
	r.get('/hooks/triggers', (ctx) => {
		/** @type {Record<string, {label: string, description: string}>} */
		const triggers = {};
		const keys = Object.keys(TRIGGERS).sort((a, b) =>
			/** @type {Record<string,string>} */ (TRIGGERS)[a].localeCompare(
				/** @type {Record<string,string>} */ (TRIGGERS)[b],
				'en',
				{ numeric: true },
			),
		);
		for (const k of keys) {
			triggers[k] = {
				label: /** @type {Record<string,string>} */ (TRIGGERS)[k],
				description: /** @type {Record<string,string>} */ (DESCRIPTIONS)[k],
			};
		}
		return ctx.ok({ triggers });
	});

	standardEntity(r, {
		kind: 'hook',
		path: '/hooks',
		one: 'hook',
		multi: 'hooks',
		list: 'keyed',
		publish: true,
		searchFields: ['name', 'description', 'webhookUrl'],
		defaultOrder: { col: 'name', dir: 'ASC' },
		map: (ctx) => ctx.store.hooks,
		view: (_ctx, h, o) => ({
			...publishFields(h),
			id: o.deleted ? null : h.id,
			name: h.name,
			description: h.description,
			webhookUrl: h.webhookUrl,
			secret: h.secret,
			eventsOrderbyDir: h.eventsOrderbyDir,
			category: null,
			triggers: [...h.triggers],
		}),
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
			description: null,
			webhookUrl: '',
			secret: '',
			eventsOrderbyDir: null,
			triggers: [],
		}),
		apply: (ctx, base, p, method) => {
			const put = method === 'PUT';
			const h = { ...base, triggers: [...base.triggers] };
			if ('name' in p || put)
				h.name = p.name === undefined || p.name === null ? '' : String(p.name).trim();
			if ('webhookUrl' in p || put)
				h.webhookUrl =
					p.webhookUrl === undefined || p.webhookUrl === null ? '' : String(p.webhookUrl).trim();
			if ('description' in p || put) h.description = p.description ?? null;
			if ('secret' in p || put) h.secret = p.secret ? String(p.secret) : '';
			if ('eventsOrderbyDir' in p || put)
				h.eventsOrderbyDir =
					p.eventsOrderbyDir === '' || p.eventsOrderbyDir === undefined ? null : p.eventsOrderbyDir;
			if ('isPublished' in p || put)
				h.isPublished = 'isPublished' in p ? boolish(p.isPublished) : true;
			/** @type {{field: string, message: string}[]} */
			const v = [];
			if (!h.name) v.push({ field: 'name', message: 'A name is required.' });
			if (!h.webhookUrl || !validUrl(h.webhookUrl))
				v.push({ field: 'webhookUrl', message: 'A valid URL is required.' });
			if (
				h.eventsOrderbyDir !== null &&
				h.eventsOrderbyDir !== 'ASC' &&
				h.eventsOrderbyDir !== 'DESC'
			) {
				v.push({
					field: 'eventsOrderbyDir',
					message: 'The value you selected is not a valid choice.',
				});
			}
			if (v.length) return { error: validationError(v) };
			if ('triggers' in p || put) {
				const wanted = triggerList(p.triggers);
				// PATCH only adds events; PUT (and new hooks) take exactly the given list
				h.triggers =
					method === 'PATCH' ? [...new Set([...h.triggers, ...wanted])] : [...new Set(wanted)];
			}
			if (!h.secret) h.secret = ctx.store.generateSecret();
			return { entity: h };
		},
		onDelete: (ctx, h) => {
			ctx.store.webhookQueue = ctx.store.webhookQueue.filter((q) => q.hookId !== h.id);
		},
	});
};

module.exports.TRIGGERS = TRIGGERS;
