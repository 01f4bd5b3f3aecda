// @ts-check
'use strict';

/**
 * GET /users/self: the authenticated user, unwrapped and without nulls (no serialization context).
 * GET /contacts/list/owners: plain array of {id, firstName, lastName} (UserRepository::getUserList).
 */

const { stripNulls } = require('../php-json');

/** @param {import('../store').User} u */
function userView(u) {
	return stripNulls({
		isPublished: u.isPublished ?? true,
		// the installer's admin has no creation date on a real 5.1
		dateAdded: null,
		dateModified: null,
		createdBy: null,
		createdByUser: null,
		modifiedBy: null,
		modifiedByUser: null,
		id: u.id,
		username: u.username,
		firstName: u.firstName,
		lastName: u.lastName,
		email: u.email,
		position: u.position ?? null,
		role: {
			isPublished: true,
			createdByUser: null,
			modifiedByUser: null,
			id: 1,
			name: u.isAdmin === false ? 'Sales' : 'Administrator',
			description: u.isAdmin === false ? null : 'Full system access',
			isAdmin: u.isAdmin !== false,
			rawPermissions: null,
		},
		timezone: u.timezone ?? '',
		locale: u.locale ?? '',
		lastLogin: null,
		lastActive: null,
		signature: null,
	});
}

/** @param {import('../router').Router} r */
module.exports = function userRoutes(r) {
	r.get('/users/self', (ctx) =>
		ctx.ok(userView(/** @type {import('../store').User} */ (ctx.user))),
	);

	r.get('/contacts/list/owners', (ctx) => {
		const q = ctx.query;
		const filter = typeof q.filter === 'string' ? q.filter.toLowerCase() : '';
		/** @type {import('../store').User[]} */
		let users = [...ctx.store.users.values()].filter((u) => u.isPublished !== false);
		if (filter)
			users = users.filter((u) => `${u.firstName} ${u.lastName}`.toLowerCase().includes(filter));
		users.sort(
			(a, b) => a.firstName.localeCompare(b.firstName) || a.lastName.localeCompare(b.lastName),
		);
		const start = Math.max(0, parseInt(String(q.start ?? '0'), 10) || 0);
		const limit = parseInt(String(q.limit ?? '0'), 10) || 0;
		users = limit > 0 ? users.slice(start, start + limit) : users.slice(start);
		return ctx.ok(users.map((u) => ({ id: u.id, firstName: u.firstName, lastName: u.lastName })));
	});
};

module.exports.userView = userView;
