import type { IExecuteFunctions } from 'n8n-workflow';
import { failItem as fail } from '../shared/engine/itemErrors';

/** Positive whole IDs from "3, 8", a number or a list; anything else fails the item naming the field. */
export function idListOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	field: string,
): number[] {
	const parts = Array.isArray(value)
		? value
		: typeof value === 'number'
			? [value]
			: String(value ?? '')
					.split(',')
					.map((part) => part.trim())
					.filter((part) => part !== '');
	return parts.map((part) => {
		const text = String(part).trim();
		if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
			fail(ctx, itemIndex, `The field "${field}" needs positive whole IDs, got "${String(part)}"`);
		}
		return Number(text);
	});
}
