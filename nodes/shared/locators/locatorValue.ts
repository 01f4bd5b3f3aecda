import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeParameterResourceLocator,
} from 'n8n-workflow';
import { itemParameter } from '../parameters/itemParameters';
import { hostOf, instanceRootOf } from '../transport';

/** The raw `{mode, value}` of a resource locator (or a plain value from older or AI-made workflows). */
export function locatorOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameterName: string,
): INodeParameterResourceLocator {
	const raw = itemParameter<INodeParameterResourceLocator | string | number>(
		ctx,
		parameterName,
		itemIndex,
	);
	return typeof raw === 'object' && raw !== null ? raw : { __rl: true, mode: 'id', value: raw };
}

/** The path of a link (no query or fragment), or the text itself when it is not a URL. */
function pathOf(link: string): string {
	try {
		return new URL(link).pathname;
	} catch {
		return link;
	}
}

/**
 * A Mautic ID: a positive whole number that survives the trip through a JavaScript number
 * (9007199254740993 would silently become …992 and address another record).
 */
export function mauticIdOf(value: string): number | undefined {
	if (!/^\d+$/.test(value)) return undefined;
	const id = Number(value);
	return id > 0 && Number.isSafeInteger(id) ? id : undefined;
}

/**
 * A numeric Mautic ID from a resource locator in `list`, `id` or `url` mode, with an error that
 * names the field when it is not one. A link must point at the credential's own instance: the
 * same number on another instance is another record.
 */
export async function numericLocatorId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameterName: string,
	label: string,
	urlPattern?: RegExp,
): Promise<number> {
	const locator = locatorOf(ctx, itemIndex, parameterName);
	const value = String(locator.value ?? '').trim();
	const fail = (message: string, description?: string): never => {
		throw new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
	};
	if (value === '') fail(`The field "${label}" is empty`);
	let idText = value;
	if (locator.mode === 'url') {
		const match = urlPattern ? pathOf(value).match(urlPattern) : null;
		if (!match)
			fail(`The field "${label}" needs a link to it in Mautic, got "${value.slice(0, 200)}"`);
		const instanceHost = hostOf(await instanceRootOf(ctx));
		const linkHost = hostOf(value);
		if (!linkHost || linkHost !== instanceHost) {
			fail(
				`The link in "${label}" points to ${linkHost ?? 'no valid address'}, not to this credential's Mautic (${instanceHost})`,
				'The same number on another Mautic instance is another record. Paste a link from the instance the credential connects to, or use the ID.',
			);
		}
		idText = match![1];
	}
	const id = mauticIdOf(idText);
	if (id === undefined) {
		const shown = idText.slice(0, 80);
		fail(
			/^\d+$/.test(idText)
				? `The field "${label}" needs an ID from 1 to ${Number.MAX_SAFE_INTEGER}, got "${shown}"`
				: `The field "${label}" needs a numeric ID, got "${shown}"`,
		);
	}
	return id!;
}
