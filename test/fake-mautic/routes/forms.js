// @ts-check
'use strict';

/**
 * Forms (FormApiController: standard entity at /forms, listed as a JSON array), their fields and
 * actions, submissions (SubmissionApiController) and the public submission endpoint
 * `POST /form/submit?formId=` (PublicController::submitAction) that sends `mautic.form_on_submit`.
 */

const { standardEntity, boolish, violation } = require('./standard');
const { publishFields, fieldsView } = require('../contact-view');
const { controllerError, MESSAGES, ServerException } = require('../errors');
const { PhpArray, stripNulls } = require('../php-json');

/**
 * @typedef {import('../store').Form} Form
 * @typedef {import('../store').FormField} FormField
 * @typedef {import('../store').Submission} Submission
 * @typedef {import('../store').Store} Store
 */

/** Field types that show something but keep no result (SubmissionRepository::getEntities). */
const VIEW_ONLY = ['button', 'freetext', 'freehtml', 'pagebreak', 'captcha'];

/** The contact columns of the `leadBasicList` group, in the order a real 5.1 lists them. */
const BASIC_COLUMNS = [
	'title',
	'firstname',
	'lastname',
	'company',
	'position',
	'email',
	'phone',
	'mobile',
	'address1',
	'address2',
	'city',
	'state',
	'zipcode',
	'timezone',
	'country',
];

/** Mautic's cleanAlias: lower case, spaces to `_`, other characters dropped, cut to `max`. @param {string} text @param {number} max */
function cleanAlias(text, max) {
	return String(text)
		.toLowerCase()
		.trim()
		.replace(/\s+/g, '_')
		.replace(/[^a-z0-9_]/g, '')
		.slice(0, max);
}

/** @param {FormField} f @param {boolean} [deleted] the form's delete answer: its fields' IDs are gone too */
function fieldView(f, deleted = false) {
	return {
		id: deleted ? null : f.id,
		label: f.label,
		showLabel: true,
		alias: f.alias,
		type: f.type,
		defaultValue: f.defaultValue ?? null,
		isRequired: f.isRequired,
		validationMessage: null,
		helpMessage: null,
		order: f.order,
		properties: f.properties && Object.keys(f.properties).length ? f.properties : new PhpArray(),
		validation: new PhpArray(),
		parent: null,
		conditions: new PhpArray(),
		labelAttributes: null,
		inputAttributes: null,
		containerAttributes: null,
		leadField: f.mappedField,
		saveResult: true,
		isAutoFill: false,
		mappedObject: f.mappedObject,
		mappedField: f.mappedField,
	};
}

/** @param {Form} f @param {{ list: boolean, deleted?: boolean }} o @param {boolean} minimal */
function formView(f, o, minimal) {
	const head = {
		...publishFields(f),
		id: o.deleted ? null : f.id,
		name: f.name,
		alias: f.alias,
		category: null,
	};
	if (minimal) return head;
	return {
		...head,
		description: f.description,
		cachedHtml: `<form method="post" action="/form/submit?formId=${f.id}" id="mauticform_${f.alias}"></form>`,
		publishUp: null,
		publishDown: null,
		fields: f.fields.map((field) => fieldView(field, !!o.deleted)),
		actions: [],
		template: null,
		inKioskMode: false,
		renderStyle: false,
		formType: f.formType,
		postAction: f.postAction,
		postActionProperty: f.postActionProperty,
		noIndex: null,
		formAttributes: null,
		language: null,
	};
}

/** The form's fields from the API's `fields` array (new ones get IDs and aliases). @param {Store} store @param {unknown} given */
function applyFields(store, given) {
	/** @type {FormField[]} */
	const fields = [];
	if (!Array.isArray(given)) return fields;
	given.forEach((p, index) => {
		if (!p || typeof p !== 'object') return;
		const label = String(p.label ?? '').trim();
		const alias = cleanAlias(p.alias || label, 25) || `field${index + 1}`;
		fields.push({
			id: store.nextId('formField'),
			label,
			alias,
			type: String(p.type || 'text'),
			isRequired: boolish(p.isRequired),
			defaultValue: p.defaultValue ?? null,
			order: index + 1,
			properties: p.properties && typeof p.properties === 'object' ? p.properties : {},
			mappedObject: p.mappedObject ?? (p.leadField ? 'contact' : null),
			mappedField: p.mappedField ?? p.leadField ?? null,
		});
	});
	return fields;
}

/** The fields whose values a submission keeps, in field order. @param {Form} form */
const resultFields = (form) => form.fields.filter((f) => !VIEW_ONLY.includes(f.type));

/** `leadBasicList`: id, points, color and the built-in contact columns (nulls kept). @param {Store} store @param {number|null} contactId */
function basicLead(store, contactId) {
	const c = contactId === null ? undefined : store.contacts.get(contactId);
	if (!c) return null;
	/** @type {Record<string, unknown>} */
	const out = { id: c.id, points: c.points, color: c.color };
	for (const alias of BASIC_COLUMNS) out[alias] = c.values[alias] ?? null;
	return out;
}

/** `leadList` as webhooks serialize it: id, points, color and the grouped fields. @param {Store} store @param {number|null} contactId */
function webhookLead(store, contactId) {
	const c = contactId === null ? undefined : store.contacts.get(contactId);
	if (!c) return null;
	return {
		id: c.id,
		points: c.points,
		color: c.color,
		fields: fieldsView(store, c, { values: 'webhook', withAll: false }),
	};
}

/**
 * A submission as the API shows it (`single`: the results row with `form_id` first, as the
 * single read selects the whole results table row) or as the form-submit webhook sends it.
 * @param {Store} store @param {Submission} s @param {'list'|'single'|'webhook'} as
 */
function submissionView(store, s, as) {
	const form = /** @type {Form} */ (store.forms.get(s.formId));
	/** @type {Record<string, unknown>} */
	const results = as === 'single' ? { form_id: String(s.formId), ...s.results } : { ...s.results };
	return {
		id: s.id,
		ipAddress: as === 'webhook' ? { ipAddress: s.ip, id: 1, ipDetails: null } : { ipAddress: s.ip },
		form: { id: form.id, name: form.name, alias: form.alias, category: null },
		...(as === 'webhook'
			? { lead: webhookLead(store, s.contactId) }
			: { lead: basicLead(store, s.contactId) }),
		trackingId: s.trackingId,
		dateSubmitted: s.dateSubmitted,
		referer: s.referer,
		page: null,
		results: Object.keys(results).length ? results : new PhpArray(),
	};
}

/**
 * The `where[]` filters a submission list understands: the submission table's columns
 * (`s.date_submitted`, `s.lead_id`, `s.id`); anything else is the database error Mautic answers.
 * @param {unknown} where
 * @returns {(s: Submission) => boolean}
 */
function whereFilter(where) {
	const clauses = Array.isArray(where)
		? where
		: where && typeof where === 'object'
			? Object.values(where)
			: [];
	/** @type {Array<(s: Submission) => boolean>} */
	const tests = clauses.map((clause) => {
		if (!clause || typeof clause !== 'object') throw new ServerException(500);
		const column = String(clause.col ?? '').replace(/^s\./, '');
		/** @type {(s: Submission) => unknown} */
		const read =
			column === 'date_submitted'
				? (s) => s.dateSubmitted.toISOString().slice(0, 19).replace('T', ' ')
				: column === 'lead_id'
					? (s) => s.contactId
					: column === 'id'
						? (s) => s.id
						: () => {
								throw new ServerException(500);
							};
		const value = clause.val;
		/** @param {unknown} a */
		const cmp = (a) => {
			if (typeof a === 'number') return a - Number(value);
			const b = String(value);
			return String(a) < b ? -1 : String(a) > b ? 1 : 0;
		};
		switch (clause.expr) {
			case 'eq':
				return (s) => cmp(read(s)) === 0;
			case 'neq':
				return (s) => cmp(read(s)) !== 0;
			case 'gt':
				return (s) => cmp(read(s)) > 0;
			case 'gte':
				return (s) => cmp(read(s)) >= 0;
			case 'lt':
				return (s) => cmp(read(s)) < 0;
			case 'lte':
				return (s) => cmp(read(s)) <= 0;
			default:
				throw new ServerException(500);
		}
	});
	return (s) => tests.every((test) => test(s));
}

/**
 * The order of a submission list. Mautic orders by `s.date_submitted` (seconds) alone unless the
 * request gives `orderBy` (columns with the `s.` alias, comma-separated; a bare `id` is a 500 on
 * 5.1, its alias is not `s`) and `orderByDir`. MySQL may return rows of the same second in any
 * order, differently from one page to the next: with `store.submissionTies` 'unstable' they come
 * by ID on even pages and backwards on odd ones, otherwise by ID.
 * @param {Record<string, any>} query @param {number} page @param {boolean} unstable
 * @returns {(a: Submission, b: Submission) => number}
 */
function submissionOrder(query, page, unstable) {
	const columns = String(query.orderBy ?? '')
		.split(',')
		.map((column) => column.trim())
		.filter(Boolean);
	const dir = String(query.orderByDir ?? 'ASC').toUpperCase() === 'DESC' ? -1 : 1;
	/** @type {Record<string, (s: Submission) => number>} */
	const keys = {
		id: (s) => s.id,
		date_submitted: (s) => Math.floor(s.dateSubmitted.getTime() / 1000),
	};
	if (columns.length > 0) {
		const order = columns.map((column) => {
			const key = column.startsWith('s.') ? keys[column.slice(2)] : undefined;
			if (!key) throw new ServerException(500);
			return key;
		});
		return (a, b) => {
			for (const key of order) {
				const diff = key(a) - key(b);
				if (diff !== 0) return diff * dir;
			}
			return 0;
		};
	}
	const tie = unstable && page % 2 === 1 ? -1 : 1;
	return (a, b) => keys.date_submitted(a) - keys.date_submitted(b) || (a.id - b.id) * tie;
}

/**
 * GET /forms/{formId}/submissions[/contact/{contactId}]: oldest first, paged by start/limit,
 * `total` as a string, an empty page as `{}`. A request's `where` replaces the contact filter
 * (array_merge in FetchCommonApiController), as on a real 5.1.
 * @param {import('../router').RouteCtx} ctx @param {number|null} contactId
 */
function submissionList(ctx, contactId) {
	const { store, query } = ctx;
	const form = store.forms.get(Number(ctx.params.formId));
	if (!form) return controllerError(404, MESSAGES.notFound);
	const given = query.where !== undefined && query.where !== '';
	const filter = given
		? whereFilter(query.where)
		: contactId === null
			? () => true
			: (/** @type {Submission} */ s) => s.contactId === contactId;
	const start = Math.max(0, parseInt(String(query.start ?? '0'), 10) || 0);
	const limit = query.limit === undefined ? 30 : parseInt(String(query.limit), 10) || 0;
	const all = [...store.submissions.values()]
		.filter((s) => s.formId === form.id && filter(s))
		.sort(
			submissionOrder(
				query,
				limit > 0 ? Math.floor(start / limit) : 0,
				store.submissionTies === 'unstable',
			),
		);
	const page = limit > 0 ? all.slice(start, start + limit) : all.slice(start);
	return ctx.ok({
		total: String(all.length),
		submissions: page.length ? page.map((s) => submissionView(store, s, 'list')) : new Map(),
	});
}

/**
 * POST /form/submit?formId= as a browser posts it: `mauticform[<alias>]`, `mauticform[formId]`,
 * `mauticform[return]`, `mauticform[formName]`. Saves the results, identifies the contact by a
 * field mapped to the contact email (or creates an anonymous one), sends the webhook and
 * redirects (302) like a real 5.1 with the post action "message".
 * @param {{ store: Store, method: string, query: Record<string, any>, body: any,
 *   emit: (type: string, payload: Record<string, any>) => void }} ctx
 * @returns {import('../errors').Reply}
 */
function publicSubmit(ctx) {
	const html = (/** @type {number} */ status, /** @type {string} */ text, location = '') => ({
		status,
		headers: {
			'Content-Type': 'text/html; charset=utf-8',
			...(location ? { Location: location } : {}),
		},
		raw: `<!DOCTYPE html><html><body>${text}</body></html>`,
	});
	if (ctx.method !== 'POST') return html(405, 'Method not allowed');
	const { store } = ctx;
	const post = ctx.body && typeof ctx.body === 'object' ? ctx.body.mauticform : undefined;
	if (!post || typeof post !== 'object' || post.formId === undefined)
		return html(200, 'The form is no longer available.');
	const form = store.forms.get(Number(post.formId));
	if (!form || !form.isPublished) return html(200, 'The form is no longer available.');
	/** @type {Record<string, string>} */
	const results = {};
	const errors = [];
	for (const field of resultFields(form)) {
		const given = post[field.alias];
		const value = Array.isArray(given)
			? given.map(String).join(', ')
			: given && typeof given === 'object'
				? Object.values(given).map(String).join(', ')
				: given === undefined || given === null
					? ''
					: String(given);
		if (field.isRequired && value === '') errors.push(`${field.label}: required`);
		results[field.alias] = value;
	}
	if (errors.length) return html(200, errors.join('<br>'));
	const emailField = form.fields.find(
		(f) => f.mappedField === 'email' && (f.mappedObject ?? 'contact') === 'contact',
	);
	const email = emailField ? results[emailField.alias] : '';
	let contact = email ? store.findContactByEmail(email) : undefined;
	/** @type {Record<string, unknown>} */
	const mapped = {};
	for (const f of form.fields)
		if (f.mappedField && f.mappedObject !== 'company' && results[f.alias])
			mapped[f.mappedField] = results[f.alias];
	if (!contact) contact = store.createContact(mapped, { createdBy: null });
	else {
		Object.assign(contact.values, mapped);
		store.touchContact(contact);
	}
	const at = store.now();
	contact.lastActive = at;
	const submission = store.addSubmission({
		formId: form.id,
		contactId: contact.id,
		results,
		dateSubmitted: at,
		referer: typeof post.return === 'string' ? post.return : '',
	});
	store.addTimeline(contact.id, 'form.submitted', form.name, at, { submission: submission.id });
	ctx.emit('mautic.form_on_submit', { submission: submissionView(store, submission, 'webhook') });
	return html(302, 'Redirecting to /form/message', '/form/message');
}

/** @param {import('../router').Router} r */
module.exports = function formRoutes(r) {
	standardEntity(r, {
		kind: 'form',
		path: '/forms',
		one: 'form',
		multi: 'forms',
		list: 'array',
		publish: true,
		searchFields: ['name', 'alias', 'description'],
		defaultOrder: { col: 'id', dir: 'ASC' },
		map: (ctx) => ctx.store.forms,
		view: (ctx, f, o) => formView(f, o, o.list && !!ctx.query.minimal && ctx.query.minimal !== '0'),
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
			alias: '',
			description: null,
			formType: 'standalone',
			postAction: 'message',
			postActionProperty: null,
			fields: [],
		}),
		apply: (ctx, base, p, method) => {
			const put = method === 'PUT';
			const f = { ...base };
			if ('name' in p || put)
				f.name = p.name === undefined || p.name === null ? '' : String(p.name).trim();
			if (!f.name) return violation('name', 'A name is required.');
			if (!f.alias) f.alias = cleanAlias(f.name, 10);
			if ('description' in p || put) f.description = p.description ?? null;
			if ('isPublished' in p || put)
				f.isPublished = 'isPublished' in p ? boolish(p.isPublished) : true;
			if ('formType' in p) f.formType = String(p.formType);
			if ('postAction' in p) f.postAction = String(p.postAction);
			if ('postActionProperty' in p) f.postActionProperty = p.postActionProperty ?? null;
			if ('fields' in p || put) f.fields = applyFields(ctx.store, p.fields);
			return { entity: f };
		},
		onDelete: (ctx, f) => {
			for (const [id, s] of ctx.store.submissions)
				if (s.formId === f.id) ctx.store.submissions.delete(id);
		},
	});

	r.get('/forms/{formId}/submissions', (ctx) => submissionList(ctx, null));
	r.get('/forms/{formId}/submissions/contact/{contactId}', (ctx) =>
		submissionList(ctx, Number(ctx.params.contactId)),
	);
	r.get('/forms/{formId}/submissions/{submissionId}', (ctx) => {
		const { store } = ctx;
		const form = store.forms.get(Number(ctx.params.formId));
		if (!form) return controllerError(404, MESSAGES.notFound);
		// CommonApiController::getEntityAction reads the submission by its ID alone
		const s = store.submissions.get(Number(ctx.params.submissionId));
		if (!s) return controllerError(404, MESSAGES.notFound);
		return ctx.ok({ submission: submissionView(store, s, 'single') });
	});

	/** DELETE /forms/{formId}/fields/delete?fields[]=id and …/actions/delete: the form without them. */
	r.delete('/forms/{formId}/fields/delete', (ctx) => {
		const form = ctx.store.forms.get(Number(ctx.params.formId));
		if (!form) return controllerError(404, MESSAGES.notFound);
		const ids = ctx.query.fields;
		if (!ids || typeof ids !== 'object')
			return controllerError(400, 'The fields attribute must be array.');
		const drop = new Set(Object.values(ids).map(Number));
		form.fields = form.fields.filter((f) => !drop.has(f.id));
		// serialized without a context, as a real 5.1 answers here: nulls are left out
		return ctx.ok({ form: stripNulls(formView(form, { list: false }, false)) });
	});
	r.delete('/forms/{formId}/actions/delete', (ctx) => {
		const form = ctx.store.forms.get(Number(ctx.params.formId));
		if (!form) return controllerError(404, MESSAGES.notFound);
		const ids = ctx.query.actions;
		if (!ids || typeof ids !== 'object')
			return controllerError(400, 'The actions attribute must be array.');
		return ctx.ok({ form: stripNulls(formView(form, { list: false }, false)) });
	});
};

module.exports.publicSubmit = publicSubmit;
module.exports.submissionView = submissionView;
module.exports.cleanAlias = cleanAlias;
module.exports.applyFields = applyFields;
