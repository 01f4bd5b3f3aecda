// @ts-check
'use strict';

/**
 * Writing contacts the way LeadApiController does: form conversion and validation, then
 * preSaveEntity (owner, tags, ipAddress, lastActive, doNotContact) and setCustomFieldValues
 * (blank and zero handling), then the save with its webhook events.
 */

const { convertInput, isAnonymous, isNumeric, phpInt, parseDate } = require('./contact-values');
const { validationError } = require('./errors');
const { contactView } = require('./contact-view');

/** @typedef {import('./store').Store} Store */
/** @typedef {import('./store').Contact} Contact */
/** @typedef {{ fields: Record<string, [unknown, unknown]>, owner?: [unknown, unknown], tags?: [string[], string[]],
 *   points?: [number, number], pointsLogged?: boolean, ipAddresses?: string[], lastActive?: boolean, dateIdentified?: boolean, dnc?: boolean }} Changes */

/** @param {unknown} v */
const isBlank = (v) => v === null || v === undefined || v === '';

/** @param {unknown} a @param {unknown} b */
function sameValue(a, b) {
	if (isBlank(a) && isBlank(b))
		return a === b || (a === null && b === undefined) || (a === undefined && b === null);
	if (isBlank(a) || isBlank(b)) return false;
	return String(a) === String(b);
}

/**
 * LeadModel::modifyTags: array or comma string, "-tag" removes, unknown tags are created.
 * @param {Store} store
 * @param {Contact} c
 * @param {unknown} tags
 */
function modifyTags(store, c, tags) {
	const list = Array.isArray(tags) ? tags : String(tags).split(',');
	const before = c.tagIds.map((id) => store.tags.get(id)?.tag ?? '');
	for (const raw of list) {
		const name = String(raw ?? '').trim();
		if (!name) continue;
		if (name.startsWith('-')) {
			const t = store.tagByName(name.slice(1).trim());
			if (t) c.tagIds = c.tagIds.filter((id) => id !== t.id);
		} else {
			const t = store.ensureTag(name);
			if (!c.tagIds.includes(t.id)) c.tagIds.push(t.id);
		}
	}
	const after = c.tagIds.map((id) => store.tags.get(id)?.tag ?? '');
	return before.join('\u0000') === after.join('\u0000')
		? null
		: /** @type {[string[], string[]]} */ ([before, after]);
}

/**
 * Adds or removes a DNC entry. Returns true when something changed.
 * @param {Store} store
 * @param {Contact} c
 * @param {string} channel
 * @param {number} reason 0 removes
 * @param {string} [comments]
 * @param {number|null} [channelId]
 */
function setDnc(store, c, channel, reason, comments = '', channelId = null) {
	const existing = c.doNotContact.find((d) => d.channel === channel);
	if (reason === 0) {
		if (!existing) return false;
		c.doNotContact = c.doNotContact.filter((d) => d !== existing);
		return true;
	}
	if (existing) {
		if (existing.reason === reason) return false;
		existing.reason = reason;
		existing.comments = comments;
		return true;
	}
	c.doNotContact.push({
		id: store.nextId('dnc'),
		dateAdded: store.now(),
		reason,
		comments,
		channel,
		channelId,
	});
	return true;
}

/**
 * Applies request parameters to a contact (not yet saved). Mirrors CommonApiController::processForm
 * for LeadApiController.
 * @param {Store} store
 * @param {Contact} c
 * @param {Record<string, any>} input
 * @param {'POST'|'PATCH'|'PUT'} method
 * @returns {{ error: {code: number, message: string, details: any} } | { changes: Changes }}
 */
function applyContactInput(store, c, input, method) {
	const params = { ...(input && typeof input === 'object' && !Array.isArray(input) ? input : {}) };
	delete params.id;
	const postOrPatch = method === 'POST' || method === 'PATCH';
	const layout = store.leadLayout();
	const fields = layout.fields;

	// prepareParametersForBinding: new contacts and PUT get field defaults for missing empty fields
	if (method === 'POST' || method === 'PUT') {
		for (const f of fields) {
			const cur = f.alias === 'points' ? c.points : c.values[f.alias];
			if (!(f.alias in params) && isBlank(cur) && !isBlank(f.defaultValue))
				params[f.alias] = f.defaultValue;
		}
	}

	// RequestTrait::prepareParametersFromRequest: booleans are read with FILTER_VALIDATE_BOOLEAN. On a
	// loaded (existing) contact the magic setter stores them directly, outside the form and the zero
	// filter; a new contact has no fields loaded yet, so the value goes through the form as 0/1.
	/** @type {Record<string, number>} */
	const directBooleans = {};
	for (const f of fields) {
		if (f.type !== 'boolean' || params[f.alias] === undefined || params[f.alias] === null) continue;
		let v = params[f.alias];
		if (Array.isArray(v) && v.length === 1) v = v[0];
		if (v === '') continue;
		const truthy =
			v === true || v === 1 || (typeof v === 'string' && /^(1|true|on|yes)$/i.test(v.trim()));
		if (c.id) {
			directBooleans[f.alias] = truthy ? 1 : 0;
			delete params[f.alias];
		} else params[f.alias] = truthy ? 1 : 0;
	}

	let overwriteWithBlank = !postOrPatch;
	const owb = params.overwriteWithBlank;
	if (owb !== undefined && owb !== null && owb !== false && owb !== 0 && owb !== '' && owb !== '0')
		overwriteWithBlank = true;
	// The form is submitted with clearMissing for every method but PATCH: fields not sent become
	// blank, and count once blanks are written (PUT, or POST with overwriteWithBlank; real 5.1).
	const clearsMissing = method === 'PUT' || (method === 'POST' && overwriteWithBlank);

	// form submit + validation
	/** @type {{field: string, message: string, code?: number}[]} */
	const violations = [];
	/** @type {Record<string, any>} */
	const data = {};
	for (const f of fields) {
		if (f.alias in directBooleans) continue;
		if (f.alias in params) {
			const r = convertInput(f, params[f.alias]);
			if ('error' in r) violations.push({ field: f.alias, message: r.error });
			else if ('value' in r) data[f.alias] = r.value;
			else if (clearsMissing) data[f.alias] = null;
		} else if (clearsMissing && f.alias !== 'points' && f.alias !== 'last_active') {
			data[f.alias] = null;
		}
	}
	if (!isBlank(params.stage) && store.stages && !store.stages.has(phpInt(params.stage))) {
		violations.push({ field: 'stage', message: 'This value is not valid.' });
	}
	if ('owner' in params && !isBlank(params.owner) && !store.getUser(phpInt(params.owner))) {
		violations.push({ field: 'owner', message: 'This value is not valid.' });
	}
	// UniqueCustomField (Mautic 5): a unique identifier already used by another contact
	for (const f of layout.unique) {
		if (isBlank(data[f.alias])) continue;
		const clash = store.findContactsByValue(f.alias, String(data[f.alias]).toLowerCase(), c.id);
		if (clash)
			violations.push({ field: f.alias, message: 'This field must be unique.', code: 422 });
	}
	if (violations.length) return { error: validationError(violations) };

	/** @type {Changes} */
	const changes = { fields: {} };
	for (const [alias, value] of Object.entries(directBooleans)) {
		const cur = c.values[alias] ?? null;
		if (!sameValue(cur, value)) {
			changes.fields[alias] = [cur, value];
			c.values[alias] = value;
		}
	}

	// preSaveEntity
	if ('owner' in params) {
		const newOwner = isBlank(params.owner) ? null : phpInt(params.owner);
		if (newOwner !== c.ownerId) {
			changes.owner = [c.ownerId, newOwner];
			c.ownerId = newOwner;
		}
	}
	// stage: set by preSaveEntity; LeadModel logs "Stage changed" only when the ID differs from the
	// stage of the contact's last stage history line (which a removal leaves behind)
	if (!isBlank(params.stage) && store.stages) {
		const stage = store.stages.get(phpInt(params.stage));
		if (stage) {
			const last = store.stageLog.filter((e) => e.leadId === c.id).at(-1);
			store.contactStages.set(c.id, stage.id);
			if (!last || last.stageId !== stage.id) {
				const entry = {
					id: store.stageLog.length + 1,
					leadId: c.id,
					stageId: stage.id,
					eventName: `${stage.id}:${stage.name}`,
					actionName: 'Stage changed',
					dateAdded: store.now(),
				};
				store.stageLog.push(entry);
				store.addTimeline(c.id, 'stage.changed', entry.eventName, entry.dateAdded, { log: entry });
			}
		}
	}
	if (params.tags !== undefined && params.tags !== null) {
		const t = modifyTags(store, c, params.tags);
		if (t) changes.tags = t;
	}
	if (!isBlank(params.ipAddress) && typeof params.ipAddress === 'string') {
		if (!c.ipAddresses.some((i) => i.ip === params.ipAddress)) {
			c.ipAddresses.push({ id: store.nextId('ip'), ip: params.ipAddress });
			changes.ipAddresses = [params.ipAddress];
		}
	}
	if (!isBlank(params.lastActive)) {
		const d = parseDate(params.lastActive);
		if (d && (!c.lastActive || c.lastActive.getTime() !== d.getTime())) {
			c.lastActive = d;
			changes.lastActive = true;
		}
	}
	if (Array.isArray(params.doNotContact)) {
		for (const dnc of params.doNotContact) {
			if (!dnc || typeof dnc !== 'object') continue;
			const reason = dnc.reason === undefined ? 3 : phpInt(dnc.reason);
			if (setDnc(store, c, dnc.channel || 'email', reason, dnc.comments || '')) changes.dnc = true;
		}
	}

	// setCustomFieldValues
	if (postOrPatch) {
		if ('points' in data && !data.points) delete data.points;
		// "we have to assume 0 was not meant to overwrite an existing value"
		for (const k of Object.keys(data))
			if (isNumeric(data[k]) && phpInt(data[k]) === 0) delete data[k];
	}
	// With overwriteWithBlank a real 5.1 binds the whole form: a field that was not sent and holds
	// nothing comes back in this request's answer as the form's empty value, '' (0 for numbers),
	// while the database keeps NULL (a later GET shows null again).
	const emptyBefore = overwriteWithBlank
		? fields.filter(
				(f) =>
					!(f.alias in params) &&
					!(f.alias in directBooleans) &&
					f.alias !== 'points' &&
					(f.alias === 'last_active' ? !c.lastActive : isBlank(c.values[f.alias] ?? null)),
			)
		: [];

	for (const [alias, value] of Object.entries(data)) {
		const blank = isBlank(value);
		if (blank && !overwriteWithBlank) continue;
		if (alias === 'points') {
			const p = blank ? 0 : Math.round(Number(value));
			if (p !== c.points) {
				changes.points = [c.points, p];
				c.points = p;
			}
			continue;
		}
		if (alias === 'last_active') {
			const d = blank ? null : parseDate(value);
			if ((d && d.getTime()) !== (c.lastActive && c.lastActive.getTime())) {
				c.lastActive = d;
				changes.lastActive = true;
			}
			continue;
		}
		const cur = c.values[alias] ?? null;
		if (!sameValue(cur, value)) {
			changes.fields[alias] = [cur, blank ? null : value];
			c.values[alias] = blank ? null : value;
		}
	}

	// What this request's answer shows that the database does not keep: the form's empty values
	// (in the group and in fields.all), and a yes/no changed on an existing contact, which
	// fields.all shows as the PHP boolean the entity holds while its group keeps the old value.
	/** @type {Map<string, { grouped: unknown, all: unknown }>} */
	const answerOnly = new Map(
		emptyBefore.map((f) => {
			const empty = f.type === 'number' ? 0 : '';
			return [f.alias, { grouped: empty, all: empty }];
		}),
	);
	for (const [alias, [before, after]] of Object.entries(changes.fields)) {
		if (alias in directBooleans && typeof input[alias] !== 'number')
			answerOnly.set(alias, { grouped: before, all: after === 1 });
	}
	c.answerOnly = answerOnly.size ? { request: store.requestSeq, values: answerOnly } : undefined;

	// LeadModel::saveEntity: identified once something identifies the person
	if (!c.dateIdentified && !isAnonymous(c)) {
		c.dateIdentified = store.now();
		changes.dateIdentified = true;
	}
	return { changes };
}

/** @param {Changes} ch */
function hasChanges(ch) {
	return !!(
		Object.keys(ch.fields).length ||
		ch.owner ||
		ch.tags ||
		ch.points ||
		ch.ipAddresses ||
		ch.lastActive ||
		ch.dateIdentified ||
		ch.dnc
	);
}

/**
 * @typedef {{ store: Store, user: import('./store').User|undefined, emit: (type: string, payload: Record<string, any>) => void }} SaveCtx
 */

/**
 * Persists a contact and emits the events LeadModel::saveEntity leads to.
 * @param {SaveCtx} ctx
 * @param {Contact} c
 * @param {Changes} changes
 */
function saveContact(ctx, c, changes) {
	const { store, user } = ctx;
	const isNew = !c.id;
	const t = store.now();
	if (isNew) {
		c.id = store.nextId('contact');
		c.dateAdded = t;
		c.createdBy = user ? user.id : null;
		c.createdByUser = store.userName(user);
		store.contacts.set(c.id, c);
	} else {
		c.dateModified = t;
		c.modifiedBy = user ? user.id : null;
		c.modifiedByUser = store.userName(user);
		store.touchContact(c);
	}
	// a real 5.1 logs an API-made contact once, as identified by the user who made it
	if (changes.dateIdentified && c.dateIdentified) {
		const by = store.userName(user) ?? 'API';
		store.addTimeline(
			c.id,
			'lead.source.identified',
			`Contact was identified by ${by}`,
			c.dateIdentified,
			{ objectDescription: by },
		);
	}
	// a `company` value links the contact to that company, created when missing (routes/companies.js)
	if (changes.fields && changes.fields.company) {
		require('./routes/companies').linkContactCompany(store, c);
	}
	if (changes.points && !changes.pointsLogged) {
		logPoints(store, c.id, changes.points[1] - changes.points[0], 'API', 'Contact API');
	}
	// WebhookSubscriber::onLeadNewUpdate: anonymous contacts and saves without changes are ignored
	if (!isAnonymous(c) && hasChanges(changes)) {
		const type = changes.dateIdentified
			? 'mautic.lead_post_save_new'
			: 'mautic.lead_post_save_update';
		ctx.emit(type, { contact: contactView(store, c, { mode: 'webhook' }) });
	}
	if (changes.points) {
		ctx.emit('mautic.lead_points_change', {
			contact: contactView(store, c, { mode: 'webhook' }),
			points: { old_points: changes.points[0], new_points: changes.points[1] },
		});
	}
}

/**
 * @param {Store} store
 * @param {number} contactId
 * @param {number} delta
 * @param {string} eventName
 * @param {string} actionName
 * @param {number} [groupId]
 */
function logPoints(store, contactId, delta, eventName, actionName, groupId) {
	const entry = {
		id: store.nextId('pointsLog'),
		contactId,
		type: 'api',
		eventName,
		actionName,
		delta,
		dateAdded: store.now(),
		groupId,
	};
	store.pointsLog.push(entry);
	// as a real 5.1 lists it: the group's name in the label and the log row, DBAL strings
	const groupName = groupId === undefined ? undefined : store.pointGroups.get(groupId)?.name;
	const label =
		groupName === undefined ? `${eventName} / ${delta}` : `${eventName} / ${delta} (${groupName})`;
	store.addTimeline(contactId, 'point.gained', label, entry.dateAdded, {
		log: {
			eventName,
			actionName,
			dateAdded: entry.dateAdded,
			type: 'API',
			delta: String(delta),
			id: String(entry.id),
			lead_id: String(contactId),
			...(groupName === undefined ? {} : { groupName }),
		},
	});
	return entry;
}

module.exports = { applyContactInput, saveContact, modifyTags, setDnc, logPoints, hasChanges };
