// @ts-check
'use strict';

/**
 * Serialized shapes of a contact, in JMS property order (FormEntity publish fields first):
 *  - 'details'  API (groups leadDetails, frequencyRulesList, doNotContactList, userList, stageList, publishDetails, ipAddress, tagList, utmtagsList)
 *  - 'minimal'  API with minimal=1 (leadList: id, points, color, fields)
 *  - 'webhook'  webhook payloads (no fields.all; utm/frequency objects have no serializer group there)
 *  - 'plain'    DNC/UTM responses built without a serialization context: nulls dropped, no fields.all
 */

const { PhpArray, phpSerialize, stripNulls } = require('./php-json');
const { rawValue, outputValue, normalizedValue } = require('./contact-values');

/** @typedef {import('./store').Store} Store */
/** @typedef {import('./store').Contact} Contact */

const GROUPS = ['core', 'social', 'personal', 'professional'];
const IP_DETAILS = { city: '', region: '', zipcode: '', country: '', latitude: '', longitude: '', isp: '', organization: '', timezone: '', extra: '' };

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
	return { createdByUser: null, modifiedByUser: null, id: u.id, username: u.username, firstName: u.firstName, lastName: u.lastName };
}

/**
 * @param {Store} store
 * @param {Contact} c
 * @param {{ values: 'list'|'single'|'webhook', withAll: boolean, idForAll?: number|null }} opts
 */
function fieldsView(store, c, opts) {
	/** @type {Record<string, any>} */
	const groups = {};
	for (const def of store.objectFields('lead')) {
		const value = outputValue(def, rawValue(c, def), opts.values);
		if (!groups[def.group]) groups[def.group] = {};
		groups[def.group][def.alias] = {
			id: String(def.id),
			label: def.label,
			alias: def.alias,
			type: def.type,
			group: def.group,
			object: 'lead',
			is_fixed: def.isFixed ? '1' : '0',
			properties: phpSerialize(def.properties || {}),
			default_value: def.defaultValue === null || def.defaultValue === undefined ? null : String(def.defaultValue),
			value,
			normalizedValue: normalizedValue(def, value),
		};
	}
	// groups without fields are PHP empty arrays, appended after the populated ones
	for (const g of GROUPS) if (!groups[g]) groups[g] = new PhpArray();
	if (opts.withAll) {
		/** @type {Record<string, any>} */
		const all = { id: opts.idForAll === undefined ? c.id : opts.idForAll };
		for (const g of Object.keys(groups)) {
			const grp = groups[g];
			if (grp instanceof PhpArray) continue;
			for (const [alias, f] of Object.entries(grp)) all[alias] = f.value;
		}
		groups.all = all;
	}
	return groups;
}

/**
 * @param {Store} store
 * @param {Contact} c
 * @param {{ mode?: 'details'|'minimal'|'webhook'|'plain', values?: 'list'|'single'|'webhook', deleted?: boolean, noAll?: boolean }} [opts]
 */
function contactView(store, c, opts = {}) {
	const mode = opts.mode || 'details';
	const values = opts.values || (mode === 'webhook' ? 'webhook' : 'single');
	const id = opts.deleted ? null : c.id;
	const fields = fieldsView(store, c, { values, withAll: !opts.noAll && (mode === 'details' || mode === 'minimal'), idForAll: id });
	/** @type {Record<string, any>} */
	const out = { ...publishFields(c), id, points: c.points, color: c.color, fields };
	if (mode === 'minimal') return out;
	out.lastActive = c.lastActive;
	out.owner = nestedUser(store, c.ownerId);
	out.ipAddresses = c.ipAddresses.map((ip) => ({ ip: ip.ip, ipDetails: { ...IP_DETAILS } }));
	out.tags = c.tagIds
		.map((tid) => store.tags.get(tid))
		.filter(Boolean)
		.map((t) => ({ id: /** @type {any} */ (t).id, tag: /** @type {any} */ (t).tag }));
	out.utmtags =
		mode === 'webhook'
			? c.utmtags.map(() => new Map())
			: c.utmtags.map((u) => ({
					id: u.id,
					dateAdded: u.dateAdded,
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
				}));
	out.stage = null;
	out.dateIdentified = c.dateIdentified;
	out.preferredProfileImage = c.preferredProfileImage;
	out.doNotContact = c.doNotContact.map((d) => ({
		id: d.id,
		dateAdded: d.dateAdded,
		reason: d.reason,
		comments: d.comments,
		channel: d.channel,
		channelId: d.channelId,
	}));
	out.frequencyRules = c.frequencyRules.map(() => new Map());
	return mode === 'plain' ? stripNulls(out) : out;
}

module.exports = { contactView, fieldsView, publishFields, nestedUser };
