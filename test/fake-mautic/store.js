// @ts-check
'use strict';

/**
 * In-memory state of the fake instance plus id sequences. Readable by tests (`fake.store`)
 * and with a few helpers to arrange state directly (no webhooks, no request log).
 */

const crypto = require('node:crypto');
const { coreFields, INSTALL_DATE } = require('./field-catalog');
const { phpSerialize, prefixRecord } = require('./php-json');

/** @typedef {import('./field-catalog').FieldDef} FieldDef */

/**
 * @typedef {{ id: number, username: string, password: string, firstName: string, lastName: string,
 *   email: string, position?: string|null, isPublished?: boolean, dateAdded?: Date, timezone?: string|null,
 *   locale?: string|null, isAdmin?: boolean }} User
 * @typedef {{ id: number, ip: string }} IpAddress
 * @typedef {{ id: number, dateAdded: Date, query: Record<string, any>, referer: string|null, remoteHost: string|null,
 *   url: string|null, userAgent: string|null, utmCampaign: string|null, utmContent: string|null,
 *   utmMedium: string|null, utmSource: string|null, utmTerm: string|null }} UtmTag
 * @typedef {{ id: number, dateAdded: Date, reason: number, comments: string, channel: string, channelId: number|null }} Dnc
 * @typedef {{
 *   id: number, isPublished: boolean, dateAdded: Date, dateModified: Date|null,
 *   createdBy: number|null, createdByUser: string|null, modifiedBy: number|null, modifiedByUser: string|null,
 *   ownerId: number|null, points: number, lastActive: Date|null, dateIdentified: Date|null, color: string|null,
 *   preferredProfileImage: string|null, ipAddresses: IpAddress[], tagIds: number[], utmtags: UtmTag[],
 *   doNotContact: Dnc[], frequencyRules: unknown[], values: Record<string, any>,
 *   answerOnly?: { request: number, values: Map<string, { grouped: unknown, all: unknown }> }
 * }} Contact
 * (`answerOnly`: what the answer to request number `request` shows and the database does not keep; contact-save.js)
 * @typedef {{ isPublished: boolean, dateAdded: Date, dateModified: Date|null, createdBy: number|null,
 *   createdByUser: string|null, modifiedBy: number|null, modifiedByUser: string|null }} PublishFields
 * @typedef {PublishFields & { id: number, name: string, publicName: string, alias: string, description: string|null,
 *   filters: Record<string, any>[], isGlobal: boolean, isPreferenceCenter: boolean }} Segment
 * @typedef {{ dateAdded: Date, manuallyAdded: boolean, manuallyRemoved: boolean }} Membership
 * @typedef {PublishFields & { id: number, name: string, description: string|null }} PointGroup
 * @typedef {{ id: number, name: string, category: null, description: string|null, insightType: string,
 *   insightAction: string, customField: string|null, pointGroups: number[], isPublished: boolean }} Insight
 * @typedef {PublishFields & { id: number, name: string, description: string|null, webhookUrl: string, secret: string,
 *   eventsOrderbyDir: string|null, triggers: string[] }} Hook
 * @typedef {{ id: number, contactId: number, type: string, eventName: string, actionName: string, delta: number,
 *   dateAdded: Date, groupId?: number }} PointsLogEntry
 * @typedef {{ id: number, contactId: number, event: string, eventLabel: unknown, timestamp: Date, details: any }} TimelineEntry
 * @typedef {{ id: number, hookId: number, eventType: string, payload: any, dateAdded: Date }} QueueRow
 * @typedef {{ id: number, values: Record<string, any>, ownerId: number|null, score: number, dateAdded: Date, createdInRequest?: number }} Company
 * @typedef {{ dateAdded: Date, isPrimary: boolean }} CompanyLink
 * @typedef {{ id: number, label: string, alias: string, type: string, isRequired: boolean, defaultValue: unknown,
 *   order: number, properties: Record<string, any>, mappedObject: string|null, mappedField: string|null }} FormField
 * @typedef {PublishFields & { id: number, name: string, alias: string, description: string|null, formType: string,
 *   postAction: string, postActionProperty: string|null, fields: FormField[] }} Form
 * @typedef {{ id: number, formId: number, contactId: number|null, ip: string, trackingId: string|null,
 *   dateSubmitted: Date, referer: string, results: Record<string, string> }} Submission
 * @typedef {{ id: number, contactId: number, text: string, type: string, dateTime: Date|null }} Note
 * @typedef {PublishFields & { id: number, name: string, description: string|null, allowRestart: boolean,
 *   publishUp: Date|null, publishDown: Date|null, events: Record<string, any>[], lists: number[], forms: number[],
 *   canvasSettings: Record<string, any>|null }} Campaign
 * @typedef {{ dateAdded: Date, manuallyAdded: boolean, manuallyRemoved: boolean, rotation: number,
 *   dateLastExited: Date|null }} CampaignMember
 * @typedef {PublishFields & { id: number, name: string, subject: string, language: string, category: number|null,
 *   fromAddress: string|null, fromName: string|null, replyToAddress: string|null, customHtml: string|null,
 *   plainText: string|null, template: string|null, emailType: 'template'|'list', lists: number[],
 *   readCount: number, sentCount: number, revision: number }} Email
 * @typedef {{ id: number, emailId: number, contactId: number, emailAddress: string, dateSent: Date,
 *   source: string, listId: number|null, trackingHash: string, tokens: Record<string, string>,
 *   subject: string, isRead: boolean, dateRead: Date|null }} EmailStat
 */

/** Current time at second precision (Mautic dates carry no milliseconds). */
function now() {
	const d = new Date();
	d.setUTCMilliseconds(0);
	return d;
}

/** @param {string} s */
function slugify(s) {
	return (
		s
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'segment'
	);
}

/**
 * Lower-cased string values of a few contact fields (the unique identifiers that are looked up),
 * alias -> value -> contact(s), kept in step by ContactMap and Store#touchContact. Built per alias on
 * first use. A lookup is checked against the contact before it is trusted (see Store#findContactsByValue).
 */
class ValueIndex {
	/** @param {() => Map<number, Contact>} contacts */
	constructor(contacts) {
		this.contacts = contacts;
		/** @type {Map<string, Map<string, Contact|Contact[]>>} */ this.byAlias = new Map();
		/** @type {Map<string, Map<Contact, string>>} alias -> contact -> key it is filed under */ this.keys =
			new Map();
	}

	/** @param {string} alias */
	ensure(alias) {
		let m = this.byAlias.get(alias);
		if (!m) {
			m = new Map();
			this.byAlias.set(alias, m);
			this.keys.set(alias, new Map());
			for (const c of this.contacts().values()) this.addOne(alias, c);
		}
		return m;
	}

	/** @param {string} alias @param {Contact} c */
	addOne(alias, c) {
		const v = c && c.values ? c.values[alias] : undefined;
		if (typeof v !== 'string') return;
		const key = v.toLowerCase();
		const m = /** @type {Map<string, Contact|Contact[]>} */ (this.byAlias.get(alias));
		const cur = m.get(key);
		if (cur === undefined) m.set(key, c);
		else if (Array.isArray(cur)) cur.push(c);
		else m.set(key, [cur, c]);
		/** @type {Map<Contact, string>} */ (this.keys.get(alias)).set(c, key);
	}

	/** @param {string} alias @param {Contact} c */
	removeOne(alias, c) {
		const keys = /** @type {Map<Contact, string>} */ (this.keys.get(alias));
		const key = keys.get(c);
		if (key === undefined) return;
		keys.delete(c);
		const m = /** @type {Map<string, Contact|Contact[]>} */ (this.byAlias.get(alias));
		const cur = m.get(key);
		if (cur === c) m.delete(key);
		else if (Array.isArray(cur)) {
			const i = cur.indexOf(c);
			if (i !== -1) cur.splice(i, 1);
			if (cur.length === 1) m.set(key, cur[0]);
			else if (!cur.length) m.delete(key);
		}
	}

	/** @param {Contact} c */
	add(c) {
		for (const alias of this.byAlias.keys()) this.addOne(alias, c);
	}

	/** @param {Contact} c */
	remove(c) {
		for (const alias of this.byAlias.keys()) this.removeOne(alias, c);
	}

	/** Re-files a contact whose values may have changed. @param {Contact} c */
	update(c) {
		for (const alias of this.byAlias.keys()) {
			const v = c && c.values ? c.values[alias] : undefined;
			const key = typeof v === 'string' ? v.toLowerCase() : undefined;
			if (/** @type {Map<Contact, string>} */ (this.keys.get(alias)).get(c) === key) continue;
			this.removeOne(alias, c);
			this.addOne(alias, c);
		}
	}

	clear() {
		this.byAlias.clear();
		this.keys.clear();
	}
}

/**
 * The contacts map: a Map that keeps the value index in step, also when tests change it directly
 * (`store.contacts.delete(id)`, `.clear()`).
 * @extends {Map<number, Contact>}
 */
class ContactMap extends Map {
	/** @param {ValueIndex} index */
	constructor(index) {
		super();
		this.index = index;
		/** @type {Contact[]|null} */
		this.list = null;
	}

	/** @param {number} id @param {Contact} c */
	set(id, c) {
		const old = super.get(id);
		if (old !== undefined && old !== c) this.index.remove(old);
		super.set(id, c);
		if (old === c) this.index.update(c);
		else {
			this.index.add(c);
			this.list = null;
		}
		return this;
	}

	/** @param {number} id */
	delete(id) {
		const old = super.get(id);
		if (old !== undefined) {
			this.index.remove(old);
			this.list = null;
		}
		return super.delete(id);
	}

	clear() {
		this.index.clear();
		this.list = null;
		super.clear();
	}

	/** `[...values()]`, kept until the next change; callers must not modify it. */
	valuesList() {
		return (this.list ??= [...super.values()]);
	}
}
// to tests it is still a plain Map (Jest's equality compares constructors)
Object.defineProperty(ContactMap.prototype, 'constructor', {
	value: Map,
	writable: true,
	configurable: true,
	enumerable: false,
});

/**
 * Per-field data the contact views need, computed once per field layout instead of per contact, when
 * first needed (so anything odd in a field definition fails where it always did): `view` by
 * fieldViewData(), `listOptions` by normalizedValue().
 * @typedef {{ idString: string, isFixed: string, properties: string, defaultValue: string|null,
 *   prefix: import('./php-json').PrefixRecord|null }} FieldViewData
 * @typedef {{ def: FieldDef, view: FieldViewData|null, listOptions: {label: string, value: string}[]|undefined }} FieldMeta
 * @typedef {{ fields: FieldDef[], meta: FieldMeta[], unique: FieldDef[] }} FieldLayout
 */

/**
 * The parts of a field's entry in contact views that are the same for every contact.
 * @param {FieldMeta} m
 * @returns {FieldViewData}
 */
function fieldViewData(m) {
	if (m.view) return m.view;
	const def = m.def;
	const idString = String(def.id);
	const isFixed = def.isFixed ? '1' : '0';
	const properties = phpSerialize(def.properties || {});
	const defaultValue =
		def.defaultValue === null || def.defaultValue === undefined ? null : String(def.defaultValue);
	m.view = {
		idString,
		isFixed,
		properties,
		defaultValue,
		// the static start of the field's entry (see contact-view FieldEntry)
		prefix: prefixRecord(
			[
				'id',
				'label',
				'alias',
				'type',
				'group',
				'object',
				'is_fixed',
				'properties',
				'default_value',
			],
			[
				idString,
				def.label,
				def.alias,
				def.type,
				def.group,
				'lead',
				isFixed,
				properties,
				defaultValue,
			],
		),
	};
	return m.view;
}

class Store {
	/** @param {{ users: User[] }} opts */
	constructor(opts) {
		this.initialUsers = opts.users;
		/** @type {Map<number, User>} */ this.users = new Map();
		/** @type {Map<number, FieldDef>} */ this.fields = new Map();
		this.valueIndex = new ValueIndex(() => this.contacts);
		/** @type {Map<number, Contact>} */ this.contacts = new ContactMap(this.valueIndex);
		/** @type {{ snapshot: unknown[], fingerprint: string|null, layout: FieldLayout } | null} */ this.layoutCache =
			null;
		/** @type {Map<number, {id: number, tag: string, description: string|null}>} */ this.tags =
			new Map();
		/** @type {Map<number, Segment>} */ this.segments = new Map();
		/** @type {Map<number, Map<number, Membership>>} segment id -> contact id -> membership */ this.segmentMembers =
			new Map();
		/** @type {Map<number, PointGroup>} */ this.pointGroups = new Map();
		/** @type {Map<number, Map<number, number>>} contact id -> group id -> score */ this.groupScores =
			new Map();
		/** @type {Map<number, Insight>} */ this.insights = new Map();
		/** @type {Map<number, Hook>} */ this.hooks = new Map();
		// companies (routes/companies.js): id -> company; company id -> contact id -> link
		/** @type {Map<number, Company>} */ this.companies = new Map();
		/** @type {Map<number, Map<number, CompanyLink>>} */ this.companyLeads = new Map();
		// company segments (Mautic 7.2+, routes/companySegments.js): id -> segment; id -> company ids
		/** @type {Map<number, any>} */ this.companySegments = new Map();
		/** @type {Map<number, Set<number>>} */ this.companySegmentMembers = new Map();
		/** @type {PointsLogEntry[]} */ this.pointsLog = [];
		/** @type {TimelineEntry[]} */ this.timeline = [];
		/** Counts the HTTP requests the server handled; contact-save.js tags form-only values with it. */
		this.requestSeq = 0;
		/** @type {QueueRow[]} */ this.webhookQueue = [];
		/** @type {Record<string, number>} */ this.seq = {};
		// ---- stages, text messages, categories, reports, stats tables (#17, #18) ----
		/** @type {Map<number, any>} */ this.stages = new Map();
		/** @type {Map<number, number>} contact id -> stage id */ this.contactStages = new Map();
		/** @type {{ id: number, leadId: number, stageId: number, eventName: string, actionName: string, dateAdded: Date }[]} */
		this.stageLog = [];
		/** @type {Map<number, any>} */ this.smses = new Map();
		/** SMS transport: 'disabled' (a stock Mautic), 'enabled' (sends succeed) or a failure text. */
		this.smsTransport = 'disabled';
		/** @type {{ id: number, smsId: number, leadId: number, dateSent: Date, isFailed: boolean }[]} */
		this.smsStats = [];
		/** @type {Map<number, any>} */ this.categories = new Map();
		/** @type {Map<number, any>} */ this.reports = new Map();
		/** Rows of `/stats` tables that tests fill (all values strings, as Mautic answers). @type {Map<string, Record<string, string>[]>} */
		this.statsTables = new Map();
		// forms, submissions and notes (routes/forms.js, routes/notes.js)
		/** @type {Map<number, Form>} */ this.forms = new Map();
		/** @type {Map<number, Submission>} */ this.submissions = new Map();
		/** @type {Map<number, Note>} */ this.notes = new Map();
		/**
		 * Submissions of one second in a list without `orderBy`: MySQL may give them in any order,
		 * differently per page; 'unstable' shows that (by ID, backwards on odd pages).
		 * @type {'stable'|'unstable'}
		 */
		this.submissionTies = 'stable';
		/**
		 * A contact's notes in a list without `orderBy` (Mautic: n.dateAdded DESC): 'unstable'
		 * takes them as added in one second, in ID order on odd pages and backwards on even ones.
		 * @type {'stable'|'unstable'}
		 */
		this.noteTies = 'stable';
		// campaigns and emails (routes/campaigns.js, routes/emails.js)
		/** @type {Map<number, Campaign>} */ this.campaigns = new Map();
		/** @type {Map<number, Map<number, CampaignMember>>} campaign id -> contact id -> member */ this.campaignMembers =
			new Map();
		/** @type {Map<number, Email>} */ this.emails = new Map();
		/** @type {EmailStat[]} */ this.emailStats = [];
		/** When set, every send fails with this transport error (as Mautic with an unreachable mailer). */
		/** @type {string|null} */ this.mailerError = null;
		this.reset();
	}

	/** Empty instance: the configured users and the core fields only. */
	reset() {
		this.users.clear();
		this.fields.clear();
		this.contacts.clear();
		this.tags.clear();
		this.segments.clear();
		this.segmentMembers.clear();
		this.pointGroups.clear();
		this.groupScores.clear();
		this.insights.clear();
		this.hooks.clear();
		this.companies.clear();
		this.companyLeads.clear();
		this.companySegments.clear();
		this.companySegmentMembers.clear();
		this.pointsLog = [];
		this.timeline = [];
		this.webhookQueue = [];
		this.seq = {};
		this.forms.clear();
		this.submissions.clear();
		this.notes.clear();
		this.submissionTies = 'stable';
		this.noteTies = 'stable';
		this.resetCampaignsAndEmails();
		for (const u of this.initialUsers) this.addUser(u);
		for (const f of coreFields()) this.fields.set(f.id, f);
		this.seq.field = Math.max(...this.fields.keys());
		this.layoutCache = null;
		this.resetStagesAndMessages();
	}

	/** @param {string} kind */
	nextId(kind) {
		this.seq[kind] = (this.seq[kind] || 0) + 1;
		return this.seq[kind];
	}

	now() {
		return now();
	}

	// ---- users -------------------------------------------------------------

	/** @param {Partial<User> & {username: string}} u */
	addUser(u) {
		const id = u.id ?? Math.max(0, ...this.users.keys()) + 1;
		/** @type {User} */
		const user = {
			id,
			username: u.username,
			password: u.password ?? 'password',
			firstName: u.firstName ?? u.username,
			lastName: u.lastName ?? '',
			email: u.email ?? `${u.username}@example.com`,
			position: u.position ?? null,
			isPublished: u.isPublished ?? true,
			dateAdded: u.dateAdded ?? INSTALL_DATE,
			timezone: u.timezone ?? null,
			locale: u.locale ?? null,
			isAdmin: u.isAdmin ?? true,
		};
		this.users.set(id, user);
		return user;
	}

	/** @param {number|null|undefined} id */
	getUser(id) {
		return id === null || id === undefined ? undefined : this.users.get(Number(id));
	}

	/** @param {User|undefined} user */
	userName(user) {
		return user ? `${user.firstName} ${user.lastName}`.trim() : null;
	}

	// ---- fields ------------------------------------------------------------

	/**
	 * Adds a custom field (like creating it in Mautic's UI).
	 * @param {{ alias: string, label?: string, type?: string, group?: string, object?: 'lead'|'company',
	 *   properties?: Record<string, any>, defaultValue?: unknown, isUniqueIdentifier?: boolean,
	 *   isRequired?: boolean, isPublished?: boolean, dateAdded?: Date }} f
	 */
	addField(f) {
		const object = f.object ?? 'lead';
		const type = f.type ?? 'text';
		const id = this.nextId('field');
		const sameObject = [...this.fields.values()].filter((x) => x.object === object);
		/** @type {Record<string, any>} */
		let properties = f.properties ?? {};
		if (type === 'boolean' && !properties.yes) properties = { no: 'No', yes: 'Yes', ...properties };
		/** @type {FieldDef} */
		const def = {
			id,
			label: f.label ?? f.alias,
			alias: f.alias,
			type,
			group: f.group ?? 'core',
			order: Math.max(0, ...sameObject.map((x) => x.order)) + 1,
			object,
			defaultValue: f.defaultValue ?? null,
			isRequired: f.isRequired ?? false,
			isPublished: f.isPublished ?? true,
			isFixed: false,
			isListable: true,
			isVisible: true,
			isShortVisible: false,
			isUniqueIdentifier: f.isUniqueIdentifier ?? false,
			isPubliclyUpdatable: false,
			charLengthLimit: type === 'text' || type === 'lookup' ? 191 : null,
			properties,
			dateAdded: f.dateAdded ?? now(),
			dateModified: null,
			createdBy: 1,
			createdByUser: this.userName(this.getUser(1)),
			modifiedBy: null,
			modifiedByUser: null,
		};
		this.fields.set(id, def);
		return def;
	}

	/** Published fields of an object, in field order. @param {'lead'|'company'} [object] */
	objectFields(object = 'lead') {
		if (object === 'lead') return this.leadLayout().fields.slice();
		return [...this.fields.values()]
			.filter((f) => f.object === object && f.isPublished)
			.sort((a, b) => a.order - b.order || a.id - b.id);
	}

	/**
	 * Published contact fields in field order with their per-field serialization data. Cached; the cache
	 * is checked against every field's attributes on each call, and the field properties are compared
	 * by content in revalidateFields() (called at the start of each request).
	 * @returns {FieldLayout}
	 */
	leadLayout() {
		const cache = this.layoutCache;
		if (cache && this.layoutMatches(cache.snapshot)) return cache.layout;
		const snapshot = this.layoutSnapshot();
		const fields = [...this.fields.values()]
			.filter((f) => f.object === 'lead' && f.isPublished)
			.sort((a, b) => a.order - b.order || a.id - b.id);
		const layout = {
			fields,
			meta: fields.map((def) => ({ def, view: null, listOptions: undefined })),
			unique: fields.filter((f) => f.isUniqueIdentifier),
		};
		this.layoutCache = { snapshot, fingerprint: this.fieldsFingerprint(), layout };
		return layout;
	}

	/** The field attributes the cached layout depends on, in store order. @returns {unknown[]} */
	layoutSnapshot() {
		/** @type {unknown[]} */
		const out = [];
		for (const f of this.fields.values()) {
			out.push(
				f,
				f.object,
				f.isPublished,
				f.order,
				f.id,
				f.alias,
				f.label,
				f.type,
				f.group,
				f.isFixed,
				f.defaultValue,
				f.properties,
				f.isUniqueIdentifier,
			);
		}
		return out;
	}

	/** @param {unknown[]} s */
	layoutMatches(s) {
		if (s.length !== this.fields.size * 13) return false;
		let i = 0;
		for (const f of this.fields.values()) {
			if (
				s[i] !== f ||
				s[i + 1] !== f.object ||
				s[i + 2] !== f.isPublished ||
				s[i + 3] !== f.order ||
				s[i + 4] !== f.id ||
				s[i + 5] !== f.alias ||
				s[i + 6] !== f.label ||
				s[i + 7] !== f.type ||
				s[i + 8] !== f.group ||
				s[i + 9] !== f.isFixed ||
				s[i + 10] !== f.defaultValue ||
				s[i + 11] !== f.properties ||
				s[i + 12] !== f.isUniqueIdentifier
			)
				return false;
			i += 13;
		}
		return true;
	}

	/** Field properties by content (they are objects that could be changed in place); null if they cannot be read. */
	fieldsFingerprint() {
		try {
			let s = '';
			for (const f of this.fields.values())
				s += phpSerialize(f.properties || {}) + JSON.stringify(f.properties ?? null) + '\u0000';
			return s;
		} catch {
			return null;
		}
	}

	/** Drops the cached field layout when a field's properties changed in place. */
	revalidateFields() {
		const cache = this.layoutCache;
		if (cache && (cache.fingerprint === null || cache.fingerprint !== this.fieldsFingerprint()))
			this.layoutCache = null;
	}

	/** @param {string} alias @param {'lead'|'company'} [object] */
	fieldByAlias(alias, object = 'lead') {
		for (const f of this.fields.values())
			if (f.object === object && f.alias === alias && f.isPublished) return f;
		return undefined;
	}

	// ---- tags --------------------------------------------------------------

	/** Case-insensitive like MySQL's collation. @param {string} name */
	tagByName(name) {
		const n = name.toLowerCase();
		for (const t of this.tags.values()) if (t.tag.toLowerCase() === n) return t;
		return undefined;
	}

	/** @param {string} name */
	ensureTag(name) {
		const existing = this.tagByName(name);
		if (existing) return existing;
		const t = { id: this.nextId('tag'), tag: name, description: null };
		this.tags.set(t.id, t);
		return t;
	}

	// ---- contacts ----------------------------------------------------------

	/** @param {string} email @param {number} [exceptId] */
	findContactByEmail(email, exceptId) {
		return this.findContactsByValue('email', String(email).toLowerCase(), exceptId);
	}

	/**
	 * The first contact (in store order) other than `exceptId` whose string value of `alias`, lower-cased,
	 * equals `key`: what a scan of all contacts would return, through the value index.
	 * @param {string} alias
	 * @param {string} key lower-cased
	 * @param {number} [exceptId]
	 * @returns {Contact|undefined}
	 */
	findContactsByValue(alias, key, exceptId) {
		// the index follows the contacts through ContactMap; a map put in its place by a test gets scanned
		if (!(this.contacts instanceof ContactMap)) return this.scanContacts(alias, key, exceptId);
		const hit = this.valueIndex.ensure(alias).get(key);
		if (hit === undefined) return undefined;
		if (!Array.isArray(hit)) {
			const v = hit.values[alias];
			if (this.contacts.get(hit.id) === hit && typeof v === 'string' && v.toLowerCase() === key)
				return hit.id !== exceptId ? hit : undefined;
		}
		// several contacts share the value, or the index is out of date (a contact changed behind its back):
		// scan like before and re-file the contacts found
		const found = this.scanContacts(alias, key, exceptId);
		for (const c of Array.isArray(hit) ? [...hit] : [hit]) {
			if (this.contacts.get(c.id) === c) this.valueIndex.update(c);
			else this.valueIndex.remove(c);
		}
		if (found) this.valueIndex.update(found);
		return found;
	}

	/** findContactsByValue without the index. @param {string} alias @param {string} key @param {number} [exceptId] */
	scanContacts(alias, key, exceptId) {
		for (const c of this.contacts.values()) {
			const v = c.values[alias];
			if (c.id !== exceptId && typeof v === 'string' && v.toLowerCase() === key) return c;
		}
		return undefined;
	}

	/** All contacts in store order, as a shared array that must not be modified. @returns {Contact[]} */
	contactList() {
		return this.contacts instanceof ContactMap
			? this.contacts.valuesList()
			: [...this.contacts.values()];
	}

	/** Re-files a stored contact in the value index after its values changed. @param {Contact} c */
	touchContact(c) {
		if (c.id && this.contacts.get(c.id) === c) this.valueIndex.update(c);
	}

	/** A contact that is not stored yet (id 0). @param {number|null} [createdBy] */
	blankContact(createdBy = null) {
		/** @type {Contact} */
		const c = {
			id: 0,
			isPublished: true,
			dateAdded: now(),
			dateModified: null,
			createdBy,
			createdByUser: createdBy ? this.userName(this.getUser(createdBy)) : null,
			modifiedBy: null,
			modifiedByUser: null,
			ownerId: null,
			points: 0,
			lastActive: null,
			dateIdentified: null,
			color: null,
			preferredProfileImage: null,
			ipAddresses: [],
			tagIds: [],
			utmtags: [],
			doNotContact: [],
			frequencyRules: [],
			values: {},
		};
		return c;
	}

	/**
	 * Inserts a contact directly (tests and seed). Values are stored as Mautic stores them:
	 * numbers for number fields, 0/1 for booleans, 'Y-m-d' for dates, '|'-joined multiselects.
	 * @param {Record<string, any>} values
	 * @param {{ tags?: string[], ownerId?: number|null, points?: number, dateAdded?: Date, lastActive?: Date|null,
	 *   createdBy?: number|null, identified?: boolean }} [opts]
	 */
	createContact(values, opts = {}) {
		const c = this.blankContact(opts.createdBy === undefined ? 1 : opts.createdBy);
		c.id = this.nextId('contact');
		if (opts.dateAdded) c.dateAdded = opts.dateAdded;
		c.values = { ...values };
		c.ownerId = opts.ownerId ?? null;
		c.points = opts.points ?? 0;
		c.lastActive = opts.lastActive ?? null;
		const identified =
			opts.identified ?? !!(values.email || values.firstname || values.lastname || values.company);
		if (identified) c.dateIdentified = c.dateAdded;
		for (const t of opts.tags || []) c.tagIds.push(this.ensureTag(t).id);
		this.contacts.set(c.id, c);
		if (c.dateIdentified) {
			const by = c.createdByUser ?? 'API';
			this.addTimeline(
				c.id,
				'lead.source.identified',
				`Contact was identified by ${by}`,
				c.dateIdentified,
				{ objectDescription: by },
			);
		}
		return c;
	}

	/**
	 * @param {number} contactId
	 * @param {string} event
	 * @param {unknown} eventLabel
	 * @param {Date} timestamp
	 * @param {any} details
	 */
	addTimeline(contactId, event, eventLabel, timestamp, details) {
		const e = { id: this.nextId('timeline'), contactId, event, eventLabel, timestamp, details };
		this.timeline.push(e);
		return e;
	}

	// ---- segments ----------------------------------------------------------

	/** @param {string} base @param {number} [exceptId] */
	uniqueSegmentAlias(base, exceptId) {
		let alias = slugify(base);
		const taken = (/** @type {string} */ a) =>
			[...this.segments.values()].some((s) => s.alias === a && s.id !== exceptId);
		let i = 1;
		const root = alias;
		while (taken(alias)) alias = `${root}${i++}`;
		return alias;
	}

	/**
	 * @param {{ name: string, alias?: string, description?: string|null, isGlobal?: boolean, isPublished?: boolean,
	 *   createdBy?: number, filters?: Record<string, any>[], isPreferenceCenter?: boolean, publicName?: string,
	 *   dateAdded?: Date }} s
	 */
	createSegment(s) {
		const createdBy = s.createdBy ?? 1;
		/** @type {Segment} */
		const seg = {
			isPublished: s.isPublished ?? true,
			dateAdded: s.dateAdded ?? now(),
			dateModified: null,
			createdBy,
			createdByUser: this.userName(this.getUser(createdBy)),
			modifiedBy: null,
			modifiedByUser: null,
			id: this.nextId('segment'),
			name: s.name,
			publicName: s.publicName ?? s.name,
			alias: '',
			description: s.description ?? null,
			filters: s.filters ?? [],
			isGlobal: s.isGlobal ?? true,
			isPreferenceCenter: s.isPreferenceCenter ?? false,
		};
		seg.alias = this.uniqueSegmentAlias(s.alias || s.name);
		this.segments.set(seg.id, seg);
		this.segmentMembers.set(seg.id, new Map());
		return seg;
	}

	/** @param {string} alias */
	segmentByAlias(alias) {
		const a = alias.toLowerCase();
		for (const s of this.segments.values()) if (s.alias.toLowerCase() === a) return s;
		return undefined;
	}

	/** Adds membership without events (tests/seed). @param {number} segmentId @param {number} contactId @param {Date} [dateAdded] */
	addToSegment(segmentId, contactId, dateAdded) {
		let m = this.segmentMembers.get(segmentId);
		if (!m) this.segmentMembers.set(segmentId, (m = new Map()));
		if (!m.has(contactId))
			m.set(contactId, {
				dateAdded: dateAdded ?? now(),
				manuallyAdded: true,
				manuallyRemoved: false,
			});
	}

	/** @param {number} contactId */
	segmentsOf(contactId) {
		/** @type {Segment[]} */
		const out = [];
		for (const [sid, members] of this.segmentMembers) {
			const seg = this.segments.get(sid);
			if (seg && members.has(contactId)) out.push(seg);
		}
		return out;
	}

	// ---- points ------------------------------------------------------------

	/** @param {{ name: string, description?: string|null, isPublished?: boolean, dateAdded?: Date }} g */
	createPointGroup(g) {
		/** @type {PointGroup} */
		const group = {
			isPublished: g.isPublished ?? true,
			dateAdded: g.dateAdded ?? now(),
			dateModified: null,
			createdBy: 1,
			createdByUser: this.userName(this.getUser(1)),
			modifiedBy: null,
			modifiedByUser: null,
			id: this.nextId('pointGroup'),
			name: g.name,
			description: g.description ?? null,
		};
		this.pointGroups.set(group.id, group);
		return group;
	}

	/** @param {number} contactId @param {number} groupId @param {number} score */
	setGroupScore(contactId, groupId, score) {
		let m = this.groupScores.get(contactId);
		if (!m) this.groupScores.set(contactId, (m = new Map()));
		m.set(groupId, score);
	}

	/** @param {Partial<Insight> & { name: string }} i */
	createInsight(i) {
		/** @type {Insight} */
		const ins = {
			id: this.nextId('insight'),
			name: i.name,
			category: null,
			description: i.description ?? null,
			insightType: i.insightType ?? 'compare_point_groups',
			insightAction: i.insightAction ?? 'set_custom_field',
			customField: i.customField ?? null,
			pointGroups: i.pointGroups ?? [],
			isPublished: i.isPublished ?? true,
		};
		this.insights.set(ins.id, ins);
		return ins;
	}

	// ---- hooks -------------------------------------------------------------

	generateSecret() {
		return crypto.randomBytes(24).toString('base64url');
	}

	/** @param {{ name?: string, webhookUrl: string, triggers?: string[], secret?: string, isPublished?: boolean,
	 *   eventsOrderbyDir?: string|null, description?: string|null }} h */
	createHook(h) {
		/** @type {Hook} */
		const hook = {
			isPublished: h.isPublished ?? true,
			dateAdded: now(),
			dateModified: null,
			createdBy: 1,
			createdByUser: this.userName(this.getUser(1)),
			modifiedBy: null,
			modifiedByUser: null,
			id: this.nextId('hook'),
			name: h.name ?? 'hook',
			description: h.description ?? null,
			webhookUrl: h.webhookUrl,
			secret: h.secret ?? this.generateSecret(),
			eventsOrderbyDir: h.eventsOrderbyDir ?? null,
			triggers: [...(h.triggers ?? [])],
		};
		this.hooks.set(hook.id, hook);
		return hook;
	}

	// ---- stages, text messages, categories, reports, stats tables (#17, #18) ----

	/** Creates (or empties) the maps of this section; reset() calls it. */
	/** Empties this section's maps and seeds the system reports; reset() calls it. */
	resetStagesAndMessages() {
		/** @type {Map<number, any>} */ this.stages = new Map();
		/** @type {Map<number, number>} contact id -> stage id */ this.contactStages = new Map();
		/** @type {{ id: number, leadId: number, stageId: number, eventName: string, actionName: string, dateAdded: Date }[]} */
		this.stageLog = [];
		/** @type {Map<number, any>} */ this.smses = new Map();
		/** SMS transport: 'disabled' (a stock Mautic), 'enabled' (sends succeed) or a failure text. */
		this.smsTransport = 'disabled';
		/** @type {{ id: number, smsId: number, leadId: number, dateSent: Date, isFailed: boolean }[]} */
		this.smsStats = [];
		/** @type {Map<number, any>} */ this.categories = new Map();
		/** @type {Map<number, any>} */ this.reports = new Map();
		/** Rows of `/stats` tables that tests fill (all values strings, as Mautic answers). @type {Map<string, Record<string, string>[]>} */
		this.statsTables = new Map();
		// The system reports every Mautic 5.1 installs (ids 1-5), without rows.
		for (const [name, source, dateColumn] of [
			['Visits published Pages', 'page.hits', 'date_hit'],
			['Downloads of all Assets', 'asset.downloads', 'date_download'],
			['Submissions of published Forms', 'form.submissions', 'date_submitted'],
			['All Emails', 'email.stats', 'date_sent'],
			['Leads and Points', 'lead.pointlog', 'date_added'],
		])
			this.createReport({ name, source, columns: [], rows: [], dateColumn });
	}

	/** @param {{ name: string, weight?: number, description?: string|null, isPublished?: boolean }} s */
	createStage(s) {
		const stage = {
			isPublished: s.isPublished ?? true,
			dateAdded: now(),
			dateModified: null,
			createdBy: 1,
			createdByUser: this.userName(this.getUser(1)),
			modifiedBy: null,
			modifiedByUser: null,
			id: this.nextId('stage'),
			name: s.name,
			category: null,
			weight: s.weight ?? 0,
			description: s.description ?? null,
			publishUp: null,
			publishDown: null,
		};
		this.stages.set(stage.id, stage);
		return stage;
	}

	/**
	 * LeadModel::addToStages / removeFromStages: sets (or clears) the contact's stage and logs it.
	 * @param {number} contactId @param {any} stage @param {'add'|'remove'} action
	 */
	setContactStage(contactId, stage, action) {
		if (action === 'add') this.contactStages.set(contactId, stage.id);
		else this.contactStages.delete(contactId);
		const entry = {
			id: this.stageLog.length + 1,
			leadId: contactId,
			stageId: stage.id,
			eventName: `${stage.id}: ${stage.name}`,
			actionName: action === 'add' ? 'Manually Added' : 'Manually Removed',
			dateAdded: now(),
		};
		this.stageLog.push(entry);
		this.addTimeline(contactId, 'stage.changed', `${stage.id}: ${stage.name}`, entry.dateAdded, {
			log: entry,
		});
	}

	/** @param {{ name: string, message: string, isPublished?: boolean, language?: string }} m */
	createSms(m) {
		const sms = {
			isPublished: m.isPublished ?? true,
			dateAdded: now(),
			dateModified: null,
			createdBy: 1,
			createdByUser: this.userName(this.getUser(1)),
			modifiedBy: null,
			modifiedByUser: null,
			id: this.nextId('sms'),
			name: m.name,
			description: null,
			message: m.message,
			language: m.language ?? 'en',
			category: null,
			publishUp: null,
			publishDown: null,
			sentCount: 0,
		};
		this.smses.set(sms.id, sms);
		return sms;
	}

	/** @param {{ title: string, bundle?: string, description?: string|null, color?: string|null }} c */
	createCategory(c) {
		const category = {
			isPublished: true,
			createdBy: 1,
			id: this.nextId('category'),
			title: c.title,
			alias: slugify(c.title),
			description: c.description ?? null,
			color: c.color ?? null,
			bundle: c.bundle ?? 'global',
		};
		this.categories.set(category.id, category);
		return category;
	}

	/**
	 * A report whose data are the given rows (the fake runs no report engine). `dateColumn` names
	 * the row value the dateFrom/dateTo filter applies to.
	 * @param {{ name: string, source?: string, columns?: string[], rows?: Record<string, string>[], dateColumn?: string }} r
	 */
	createReport(r) {
		const report = {
			id: this.nextId('report'),
			name: r.name,
			description: null,
			system: true,
			isScheduled: false,
			source: r.source ?? 'leads',
			columns: r.columns ?? Object.keys((r.rows ?? [])[0] ?? {}),
			filters: [],
			tableOrder: [],
			graphs: [],
			groupBy: [],
			settings: [],
			aggregators: [],
			scheduleUnit: null,
			toAddress: null,
			scheduleDay: null,
			scheduleMonthFrequency: null,
			rows: r.rows ?? [],
			dateColumn: r.dateColumn ?? null,
		};
		this.reports.set(report.id, report);
		return report;
	}

	// ---- companies ----------------------------------------------------------

	/**
	 * Adds a company without events (tests/seed). `values` are field alias -> stored value.
	 * @param {Record<string, unknown>} values @param {{ ownerId?: number|null }} [opts]
	 */
	createCompany(values, opts = {}) {
		/** @type {Company} */
		const co = {
			id: this.nextId('company'),
			values: { ...values },
			ownerId: opts.ownerId ?? null,
			score: 0,
			dateAdded: now(),
		};
		this.companies.set(co.id, co);
		return co;
	}

	/**
	 * Links a contact to a company (CompanyModel::addLeadToCompany); the first company of a contact
	 * becomes its primary one and fills its `company` field.
	 * @param {number} companyId @param {number} contactId
	 */
	linkCompany(companyId, contactId) {
		let links = this.companyLeads.get(companyId);
		if (!links) this.companyLeads.set(companyId, (links = new Map()));
		if (links.has(contactId)) return false;
		const primary = this.companiesOfContact(contactId).length === 0;
		links.set(contactId, { dateAdded: now(), isPrimary: primary });
		const c = this.contacts.get(contactId);
		const co = this.companies.get(companyId);
		if (primary && c && co) {
			c.values.company = co.values.companyname ?? null;
			this.touchContact(c);
		}
		return true;
	}

	/** @param {number} companyId @param {number} contactId */
	unlinkCompany(companyId, contactId) {
		const links = this.companyLeads.get(companyId);
		if (!links || !links.delete(contactId)) return false;
		const c = this.contacts.get(contactId);
		const rest = this.companiesOfContact(contactId);
		if (c) {
			const next = rest[0] ? this.companies.get(rest[0].companyId) : undefined;
			if (next)
				/** @type {CompanyLink} */ (this.companyLeads.get(next.id)?.get(contactId)).isPrimary =
					true;
			c.values.company = next ? (next.values.companyname ?? null) : null;
			this.touchContact(c);
		}
		return true;
	}

	/** @param {number} contactId @returns {Array<{ companyId: number } & CompanyLink>} */
	companiesOfContact(contactId) {
		const out = [];
		for (const [companyId, links] of this.companyLeads) {
			const link = links.get(contactId);
			if (link && this.companies.has(companyId)) out.push({ companyId, ...link });
		}
		return out.sort((a, b) => a.companyId - b.companyId);
	}

	/**
	 * Companies sharing a published unique-identifier value with `values` (CompanyDeduper, OR of
	 * the fields, MySQL's case-insensitive collation), oldest first.
	 * @param {Record<string, unknown>} values @param {number} [exceptId]
	 */
	findCompaniesByUnique(values, exceptId) {
		const unique = this.objectFields('company').filter((f) => f.isUniqueIdentifier);
		/** @param {unknown} v */
		const key = (v) => String(v).trim().normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
		const wanted = unique
			.filter(
				(f) => values[f.alias] !== undefined && values[f.alias] !== null && values[f.alias] !== '',
			)
			.map((f) => [f.alias, key(values[f.alias])]);
		if (!wanted.length) return [];
		return [...this.companies.values()].filter(
			(co) =>
				co.id !== exceptId &&
				wanted.some(
					([alias, v]) =>
						co.values[alias] !== null &&
						co.values[alias] !== undefined &&
						key(co.values[alias]) === v,
				),
		);
	}

	// ---- forms, submissions and notes -----------------------------------------

	/**
	 * Creates a published form with fields (as `POST /forms/new` does).
	 * @param {{ name: string, fields?: Array<{ label: string, alias?: string, type?: string, isRequired?: boolean,
	 *   mappedField?: string|null, mappedObject?: string|null, properties?: Record<string, any> }>,
	 *   isPublished?: boolean, description?: string|null }} f
	 * @returns {Form}
	 */
	createForm(f) {
		const { cleanAlias, applyFields } = require('./routes/forms');
		/** @type {Form} */
		const form = {
			isPublished: f.isPublished ?? true,
			dateAdded: now(),
			dateModified: null,
			createdBy: 1,
			createdByUser: this.userName(this.getUser(1)),
			modifiedBy: null,
			modifiedByUser: null,
			id: this.nextId('form'),
			name: f.name,
			alias: cleanAlias(f.name, 10),
			description: f.description ?? null,
			formType: 'standalone',
			postAction: 'message',
			postActionProperty: null,
			fields: applyFields(this, f.fields ?? []),
		};
		this.forms.set(form.id, form);
		return form;
	}

	/**
	 * Stores a submission (no webhook; `POST /form/submit` sends one).
	 * @param {{ formId: number, contactId?: number|null, results: Record<string, string>, dateSubmitted?: Date,
	 *   referer?: string, ip?: string }} s
	 * @returns {Submission}
	 */
	addSubmission(s) {
		/** @type {Submission} */
		const submission = {
			id: this.nextId('submission'),
			formId: s.formId,
			contactId: s.contactId ?? null,
			ip: s.ip ?? '127.0.0.1',
			trackingId: crypto.randomBytes(12).toString('hex').slice(0, 23),
			dateSubmitted: s.dateSubmitted ?? now(),
			referer: s.referer ?? '',
			results: { ...s.results },
		};
		this.submissions.set(submission.id, submission);
		return submission;
	}

	/**
	 * @param {{ contactId: number, text: string, type?: string, dateTime?: Date|null }} n
	 * @returns {Note}
	 */
	createNote(n) {
		/** @type {Note} */
		const note = {
			id: this.nextId('note'),
			contactId: n.contactId,
			text: n.text,
			type: n.type ?? 'general',
			dateTime: n.dateTime ?? null,
		};
		this.notes.set(note.id, note);
		return note;
	}

	// ---- campaigns and emails (routes/campaigns.js, routes/emails.js) -------

	/** Empties campaigns, their members, emails and email stats (called by reset). */
	resetCampaignsAndEmails() {
		this.campaigns.clear();
		this.campaignMembers.clear();
		this.emails.clear();
		this.emailStats = [];
		this.mailerError = null;
	}

	/** @param {Partial<Campaign> & { name: string }} c */
	createCampaign(c) {
		const id = this.nextId('campaign');
		/** @type {Campaign} */
		const campaign = {
			isPublished: true,
			dateAdded: now(),
			dateModified: null,
			createdBy: 1,
			createdByUser: this.userName(this.getUser(1)),
			modifiedBy: null,
			modifiedByUser: null,
			description: null,
			allowRestart: false,
			publishUp: null,
			publishDown: null,
			events: [],
			lists: [],
			forms: [],
			canvasSettings: null,
			...c,
			id,
		};
		this.campaigns.set(id, campaign);
		this.campaignMembers.set(id, new Map());
		return campaign;
	}

	/** @param {Partial<Email> & { name: string }} e */
	createEmail(e) {
		const id = this.nextId('email');
		/** @type {Email} */
		const email = {
			isPublished: true,
			dateAdded: now(),
			dateModified: null,
			createdBy: 1,
			createdByUser: this.userName(this.getUser(1)),
			modifiedBy: null,
			modifiedByUser: null,
			subject: e.name,
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
			...e,
			id,
		};
		this.emails.set(id, email);
		return email;
	}
}

module.exports = { Store, now, slugify, fieldViewData };
