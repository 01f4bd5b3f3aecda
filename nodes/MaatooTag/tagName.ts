import type { IExecuteFunctions } from 'n8n-workflow';
import { failItem } from '../shared/engine/itemErrors';

/**
 * The tag name of the item, trimmed. Mautic 5.1 answers a 500 for an empty one, and strips HTML
 * (and anything after a lone "<") and null characters from names: refuse those here with a clear error rather than save something else.
 */
export function tagNameOf(ctx: IExecuteFunctions, itemIndex: number, label: string): string {
	const name = String(ctx.getNodeParameter('name', itemIndex, '') ?? '').trim();
	if (!name) failItem(ctx, itemIndex, `The field "${label}" is empty`);
	if (/<[^>]*>/.test(name)) {
		failItem(
			ctx,
			itemIndex,
			`The field "${label}" contains HTML, which Mautic would strip from the tag name`,
		);
	}
	// InputHelper::string strips /\x00|<[^>]*>?/: a lone "<" cuts the name there ("score<5" → "score").
	if (name.includes('<')) {
		failItem(
			ctx,
			itemIndex,
			`The field "${label}" contains "<", which Mautic would cut from the tag name with what follows it`,
		);
	}
	if (name.includes('\u0000')) {
		failItem(
			ctx,
			itemIndex,
			`The field "${label}" contains a null character, which Mautic would strip from the tag name`,
		);
	}
	return name;
}
