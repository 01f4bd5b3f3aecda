import type { IDataObject } from 'n8n-workflow';
import { simplifyContact } from '../shared/contacts/simplifyContact';
import { flattenSubmission } from '../shared/forms/flattenSubmission';
import type { EventsOrder } from './description';

export interface SplitOptions {
	/** Flatten contacts the way the Contact node does. */
	simplify: boolean;
	/** Order of the items when a request holds several events. */
	order: EventsOrder;
	/** Form submissions as flat items, as the Form node gives them (off unless asked for). */
	flattenSubmissions?: boolean;
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Contacts of the legacy (2.x) `lead` key and of `contact` are both flattened. */
const CONTACT_KEYS = ['contact', 'lead'];

/**
 * A form submission: `{event, timestamp, submissionId, formId, contactId, dateSubmitted, page,
 * referer, <field alias>: value, …, contact}`; the contact flattened when Simplify is on.
 */
function submissionItem(
	event: string,
	entry: IDataObject,
	fallbackTimestamp: unknown,
	simplify: boolean,
): IDataObject {
	const submission = entry.submission as IDataObject;
	const lead = submission.lead;
	return {
		event,
		timestamp: entry.timestamp ?? fallbackTimestamp ?? null,
		// a field aliased event, timestamp or contact comes out as field_<alias>
		...flattenSubmission(submission, ['event', 'timestamp', 'contact']),
		contact: isObject(lead) ? (simplify ? simplifyContact(lead) : lead) : null,
	};
}

function eventItem(
	event: string,
	entry: IDataObject,
	fallbackTimestamp: unknown,
	simplify: boolean,
	flattenSubmissions = false,
): IDataObject {
	if (flattenSubmissions && event === 'mautic.form_on_submit' && isObject(entry.submission))
		return submissionItem(event, entry, fallbackTimestamp, simplify);
	const { timestamp, ...objects } = entry;
	const item: IDataObject = { event, timestamp: timestamp ?? fallbackTimestamp ?? null };
	for (const [key, value] of Object.entries(objects)) {
		if (simplify && CONTACT_KEYS.includes(key) && isObject(value)) {
			const contact = simplifyContact(value);
			// A deleted contact comes with `id: null`; the event's own `id` is the one it had.
			if (contact.id === null && event === 'mautic.lead_post_delete' && objects.id !== undefined) {
				contact.id = objects.id;
			}
			item[key] = contact;
		} else {
			item[key] = value;
		}
	}
	return item;
}

/**
 * One item per event of a Mautic webhook body `{"<event type>": [{…, "timestamp"}, …], …}`.
 * Queued delivery sends up to 10 events of several types in one body, grouped by type; the items
 * are put back in time order (stable, so events of one second keep Mautic's order). The "send
 * test payload" button adds a top-level `timestamp`, used for events that carry none.
 */
export function splitEvents(payload: IDataObject, options: SplitOptions): IDataObject[] {
	const topTimestamp = typeof payload.timestamp === 'string' ? payload.timestamp : undefined;
	const items: IDataObject[] = [];
	for (const [event, entries] of Object.entries(payload)) {
		if (Array.isArray(entries)) {
			for (const entry of entries) {
				if (isObject(entry))
					items.push(
						eventItem(event, entry, topTimestamp, options.simplify, options.flattenSubmissions),
					);
			}
		} else if (isObject(entries)) {
			items.push(
				eventItem(event, entries, topTimestamp, options.simplify, options.flattenSubmissions),
			);
		}
	}
	return inTimeOrder(items, options.order);
}

function inTimeOrder(items: IDataObject[], order: EventsOrder): IDataObject[] {
	const times = items.map((item) => Date.parse(String(item.timestamp)));
	if (items.length < 2 || times.some((time) => Number.isNaN(time))) return items;
	const direction = order === 'DESC' ? -1 : 1;
	return items
		.map((item, index) => ({ item, time: times[index], index }))
		.sort((a, b) => (a.time - b.time) * direction || a.index - b.index)
		.map(({ item }) => item);
}
