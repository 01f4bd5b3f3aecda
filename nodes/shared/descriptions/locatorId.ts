import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeParameterResourceLocator,
} from 'n8n-workflow';
import { itemParameter } from '../parameters/itemParameters';

/** The raw `{mode, value}` of a resource locator (or a plain value from older or AI-made workflows). */
export function locatorOf(ctx: IExecuteFunctions, itemIndex: number, parameterName: string): INodeParameterResourceLocator {
	const raw = itemParameter<INodeParameterResourceLocator | string | number>(ctx, parameterName, itemIndex);
	return typeof raw === 'object' && raw !== null ? raw : { __rl: true, mode: 'id', value: raw };
}

/**
 * A numeric Mautic ID from a resource locator in `list`, `id` or `url` mode, with an error that
 * names the field when it is not one.
 */
export function numericLocatorId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameterName: string,
	label: string,
	urlPattern?: RegExp,
): number {
	const locator = locatorOf(ctx, itemIndex, parameterName);
	const value = String(locator.value ?? '').trim();
	const fail = (message: string): never => {
		throw new NodeOperationError(ctx.getNode(), message, { itemIndex });
	};
	if (value === '') fail(`The field "${label}" is empty`);
	if (locator.mode === 'url') {
		const match = urlPattern ? value.match(urlPattern) : null;
		if (!match) fail(`The field "${label}" needs a link to it in Mautic, got "${value}"`);
		return Number(match![1]);
	}
	if (!/^\d+$/.test(value)) fail(`The field "${label}" needs a numeric ID, got "${value}"`);
	return Number(value);
}
