import { NodeOperationError } from 'n8n-workflow';
import type { MauticContext } from './context';

/**
 * Letters, digits, `_` and `-` only: every segment of every API path we send is a route word, a
 * whole ID or an allowed value (`plus`, `email`, `-5`). No `.`/`..`, `/`, `%`, `?` or `#` can
 * reach Mautic's router, however a value was produced (expressions included).
 */
const SAFE_SEGMENT = /^[A-Za-z0-9_-]+$/;

/** Refuses a path that would not reach the route it names; the last line of defence, after each operation's own checks. */
export function assertSafeApiPath(context: MauticContext, path: string, itemIndex?: number): void {
	const segments = path.replace(/^\//, '').split('/');
	const unsafe = segments.find((segment) => !SAFE_SEGMENT.test(segment));
	if (unsafe === undefined) return;
	throw new NodeOperationError(
		context.getNode(),
		`Refused to call Mautic: "${unsafe.slice(0, 80)}" cannot be part of an API address`,
		{
			itemIndex,
			description:
				'IDs must be positive whole numbers and choices one of their listed values. Check the expressions that feed this node.',
		},
	);
}
