// @ts-check
'use strict';

/**
 * Text messages (SmsApiController): standard entity `smses` at /smses (keyed by id, like a real
 * 5.1), and `GET /smses/{id}/contact/{contactId}/send` (GET only: the route names no method, so
 * Mautic registers it for GET). The send follows SmsModel::sendSms: transport check first, then
 * the message (404), the contact (403, as checkLeadAccess answers), unpublished, DNC, no number.
 */

const { standardEntity, boolish, violation } = require('./standard');
const { publishFields } = require('../contact-view');
const { controllerError, MESSAGES } = require('../errors');

const STATUS = {
	delivered: 'Delivered',
	unpublished: 'The specified SMS was unpublished.',
	notContactable: 'Contact is not contactable on the SMS channel.',
	missingNumber: 'Missing phone number for contact.',
};
const KEYS = {
	delivered: 'mautic.sms.timeline.status.delivered',
	unpublished: 'mautic.sms.campaign.failed.unpublished',
	notContactable: 'mautic.sms.campaign.failed.not_contactable',
	missingNumber: 'mautic.sms.campaign.failed.missing_number',
};

/** @param {string} content @param {Record<string, any>} values */
function replaceTokens(content, values) {
	return content.replace(/\{contactfield=(\w+)\}/g, (_m, alias) => String(values[alias] ?? ''));
}

/** @param {import('../router').Router} r */
module.exports = function smsRoutes(r) {
	standardEntity(r, {
		kind: 'sms',
		path: '/smses',
		one: 'sms',
		multi: 'smses',
		list: 'keyed',
		publish: true,
		searchFields: ['name', 'message'],
		defaultOrder: { col: 'id', dir: 'ASC' },
		map: (ctx) => ctx.store.smses,
		view: (_ctx, m, o) => ({
			...publishFields(m),
			id: o.deleted ? null : m.id,
			name: m.name,
			message: m.message,
			language: m.language,
			category: null,
			publishUp: m.publishUp,
			publishDown: m.publishDown,
			sentCount: m.sentCount,
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
			message: '',
			language: 'en',
			category: null,
			publishUp: null,
			publishDown: null,
			sentCount: 0,
		}),
		apply: (_ctx, base, p, method) => {
			const put = method === 'PUT';
			const m = { ...base };
			if ('name' in p || put)
				m.name = p.name === undefined || p.name === null ? '' : String(p.name);
			if (!String(m.name).trim()) return violation('name', 'A name is required.');
			if ('message' in p || put)
				m.message = p.message === undefined || p.message === null ? '' : String(p.message);
			if (!String(m.message).trim()) return violation('message', 'A message is required.');
			if ('description' in p || put) m.description = p.description ?? null;
			if ('language' in p || put) m.language = p.language ? String(p.language) : 'en';
			if ('isPublished' in p || put)
				m.isPublished = 'isPublished' in p ? boolish(p.isPublished) : true;
			return { entity: m };
		},
	});

	r.get('/smses/{id}/contact/{contactId}/send', (ctx) => {
		const { store } = ctx;
		if (store.smsTransport === 'disabled') {
			// new JsonResponse(json_encode([...])): a JSON string holding the JSON, with status 200
			return ctx.ok(
				JSON.stringify({ error: { message: 'SMS transport is disabled.', code: 417 } }),
			);
		}
		const sms = store.smses.get(Number(ctx.params.id));
		if (!sms) return controllerError(404, MESSAGES.notFound);
		const contact = store.contacts.get(Number(ctx.params.contactId));
		if (!contact) return controllerError(403, MESSAGES.accessDenied);
		/** @param {keyof STATUS} key @param {Record<string, unknown>} [extra] */
		const answer = (key, extra = {}) => {
			const result = { sent: key === 'delivered', status: KEYS[key], ...extra };
			const success = result.sent;
			return ctx.ok({
				success,
				status: STATUS[key],
				result,
				errors: success ? [] : [{ message: KEYS[key] }],
			});
		};
		if (!sms.isPublished) return answer('unpublished');
		if (contact.doNotContact.some((d) => d.channel === 'sms')) return answer('notContactable');
		const number = contact.values.mobile || contact.values.phone;
		if (!number) return answer('missingNumber');
		const content = replaceTokens(sms.message, contact.values);
		const stat = {
			id: store.smsStats.length + 1,
			smsId: sms.id,
			leadId: contact.id,
			dateSent: store.now(),
			isFailed: store.smsTransport !== 'enabled',
		};
		store.smsStats.push(stat);
		sms.sentCount += stat.isFailed ? 0 : 1;
		const base = { type: 'mautic.sms.sms', id: sms.id, name: sms.name, content };
		if (stat.isFailed) {
			return ctx.ok({
				success: false,
				status: store.smsTransport,
				result: { sent: false, ...base, status: store.smsTransport },
				errors: [{ message: store.smsTransport }],
			});
		}
		return answer('delivered', { ...base, statId: stat.id });
	});
};
