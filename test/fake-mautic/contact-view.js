// @ts-check
'use strict';

/**
 * Serialized shapes of a contact, in JMS property order (FormEntity publish fields first):
 *  - 'details'  API (groups leadDetails, frequencyRulesList, doNotContactList, userList, stageList, publishDetails, ipAddress, tagList, utmtagsList)
 *  - 'minimal'  API with minimal=1 (leadList: id, points, color, fields)
 *  - 'webhook'  webhook payloads (no fields.all; utm/frequency objects have no serializer group there)
 *  - 'plain'    DNC/UTM responses built without a serialization context: nulls dropped, no fields.all
 */

const { PhpArray, stripNulls, ENCODED_PREFIX } = require('./php-json');
const { rawValue, outputValue, normalizedValue } = require('./contact-values');
const { fieldViewData } = require('./store');

/** @typedef {import('./store').Store} Store */
/** @typedef {import('./store').Contact} Contact */

const GROUPS = ['core', 'social', 'personal', 'professional'];
const IP_DETAILS = {
	city: '',
	region: '',
	zipcode: '',
	country: '',
	latitude: '',
	longitude: '',
	isp: '',
	organization: '',
	timezone: '',
	extra: '',
};

/** @param {import('./store').PublishFields} e */
function publishFields(e) {
	return {
		isPublished: e.isPublished,
		dateAdded: e.dateAdded,
		dateModified: e.dateModified,
		createdBy: e.createdBy,
		createdByUser: e.createdByUser,
		modifiedBy: e.modifiedBy,
		modifiedByUser: e.modifiedByUser,
	};
}

/** Nested user (userList group; nested entities lose publish fields except the *ByUser names). @param {Store} store @param {number|null} id */
function nestedUser(store, id) {
	const u = store.getUser(id);
	if (!u) return null;
	return {
		createdByUser: null,
		modifiedByUser: null,
		id: u.id,
		username: u.username,
		firstName: u.firstName,
		lastName: u.lastName,
	};
}

/**
 * A field of a contact view (`fields.<group>.<alias>`). Its first nine properties are the same for every
 * contact, so the encoder reuses their encoding (php-json ENCODED_PREFIX), checked against the values.
 */
class FieldEntry {
	/** @type {import('./php-json').PrefixRecord|null} */
	#prefix;

	/**
	 * @param {import('./store').FieldMeta} m
	 * @param {unknown} value
	 */
	constructor(m, value) {
		const def = m.def;
		const d = fieldViewData(m);
		this.id = d.idString;
		this.label = def.label;
		this.alias = def.alias;
		this.type = def.type;
		this.group = def.group;
		this.object = 'lead';
		this.is_fixed = d.isFixed;
		this.properties = d.properties;
		this.default_value = d.defaultValue;
		this.value = value;
		this.normalizedValue = normalizedValue(def, value, m);
		this.#prefix = d.prefix;
	}

	get [ENCODED_PREFIX]() {
		// also reached through objects that merely inherit from an entry (a `__proto__` alias)
		return #prefix in this ? this.#prefix : null;
	}
}
// to tests (Jest's toStrictEqual compares constructors) it stays the plain object it used to be
Object.defineProperty(FieldEntry.prototype, 'constructor', {
	value: Object,
	writable: true,
	configurable: true,
	enumerable: false,
});

/**
 * A function building a plain object with the given keys, in this order, from an array of values: an
 * object literal, so V8 keeps it in fast mode (objects grown key by key past a dozen properties become
 * slow dictionaries, and views have groups of 20+ fields). Only for keys a literal treats like an
 * assignment would: no duplicates, no array indices, no `__proto__`.
 * @param {string[]} keys
 * @returns {(values: unknown[]) => Record<string, any>}
 */
function objectFactory(keys) {
	const body = 'return {' + keys.map((k, i) => `${JSON.stringify(k)}: v[${i}]`).join(', ') + '};';
	return /** @type {any} */ (new Function('v', body));
}

/**
 * @typedef {{ groups: string[], groupOf: number[], slotOf: number[], sizes: number[],
 *   makeGroup: ((values: unknown[]) => Record<string, any>)[], makeAll: (values: unknown[]) => Record<string, any> }} FieldsPlan
 */

/** @type {WeakMap<import('./store').FieldLayout, FieldsPlan|null>} */
const plans = new WeakMap();

/**
 * How fieldsView lays out a field layout, or null when the aliases or groups need the general path.
 * @param {import('./store').FieldLayout} layout
 * @returns {FieldsPlan|null}
 */
function fieldsPlan(layout) {
	let plan = plans.get(layout);
	if (plan !== undefined) return plan;
	plan = null;
	/** @param {unknown} k */
	const plainKey = (k) => typeof k === 'string' && !/^\d+$/.test(k) && k !== '__proto__';
	const seen = new Set(['id']);
	/** @type {string[]} */ const groups = [];
	/** @type {string[][]} */ const aliases = [];
	/** @type {number[]} */ const groupOf = [];
	/** @type {number[]} */ const slotOf = [];
	let ok = true;
	for (const def of layout.fields) {
		const g = def.group;
		const a = def.alias;
		if (!plainKey(g) || g in Object.prototype || g === 'all' || !plainKey(a) || seen.has(a)) {
			ok = false;
			break;
		}
		seen.add(a);
		let gi = groups.indexOf(g);
		if (gi === -1) {
			gi = groups.push(g) - 1;
			aliases.push([]);
		}
		groupOf.push(gi);
		slotOf.push(aliases[gi].push(a) - 1);
	}
	if (ok) {
		plan = {
			groups,
			groupOf,
			slotOf,
			sizes: aliases.map((x) => x.length),
			makeGroup: aliases.map(objectFactory),
			makeAll: objectFactory(['id', ...aliases.flat()]),
		};
	}
	plans.set(layout, plan);
	return plan;
}

/**
 * What a field shows only in the answer of the request that saved the contact (see
 * contact-save.js), in its group and in `fields.all`; else undefined.
 * @param {Store} store
 * @param {Contact} c
 * @param {{ alias: string }} def
 * @returns {{ grouped: unknown, all: unknown } | undefined}
 */
function answerOnlyValue(store, c, def) {
	const overlay = /** @type {any} */ (c).answerOnly;
	if (!overlay || overlay.request !== store.requestSeq) return undefined;
	return overlay.values.get(def.alias);
}

/**
 * `fields.all.id` comes from the DBAL row, so a real Mautic sends it as a string ("12").
 * @param {Contact} c
 * @param {{ idForAll?: number|null }} opts
 */
function allId(c, opts) {
	const id = opts.idForAll === undefined ? c.id : opts.idForAll;
	return id === null ? null : String(id);
}

/**
 * @param {Store} store
 * @param {Contact} c
 * @param {{ values: 'list'|'single'|'webhook', withAll: boolean, idForAll?: number|null }} opts
 */
function fieldsView(store, c, opts) {
	const layout = store.leadLayout();
	const plan = fieldsPlan(layout);
	if (!plan) return fieldsViewGeneral(store, layout, c, opts);
	const meta = layout.meta;
	/** @type {unknown[][]} */
	const entries = plan.sizes.map((n) => new Array(n));
	/** @type {unknown[][]} */
	const flat = plan.sizes.map((n) => new Array(n));
	/** @type {unknown[]} */
	const allValues = opts.withAll ? [allId(c, opts)] : [];
	for (let i = 0; i < meta.length; i++) {
		const m = meta[i];
		const def = m.def;
		const answerOnly = answerOnlyValue(store, c, def);
		const value = answerOnly ? answerOnly.grouped : outputValue(def, rawValue(c, def), opts.values);
		entries[plan.groupOf[i]][plan.slotOf[i]] = new FieldEntry(m, value);
		flat[plan.groupOf[i]][plan.slotOf[i]] = answerOnly ? answerOnly.all : value;
	}
	/** @type {Record<string, any>} */
	const groups = {};
	for (let gi = 0; gi < plan.groups.length; gi++) {
		groups[plan.groups[gi]] = plan.makeGroup[gi](entries[gi]);
		if (opts.withAll) allValues.push(...flat[gi]);
	}
	// groups without fields are PHP empty arrays, appended after the populated ones
	for (const g of GROUPS) if (!groups[g]) groups[g] = new PhpArray();
	if (opts.withAll) groups.all = plan.makeAll(allValues);
	return groups;
}

/**
 * @param {Store} store
 * fieldsView for any aliases and groups (the original algorithm).
 * @param {import('./store').FieldLayout} layout
 * @param {Contact} c
 * @param {{ values: 'list'|'single'|'webhook', withAll: boolean, idForAll?: number|null }} opts
 */
function fieldsViewGeneral(store, layout, c, opts) {
	/** @type {Record<string, any>} */
	const groups = {};
	/** @type {Map<string, unknown>} */
	const flatOverrides = new Map();
	for (const m of layout.meta) {
		const def = m.def;
		const answerOnly = answerOnlyValue(store, c, def);
		const value = answerOnly ? answerOnly.grouped : outputValue(def, rawValue(c, def), opts.values);
		if (!groups[def.group]) groups[def.group] = {};
		groups[def.group][def.alias] = new FieldEntry(m, value);
		if (answerOnly) flatOverrides.set(def.alias, answerOnly.all);
	}
	// groups without fields are PHP empty arrays, appended after the populated ones
	for (const g of GROUPS) if (!groups[g]) groups[g] = new PhpArray();
	if (opts.withAll) {
		/** @type {Record<string, any>} */
		const all = { id: allId(c, opts) };
		for (const g of Object.keys(groups)) {
			const grp = groups[g];
			if (grp instanceof PhpArray) continue;
			for (const [alias, f] of Object.entries(grp))
				all[alias] = flatOverrides.has(alias) ? flatOverrides.get(alias) : f.value;
		}
		groups.all = all;
	}
	return groups;
}

/**
 * @param {Store} store
 * @param {Contact} c
 * @param {{ mode?: 'details'|'minimal'|'webhook'|'plain', values?: 'list'|'single'|'webhook', deleted?: boolean, noAll?: boolean, fresh?: boolean }} [opts]
 */
function contactView(store, c, opts = {}) {
	const mode = opts.mode || 'details';
	const values = opts.values || (mode === 'webhook' ? 'webhook' : 'single');
	const id = opts.deleted ? null : c.id;
	const fields = fieldsView(store, c, {
		values,
		withAll: !opts.noAll && (mode === 'details' || mode === 'minimal'),
		idForAll: id,
	});
	// publishFields(c) first, as one literal (spreading it is slow)
	if (mode === 'minimal') {
		return {
			isPublished: c.isPublished,
			dateAdded: c.dateAdded,
			dateModified: c.dateModified,
			createdBy: c.createdBy,
			createdByUser: c.createdByUser,
			modifiedBy: c.modifiedBy,
			modifiedByUser: c.modifiedByUser,
			id,
			points: c.points,
			color: c.color,
			fields,
		};
	}
	/** @type {Record<string, any>} */
	const out = {
		isPublished: c.isPublished,
		dateAdded: c.dateAdded,
		dateModified: c.dateModified,
		createdBy: c.createdBy,
		createdByUser: c.createdByUser,
		modifiedBy: c.modifiedBy,
		modifiedByUser: c.modifiedByUser,
		id,
		points: c.points,
		color: c.color,
		...(mode === 'plain' ? leadColumns(store, c) : {}),
		fields,
		lastActive: c.lastActive,
		owner: nestedUser(store, c.ownerId),
		ipAddresses: c.ipAddresses.map((ip) => ({ ip: ip.ip, ipDetails: { ...IP_DETAILS } })),
		tags: c.tagIds
			.map((tid) => store.tags.get(tid))
			.filter(Boolean)
			.map((t) => ({
				id: /** @type {any} */ (t).id,
				tag: /** @type {any} */ (t).tag,
				description: /** @type {any} */ (t).description ?? null,
			})),
		utmtags: opts.fresh
			? null
			: mode === 'webhook'
				? c.utmtags.map(() => new Map())
				: c.utmtags.map((u) => ({
						id: u.id,
						query: Object.keys(u.query || {}).length ? u.query : new PhpArray(),
						referer: u.referer,
						remoteHost: u.remoteHost,
						url: u.url,
						userAgent: u.userAgent,
						utmCampaign: u.utmCampaign,
						utmContent: u.utmContent,
						utmMedium: u.utmMedium,
						utmSource: u.utmSource,
						utmTerm: u.utmTerm,
					})),
		stage: stageOfContact(store, c.id),
		dateIdentified: c.dateIdentified,
		preferredProfileImage: c.preferredProfileImage,
		doNotContact: c.doNotContact.map((d) => ({
			id: d.id,
			// only the context-free (DNC/UTM answer) serialization shows it on a real 5.1
			...(mode === 'plain' ? { dateAdded: d.dateAdded } : {}),
			reason: d.reason,
			comments: d.comments,
			channel: d.channel,
			channelId: d.channelId,
		})),
		frequencyRules: c.frequencyRules.map(() => new Map()),
	};
	return mode === 'plain' ? stripNulls(out) : out;
}

/**
 * The built-in fields that are Lead entity properties: serialized without a context (DNC and UTM
 * answers), a real 5.1 lists them beside `fields`.
 * @param {Store} store
 * @param {Contact} c
 */
function leadColumns(store, c) {
	/** @type {Record<string, unknown>} */
	const out = {};
	for (const f of store.leadLayout().fields) {
		if (f.isFixed === false || f.alias === 'points' || f.alias === 'last_active') continue;
		const value = c.values[f.alias];
		if (value !== undefined && value !== null && value !== '') out[f.alias] = value;
	}
	return out;
}

/**
 * The contact's stage as the `stageList` group shows it (a real 5.1: no publish fields but the
 * users' names), or null.
 * @param {import('./store').Store} store @param {number} contactId
 */
function stageOfContact(store, contactId) {
	const stage = store.stages?.get(store.contactStages?.get(contactId) ?? 0);
	if (!stage) return null;
	return {
		createdByUser: stage.createdByUser,
		modifiedByUser: stage.modifiedByUser,
		id: stage.id,
		name: stage.name,
		category: null,
		weight: stage.weight,
		description: stage.description,
	};
}

module.exports = { contactView, fieldsView, publishFields, nestedUser };
