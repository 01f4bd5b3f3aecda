// @ts-check
'use strict';

/**
 * 'demo' seed for the sandbox: a small shop-like instance with custom fields, tagged contacts,
 * three segments, three point groups with scores, an insight and a second user.
 * Deterministic, so reset() always gives the same ids and values.
 */

/** @typedef {import('./store').Store} Store */

/** [firstname, lastname, email, company, city, country, tags, points, ownerId, shop_customer_id, favourite_category, newsletter_opt_in, last_order_date] */
const PEOPLE = [
	[
		'Anna',
		'Meier',
		'anna.meier@example.com',
		'Meier Design GmbH',
		'Zürich',
		'Switzerland',
		['newsletter', 'customer'],
		42,
		1,
		10001,
		'books',
		1,
		'2026-01-14',
	],
	[
		'Jürgen',
		'Müller',
		'juergen.mueller@example.com',
		'Müller & Söhne AG',
		'München',
		'Germany',
		['customer', 'vip'],
		120,
		2,
		10002,
		'electronics',
		1,
		'2026-02-02',
	],
	[
		'Chloé',
		'Dubois',
		'chloe.dubois@example.com',
		'Atelier Dubois',
		'Lyon',
		'France',
		['newsletter'],
		15,
		null,
		null,
		'fashion',
		1,
		null,
	],
	[
		'Marco',
		'Rossi',
		'marco.rossi@example.com',
		'Rossi Srl',
		'Milano',
		'Italy',
		['customer', 'webinar-2026'],
		64,
		1,
		10004,
		'sports',
		0,
		'2025-11-20',
	],
	[
		'Sofia',
		'Novak',
		'sofia.novak@example.com',
		'Novak Consulting',
		'Wien',
		'Austria',
		['newsletter', 'webinar-2026'],
		33,
		2,
		null,
		'garden',
		1,
		null,
	],
	[
		'Lukas',
		'Schmid',
		'lukas.schmid@example.com',
		'Schmid Holzbau',
		'Bern',
		'Switzerland',
		['customer'],
		8,
		null,
		10006,
		'garden',
		0,
		'2025-09-03',
	],
	[
		'Emma',
		'Johansson',
		'emma.johansson@example.com',
		'Nordlys AB',
		'Stockholm',
		'Sweden',
		['newsletter', 'customer', 'vip'],
		210,
		1,
		10007,
		'electronics',
		1,
		'2026-03-01',
	],
	[
		'Noah',
		'Keller',
		'noah.keller@example.com',
		'Keller Logistik',
		'Basel',
		'Switzerland',
		['webinar-2026'],
		5,
		null,
		null,
		null,
		null,
		null,
	],
	[
		'Léa',
		'Martin',
		'lea.martin@example.com',
		'Martin & Cie',
		'Genève',
		'Switzerland',
		['newsletter'],
		21,
		2,
		10009,
		'books',
		1,
		'2025-12-24',
	],
	[
		'Mateo',
		'García',
		'mateo.garcia@example.com',
		'García Hermanos SL',
		'Madrid',
		'Spain',
		['customer'],
		47,
		1,
		10010,
		'sports',
		0,
		'2026-01-30',
	],
	[
		'Zoë',
		'van Dijk',
		'zoe.vandijk@example.com',
		'Van Dijk Media',
		'Amsterdam',
		'Netherlands',
		['newsletter', 'webinar-2026'],
		19,
		null,
		null,
		'fashion',
		1,
		null,
	],
	[
		'Olivia',
		'Brown',
		'olivia.brown@example.com',
		'Brown & Partners Ltd',
		'London',
		'United Kingdom',
		['customer', 'vip'],
		155,
		2,
		10012,
		'books',
		1,
		'2026-02-18',
	],
	[
		'Felix',
		'Wagner',
		'felix.wagner@example.com',
		'Wagner IT',
		'Hamburg',
		'Germany',
		['newsletter'],
		12,
		null,
		null,
		'electronics',
		1,
		null,
	],
	[
		'Mia',
		'Fischer',
		'mia.fischer@example.com',
		'Fischer Gartenbau',
		'Köln',
		'Germany',
		['customer', 'webinar-2026'],
		71,
		1,
		10014,
		'garden',
		1,
		'2025-10-11',
	],
	[
		'Elias',
		'Weber',
		'elias.weber@example.com',
		'Weber Elektro',
		'Graz',
		'Austria',
		['customer'],
		26,
		null,
		10015,
		'electronics',
		0,
		'2025-08-08',
	],
	[
		'Nora',
		'Hansen',
		'nora.hansen@example.com',
		'Fjord Outdoor AS',
		'Oslo',
		'Norway',
		['newsletter', 'customer'],
		58,
		2,
		10016,
		'sports',
		1,
		'2026-01-05',
	],
	[
		'Julien',
		'Lefèvre',
		'julien.lefevre@example.com',
		'Lefèvre Vins',
		'Bordeaux',
		'France',
		['webinar-2026'],
		9,
		null,
		null,
		null,
		0,
		null,
	],
	[
		'Hanna',
		'Nowak',
		'hanna.nowak@example.com',
		'Nowak Studio',
		'Kraków',
		'Poland',
		['newsletter'],
		14,
		1,
		null,
		'fashion',
		1,
		null,
	],
	[
		'David',
		'Cohen',
		'david.cohen@example.com',
		'Cohen Analytics',
		'Zürich',
		'Switzerland',
		['customer', 'vip', 'webinar-2026'],
		188,
		1,
		10019,
		'books',
		1,
		'2026-03-10',
	],
	[
		'Laura',
		'Bianchi',
		'laura.bianchi@example.com',
		'Bianchi Moda',
		'Firenze',
		'Italy',
		['customer'],
		37,
		2,
		10020,
		'fashion',
		0,
		'2025-12-01',
	],
	[
		'Tim',
		'Becker',
		'tim.becker@example.com',
		'Becker Bau',
		'Stuttgart',
		'Germany',
		[],
		0,
		null,
		null,
		null,
		null,
		null,
	],
	[
		'Sara',
		'Lindqvist',
		'sara.lindqvist@example.com',
		'Lindqvist Design',
		'Göteborg',
		'Sweden',
		['newsletter', 'webinar-2026'],
		23,
		null,
		null,
		'garden',
		1,
		null,
	],
	[
		'Paul',
		'Dupont',
		'paul.dupont@example.com',
		'Dupont Services',
		'Bruxelles',
		'Belgium',
		['customer'],
		44,
		2,
		10023,
		'sports',
		1,
		'2026-02-27',
	],
	[
		'Ines',
		'Costa',
		'ines.costa@example.com',
		'Costa Turismo',
		'Lisboa',
		'Portugal',
		['newsletter'],
		11,
		null,
		null,
		'books',
		1,
		null,
	],
	[
		'Jonas',
		'Frei',
		'jonas.frei@example.com',
		'Frei Velo GmbH',
		'Luzern',
		'Switzerland',
		['customer', 'webinar-2026'],
		52,
		1,
		10025,
		'sports',
		0,
		'2026-01-22',
	],
];

/** Contact index (1-based) -> [Products, Services, Events] scores; null means no score row. */
const GROUP_SCORES = {
	1: [30, 5, null],
	2: [80, 40, 10],
	4: [20, null, 35],
	5: [null, 10, 25],
	7: [150, 60, null],
	12: [90, 70, 15],
	14: [25, 15, 40],
	19: [100, 120, 30],
	25: [35, null, 20],
};

/**
 * @param {Store} store
 * @param {string} name
 */
function applySeed(store, name) {
	if (name !== 'demo') throw new Error(`unknown seed "${name}"`);

	if (![...store.users.values()].some((u) => u.username === 'sam')) {
		store.addUser({
			username: 'sam',
			password: 'sales-secret',
			firstName: 'Sam',
			lastName: 'Sales',
			email: 'sam@example.com',
			isAdmin: false,
		});
	}

	const setup = new Date(Date.UTC(2025, 4, 15, 8, 0, 0));
	store.addField({
		alias: 'shop_customer_id',
		label: 'Shop customer ID',
		type: 'number',
		group: 'professional',
		properties: { roundmode: 4, scale: 0 },
		dateAdded: setup,
	});
	store.addField({
		alias: 'favourite_category',
		label: 'Favourite category',
		type: 'select',
		properties: {
			list: [
				{ label: 'Books', value: 'books' },
				{ label: 'Electronics', value: 'electronics' },
				{ label: 'Fashion', value: 'fashion' },
				{ label: 'Garden', value: 'garden' },
				{ label: 'Sports', value: 'sports' },
			],
		},
		dateAdded: setup,
	});
	store.addField({
		alias: 'newsletter_opt_in',
		label: 'Newsletter opt-in',
		type: 'boolean',
		properties: { no: 'No', yes: 'Yes' },
		dateAdded: setup,
	});
	store.addField({
		alias: 'main_interest',
		label: 'Main interest',
		type: 'text',
		dateAdded: setup,
	});
	store.addField({
		alias: 'last_order_date',
		label: 'Last order date',
		type: 'date',
		dateAdded: setup,
	});

	const base = Date.UTC(2025, 5, 1, 9, 0, 0);
	const contacts = PEOPLE.map((p, i) => {
		const dateAdded = new Date(base + i * 5 * 24 * 3600 * 1000 + i * 37 * 60 * 1000);
		const lastActive =
			i % 3 === 2 ? null : new Date(Date.UTC(2026, 2, 1, 8, 0, 0) + i * 7 * 3600 * 1000);
		/** @type {Record<string, any>} */
		const values = {
			firstname: p[0],
			lastname: p[1],
			email: p[2],
			company: p[3],
			city: p[4],
			country: p[5],
			shop_customer_id: p[9],
			favourite_category: p[10],
			newsletter_opt_in: p[11],
			last_order_date: p[12],
		};
		return store.createContact(values, {
			tags: /** @type {string[]} */ (p[6]),
			points: /** @type {number} */ (p[7]),
			ownerId: /** @type {number|null} */ (p[8]),
			dateAdded,
			lastActive,
		});
	});

	const newsletter = store.createSegment({
		name: 'Newsletter',
		alias: 'newsletter',
		description: 'Everyone who subscribed to the newsletter',
		isGlobal: true,
		dateAdded: setup,
	});
	const vip = store.createSegment({
		name: 'VIP customers',
		alias: 'vip-customers',
		description: 'Customers with the vip tag',
		isGlobal: false,
		createdBy: 1,
		dateAdded: setup,
	});
	const webinar = store.createSegment({
		name: 'Webinar attendees',
		alias: 'webinar-attendees',
		description: 'Attended the 2026 webinar',
		isGlobal: true,
		dateAdded: setup,
	});
	for (const c of contacts) {
		const tags = c.tagIds.map((id) => store.tags.get(id)?.tag);
		if (tags.includes('newsletter')) store.addToSegment(newsletter.id, c.id, c.dateAdded);
		if (tags.includes('vip')) store.addToSegment(vip.id, c.id, c.dateAdded);
		if (tags.includes('webinar-2026')) store.addToSegment(webinar.id, c.id, c.dateAdded);
	}

	const groups = [
		store.createPointGroup({
			name: 'Products',
			description: 'Interest in physical products',
			dateAdded: setup,
		}),
		store.createPointGroup({
			name: 'Services',
			description: 'Interest in consulting and services',
			dateAdded: setup,
		}),
		store.createPointGroup({
			name: 'Events',
			description: 'Webinars, fairs and workshops',
			dateAdded: setup,
		}),
	];
	for (const [idx, scores] of Object.entries(GROUP_SCORES)) {
		const c = contacts[Number(idx) - 1];
		scores.forEach((s, gi) => {
			if (s !== null) store.setGroupScore(c.id, groups[gi].id, s);
		});
		// what the insight below would have written
		let best = -1;
		scores.forEach((s, gi) => {
			if (s !== null && (best === -1 || s > /** @type {number} */ (scores[best]))) best = gi;
		});
		if (best >= 0) {
			c.values.main_interest = `${groups[best].id} (${groups[best].name})`;
			store.touchContact(c);
		}
	}
	store.createInsight({
		name: 'Main interest',
		description: 'Writes the strongest point group to main_interest',
		customField: 'main_interest',
		pointGroups: groups.map((g) => g.id),
	});

	// campaigns and emails (examples/welcome-campaign-and-order-email.json)
	store.createEmail({
		name: 'Order confirmation',
		subject: 'Your order {order_number}',
		customHtml: '<p>Hello {contactfield=firstname}, thank you for order {order_number}.</p>',
		dateAdded: setup,
	});
	store.createCampaign({
		name: 'Welcome series',
		description: 'Three emails over the first two weeks for new customers',
		lists: [newsletter.id],
		dateAdded: setup,
	});
	// forms: "Contact us" (1) and "Newsletter signup" (2), with no submissions yet
	seedForms(store);
}

/** The demo forms; submit them with `POST /form/submit?formId=` (routes/forms.js). @param {import('./store').Store} store */
function seedForms(store) {
	const email = {
		label: 'Email',
		alias: 'email',
		type: 'email',
		mappedField: 'email',
		mappedObject: 'contact',
	};
	store.createForm({
		name: 'Contact us',
		fields: [
			email,
			{
				label: 'First name',
				alias: 'firstname',
				type: 'text',
				mappedField: 'firstname',
				mappedObject: 'contact',
			},
			{ label: 'Message', alias: 'message', type: 'textarea' },
			{ label: 'Send', alias: 'send', type: 'button' },
		],
	});
	store.createForm({
		name: 'Newsletter signup',
		fields: [email, { label: 'Subscribe', alias: 'subscribe', type: 'button' }],
	});
}

module.exports = { applySeed, PEOPLE };
