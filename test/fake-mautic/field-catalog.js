// @ts-check
'use strict';

/**
 * Contact and company fields of a fresh Mautic 5 install (FieldModel::$coreFields), in field order.
 * Ids follow the install order, so `email` is 6 like on a real instance.
 */

/**
 * @typedef {{
 *   id: number, label: string, alias: string, type: string, group: string, order: number,
 *   object: 'lead'|'company', defaultValue: unknown, isRequired: boolean, isPublished: boolean,
 *   isFixed: boolean, isListable: boolean, isVisible: boolean, isShortVisible: boolean,
 *   isUniqueIdentifier: boolean, isPubliclyUpdatable: boolean, charLengthLimit: number|null,
 *   properties: Record<string, any>, dateAdded: Date, dateModified: Date|null,
 *   createdBy: number|null, createdByUser: string|null, modifiedBy: number|null, modifiedByUser: string|null
 * }} FieldDef
 */

/** [alias, label, type, group, properties, fixed, unique] */
const LEAD = [
	['title', 'Title', 'lookup', 'core', { list: ['Mr', 'Mrs', 'Miss'] }, true],
	['firstname', 'First Name', 'text', 'core', {}, true],
	['lastname', 'Last Name', 'text', 'core', {}, true],
	['company', 'Primary company', 'text', 'core', {}, true],
	['position', 'Position', 'text', 'core', {}, true],
	['email', 'Email', 'email', 'core', {}, true, true],
	['mobile', 'Mobile', 'tel', 'core', {}, true],
	['phone', 'Phone', 'tel', 'core', {}, true],
	['points', 'Points', 'number', 'core', {}, true],
	['fax', 'Fax', 'tel', 'core', {}, false],
	['address1', 'Address Line 1', 'text', 'core', {}, false],
	['address2', 'Address Line 2', 'text', 'core', {}, false],
	['city', 'City', 'text', 'core', {}, true],
	['state', 'State', 'region', 'core', {}, true],
	['zipcode', 'Zip Code', 'text', 'core', {}, true],
	['country', 'Country', 'country', 'core', {}, true],
	['preferred_locale', 'Preferred Locale', 'locale', 'core', {}, true],
	['timezone', 'Preferred Timezone', 'timezone', 'core', {}, true],
	['last_active', 'Date Last Active', 'datetime', 'core', {}, true],
	['attribution_date', 'Attribution Date', 'datetime', 'core', {}, true],
	['attribution', 'Attribution', 'number', 'core', { roundmode: 4, scale: 2 }, true],
	['website', 'Website', 'url', 'core', {}, false],
	['facebook', 'Facebook', 'text', 'social', {}, false],
	['foursquare', 'Foursquare', 'text', 'social', {}, false],
	['instagram', 'Instagram', 'text', 'social', {}, false],
	['linkedin', 'LinkedIn', 'text', 'social', {}, false],
	['skype', 'Skype', 'text', 'social', {}, false],
	['twitter', 'Twitter', 'text', 'social', {}, false],
];

const COMPANY = [
	['companyaddress1', 'Address 1', 'text', 'core', {}, true],
	['companyaddress2', 'Address 2', 'text', 'core', {}, true],
	['companyemail', 'Company Email', 'email', 'core', {}, true],
	['companyphone', 'Phone', 'tel', 'core', {}, true],
	['companycity', 'City', 'text', 'core', {}, true],
	['companystate', 'State', 'region', 'core', {}, true],
	['companyzipcode', 'Zip Code', 'text', 'core', {}, true],
	['companycountry', 'Country', 'country', 'core', {}, true],
	['companyname', 'Company Name', 'text', 'core', {}, true, true],
	['companywebsite', 'Website', 'url', 'core', {}, true],
	[
		'companynumber_of_employees',
		'Number of Employees',
		'number',
		'professional',
		{ roundmode: 4, scale: 0 },
		false,
	],
	['companyfax', 'Fax', 'tel', 'professional', {}, false],
	[
		'companyannual_revenue',
		'Annual Revenue',
		'number',
		'professional',
		{ roundmode: 4, scale: 2 },
		false,
	],
	['companyindustry', 'Industry', 'select', 'professional', { list: [] }, true],
	['companydescription', 'Description', 'text', 'professional', {}, true],
];

const INSTALL_DATE = new Date('2024-01-01T00:00:00Z');

/** @returns {FieldDef[]} */
function coreFields() {
	/** @type {FieldDef[]} */
	const out = [];
	let id = 0;
	/** @param {any[]} rows @param {'lead'|'company'} object */
	const add = (rows, object) => {
		rows.forEach((r, i) => {
			id++;
			out.push({
				id,
				label: r[1],
				alias: r[0],
				type: r[2],
				group: r[3],
				order: i + 1,
				object,
				defaultValue: null,
				isRequired: false,
				isPublished: true,
				isFixed: !!r[5],
				isListable: true,
				isVisible: true,
				isShortVisible: ['firstname', 'lastname', 'email', 'companyname'].includes(r[0]),
				isUniqueIdentifier: !!r[6],
				isPubliclyUpdatable: false,
				charLengthLimit: r[2] === 'text' || r[2] === 'lookup' ? 191 : null,
				properties: r[4],
				dateAdded: INSTALL_DATE,
				dateModified: null,
				createdBy: null,
				createdByUser: null,
				modifiedBy: null,
				modifiedByUser: null,
			});
		});
	};
	add(LEAD, 'lead');
	add(COMPANY, 'company');
	return out;
}

/**
 * Normalizes a select/multiselect/lookup `list` property (FormFieldHelper::parseList) to [{label, value}].
 * @param {unknown} list
 * @returns {{label: string, value: string}[]}
 */
function parseList(list) {
	if (list === null || list === undefined || list === '') return [];
	if (typeof list === 'string') return list.split('|').map((v) => ({ label: v, value: v }));
	if (Array.isArray(list)) {
		return list.map((o) =>
			o && typeof o === 'object'
				? { label: String(o.label ?? o.value), value: String(o.value ?? o.label) }
				: { label: String(o), value: String(o) },
		);
	}
	if (typeof list === 'object') {
		return Object.entries(/** @type {Record<string, unknown>} */ (list)).map(([value, label]) => ({
			label: String(label),
			value,
		}));
	}
	return [];
}

module.exports = { coreFields, parseList, INSTALL_DATE };
