import type { z } from 'zod';

/**
 * Parses a value with a contract schema and returns the typed result; on a mismatch it fails with
 * zod's issues and the start of the JSON that broke the contract.
 */
export function expectShape<T extends z.ZodTypeAny>(
	schema: T,
	value: unknown,
	what = 'answer',
): z.infer<T> {
	const parsed = schema.safeParse(value);
	if (parsed.success) return parsed.data;
	const issues = parsed.error.issues
		.slice(0, 8)
		.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
	throw new Error(
		`${what} breaks the contract:\n${issues.join('\n')}\n${JSON.stringify(value).slice(0, 1500)}`,
	);
}
