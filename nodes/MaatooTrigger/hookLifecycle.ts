import { randomBytes } from 'crypto';
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';
import { readList } from '../shared/engine';
import {
	failureOf,
	mauticErrorEntries,
	mauticRequest,
	PUT_NOT_REPEATED,
	whenRecordExists,
	type MauticFailure,
} from '../shared/transport';
import type { EventsOrder, TriggerOptions } from './description';
import { chosenForms, FORM_SUBMIT_EVENT, invalidFormsMessage } from './formFilter';

/** What the node keeps in its static data (saved with the workflow). */
export interface HookStaticData extends IDataObject {
	/** Id of the Mautic webhook that posts to this trigger. */
	hookId?: number;
	/** The secret Mautic signs that webhook's requests with. */
	secret?: string;
	/** The URL the webhook was made for; the id is trusted only for that URL. */
	webhookUrl?: string;
}

/** A webhook as Mautic's API returns it (only what we read). */
export interface MauticHook {
	id: number;
	name?: string;
	webhookUrl?: string;
	secret?: string | null;
	eventsOrderbyDir?: string | null;
	isPublished?: boolean;
	triggers?: string[];
}

/** The webhook this trigger needs in Mautic. */
export interface WantedHook {
	name: string;
	description: string;
	webhookUrl: string;
	triggers: string[];
	eventsOrderbyDir: EventsOrder;
	/** Set when the user gave one; otherwise any non-empty secret Mautic holds will do. */
	secret?: string;
}

const HOOK = 'webhook';
/** Mautic stores the name in a 191/255-character column; stay under both. */
const MAX_NAME_LENGTH = 180;

export function staticDataOf(ctx: IHookFunctions): HookStaticData {
	return ctx.getWorkflowStaticData('node') as HookStaticData;
}

/**
 * The stored hook id, trusted only for the URL it was stored for. n8n's "listen for test event"
 * runs the same lifecycle for the test URL with a copy of the production static data; that must
 * never take over or delete the production hook.
 */
function ownHookId(data: HookStaticData, webhookUrl: string): number | undefined {
	if (!sameUrl(data.webhookUrl, webhookUrl)) return undefined;
	const id = Number(data.hookId);
	return Number.isInteger(id) && id > 0 ? id : undefined;
}

/** A strong random secret: 256 bits, hex. */
export function newSecret(): string {
	return randomBytes(32).toString('hex');
}

/** Mautic keeps the URL as given; compare without surrounding blanks or trailing slashes. */
export function sameUrl(a: unknown, b: unknown): boolean {
	const normalise = (value: unknown) =>
		String(value ?? '')
			.trim()
			.replace(/\/+$/, '');
	return normalise(a) !== '' && normalise(a) === normalise(b);
}

function sameEvents(a: string[] | undefined, b: string[]): boolean {
	const left = new Set(a ?? []);
	return left.size === new Set(b).size && b.every((event) => left.has(event));
}

/** Name and description tell a Mautic admin which n8n workflow the webhook feeds. */
export function hookNaming(
	workflow: { id?: string; name?: string },
	nodeName: string,
): { name: string; description: string } {
	const workflowLabel = workflow.name?.trim() || `workflow ${workflow.id ?? ''}`.trim();
	const nodeSuffix = nodeName === 'Maatoo Trigger' ? '' : ` (${nodeName})`;
	let name = `n8n: ${workflowLabel}${nodeSuffix}`;
	if (name.length > MAX_NAME_LENGTH) name = `${name.slice(0, MAX_NAME_LENGTH - 1)}…`;
	const description =
		`Posts to the n8n workflow "${workflowLabel}"` +
		(workflow.id ? ` (ID ${workflow.id})` : '') +
		`, trigger node "${nodeName}". Managed by n8n: it is created when the workflow is published and deleted when it is unpublished.`;
	return { name, description };
}

/** The webhook the current parameters ask for. */
export function wantedHook(ctx: IHookFunctions): WantedHook {
	const webhookUrl = ctx.getNodeWebhookUrl('default');
	if (!webhookUrl) {
		throw new NodeOperationError(ctx.getNode(), 'n8n has no production URL for this trigger');
	}
	const events = ctx.getNodeParameter('events', []) as string[];
	if (!Array.isArray(events) || events.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Choose at least one event', {
			description: 'The trigger needs at least one Mautic event in "Event Names or IDs".',
		});
	}
	if (events.map(String).includes(FORM_SUBMIT_EVENT)) {
		const invalid = invalidFormsMessage(chosenForms(ctx.getNodeParameter('forms', [])).invalid);
		if (invalid) {
			throw new NodeOperationError(ctx.getNode(), invalid, {
				description:
					'Choose the forms from the list, or give their IDs (the number in …/s/forms/view/3), e.g. {{ [3, 5] }}.',
			});
		}
	}
	const order = ctx.getNodeParameter('eventsOrder', 'ASC') === 'DESC' ? 'DESC' : 'ASC';
	const options = ctx.getNodeParameter('options', {}) as TriggerOptions;
	const secret =
		typeof options.secret === 'string' && options.secret.trim() !== '' ? options.secret : undefined;
	return {
		...hookNaming(ctx.getWorkflow(), ctx.getNode().name),
		webhookUrl,
		triggers: [...new Set(events.map(String))],
		eventsOrderbyDir: order,
		secret,
	};
}

/** Whether a webhook in Mautic already does exactly what the trigger needs. */
export function isInSync(hook: MauticHook, wanted: WantedHook): boolean {
	return (
		hook.isPublished === true &&
		sameUrl(hook.webhookUrl, wanted.webhookUrl) &&
		sameEvents(hook.triggers, wanted.triggers) &&
		hook.eventsOrderbyDir === wanted.eventsOrderbyDir &&
		typeof hook.secret === 'string' &&
		hook.secret !== '' &&
		(wanted.secret === undefined || hook.secret === wanted.secret)
	);
}

function toHook(row: IDataObject): MauticHook {
	return {
		id: Number(row.id),
		name: row.name as string | undefined,
		webhookUrl: row.webhookUrl as string | undefined,
		secret: row.secret as string | null | undefined,
		eventsOrderbyDir: row.eventsOrderbyDir as string | null | undefined,
		isPublished: row.isPublished === true || row.isPublished === 1 || row.isPublished === '1',
		triggers: Array.isArray(row.triggers) ? row.triggers.map(String) : [],
	};
}

/**
 * Every webhook that posts to one of `urls`, plus the one with id `hookId`, oldest first. The
 * whole list is read (instances hold few webhooks) and matched here: Mautic's search syntax
 * would read the `:` of a URL as a command.
 */
export async function findHooks(
	ctx: IHookFunctions | IWebhookFunctions,
	urls: string[],
	hookId?: number,
	request: { maxRetries?: number; timeoutMs?: number } = {},
): Promise<MauticHook[]> {
	const rows = await readList(ctx, {
		path: '/hooks',
		key: 'hooks',
		qs: { orderBy: 'id', orderByDir: 'ASC' },
		returnAll: true,
		limit: 0,
		pageSize: 100,
		...request,
	});
	return rows
		.map(toHook)
		.filter((hook) => hook.id === hookId || urls.some((url) => sameUrl(hook.webhookUrl, url)))
		.sort((a, b) => a.id - b.id);
}

function hookBody(wanted: WantedHook, secret: string): IDataObject {
	return {
		name: wanted.name,
		description: wanted.description,
		webhookUrl: wanted.webhookUrl,
		secret,
		eventsOrderbyDir: wanted.eventsOrderbyDir,
		isPublished: true,
		triggers: wanted.triggers,
	};
}

function hookFromAnswer(ctx: IHookFunctions, body: unknown, path: string): MauticHook {
	const hook = (body as IDataObject | undefined)?.hook;
	if (!hook || typeof hook !== 'object' || !Number((hook as IDataObject).id)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Mautic did not return the webhook it saved (${path})`,
		);
	}
	return toHook(hook as IDataObject);
}

/** Mautic's own "no such item" 404, as opposed to a wrong Base URL or a proxy's 404 page. */
export function isMissingItem(failure: MauticFailure | undefined): boolean {
	if (failure?.status !== 404) return false;
	return mauticErrorEntries(failure.body).some((entry) =>
		/not (be )?found/i.test(String(entry.message ?? '')),
	);
}

function asNodeError(ctx: IHookFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error);
}

/** Deletes one webhook; one that is already gone counts as deleted. Other errors are thrown. */
export async function deleteHook(ctx: IHookFunctions, id: number): Promise<'deleted' | 'gone'> {
	try {
		await mauticRequest(ctx, {
			method: 'DELETE',
			path: `/hooks/${id}/delete`,
			entity: { label: HOOK, id },
		});
		return 'deleted';
	} catch (error) {
		if (isMissingItem(failureOf(error))) return 'gone';
		throw asNodeError(ctx, error);
	}
}

function remember(
	data: HookStaticData,
	hook: MauticHook,
	secret: string,
	webhookUrl: string,
): void {
	data.hookId = hook.id;
	data.secret = secret;
	data.webhookUrl = webhookUrl;
}

function forget(data: HookStaticData): void {
	delete data.hookId;
	delete data.secret;
	delete data.webhookUrl;
}

/**
 * checkExists: true only when exactly one webhook posts to this trigger and it matches the
 * parameters (events, order, secret, published). It is then adopted, also when the static data
 * was lost. Anything else is left to `createHook`, which repairs instead of adding a duplicate.
 */
export async function hookExists(ctx: IHookFunctions): Promise<boolean> {
	const wanted = wantedHook(ctx);
	const data = staticDataOf(ctx);
	const hooks = await findHooks(ctx, [wanted.webhookUrl], ownHookId(data, wanted.webhookUrl));
	if (hooks.length !== 1 || !isInSync(hooks[0], wanted)) return false;
	remember(data, hooks[0], hooks[0].secret as string, wanted.webhookUrl);
	return true;
}

/**
 * create: makes Mautic hold exactly one webhook for this trigger. An existing one (ours by id,
 * else the oldest posting to our URL) is updated in place with PUT (PATCH would only add
 * events); further ones posting to our URL are deleted; only when none exists is one created.
 */
export async function createHook(ctx: IHookFunctions): Promise<boolean> {
	const wanted = wantedHook(ctx);
	const data = staticDataOf(ctx);
	const ownId = ownHookId(data, wanted.webhookUrl);
	const hooks = await findHooks(ctx, [wanted.webhookUrl], ownId);
	const existing = hooks.find((hook) => hook.id === ownId) ?? hooks[0];

	let hook: MauticHook;
	if (!existing) {
		const path = '/hooks/new';
		const response = await mauticRequest(ctx, {
			method: 'POST',
			path,
			body: hookBody(wanted, wanted.secret ?? newSecret()),
			entity: { label: HOOK },
		});
		hook = hookFromAnswer(ctx, response.body, path);
	} else if (isInSync(existing, wanted)) {
		hook = existing;
	} else {
		const secret = wanted.secret ?? (existing.secret || newSecret());
		const path = `/hooks/${existing.id}/edit`;
		const response = await mauticRequest(ctx, {
			method: 'PUT',
			path,
			body: hookBody(wanted, secret),
			entity: { label: HOOK, id: existing.id },
			repeatableIf: whenRecordExists(ctx, `/hooks/${existing.id}`),
			notRepeatedBecause: PUT_NOT_REPEATED,
		});
		hook = hookFromAnswer(ctx, response.body, path);
	}
	const secret = hook.secret || wanted.secret;
	if (!secret) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Mautic returned webhook ${hook.id} without a secret`,
		);
	}
	remember(data, hook, secret, wanted.webhookUrl);

	for (const extra of hooks) {
		if (extra.id !== hook.id) await deleteHook(ctx, extra.id);
	}
	return true;
}

/**
 * delete: removes our webhook and any other posting to this trigger's URL, so nothing keeps
 * posting to a URL nobody listens on. Hooks for other URLs are left alone (see ownHookId).
 */
export async function deleteHooks(ctx: IHookFunctions): Promise<boolean> {
	const data = staticDataOf(ctx);
	const webhookUrl = ctx.getNodeWebhookUrl('default');
	if (!webhookUrl) {
		throw new NodeOperationError(ctx.getNode(), 'n8n has no production URL for this trigger');
	}
	const ownId = ownHookId(data, webhookUrl);
	const hooks = await findHooks(ctx, [webhookUrl], ownId);
	const ids = new Set(hooks.map((hook) => hook.id));
	if (ownId !== undefined) ids.add(ownId);
	for (const id of ids) await deleteHook(ctx, id);
	forget(data);
	return true;
}
