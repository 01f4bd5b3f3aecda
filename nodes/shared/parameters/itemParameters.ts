import {
	deepCopy,
	type IDataObject,
	type IExecuteFunctions,
	type NodeParameterValueType,
} from 'n8n-workflow';
import { jsonReferencePath, readJsonReference } from './jsonReference';
import { runStateOf } from '../runState';

type Resolve = (itemIndex: number) => unknown;

const isExpression = (value: unknown): value is string =>
	typeof value === 'string' && value.startsWith('=');

function holdsExpression(value: unknown): boolean {
	if (isExpression(value)) return true;
	if (!value || typeof value !== 'object') return false;
	return Object.values(value).some(holdsExpression);
}

/**
 * `$parameter["&x"]`, `$rawParameter` and `$node[…].parameter` can read sibling values, which only
 * n8n's evaluation of the whole parameter provides.
 */
function readsParameters(value: unknown): boolean {
	if (typeof value === 'string') return /parameter/i.test(value);
	if (!value || typeof value !== 'object') return false;
	return Object.values(value).some(readsParameters);
}

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}

function childPath(parent: string, key: string): string {
	return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** The parameter as saved in the workflow, expressions unevaluated. */
function rawParameter(ctx: IExecuteFunctions, name: string): unknown {
	let value: unknown = ctx.getNode().parameters;
	for (const key of name.split('.')) {
		if (!value || typeof value !== 'object') return undefined;
		value = (value as IDataObject)[key];
	}
	return value;
}

interface Template {
	resolve: Resolve;
	/** Leaves read straight from the item, for the check against n8n on the first item. */
	references: Array<{
		path: string;
		read: (itemIndex: number) => ReturnType<typeof readJsonReference>;
	}>;
}

/**
 * Rebuilds the parameter's shape per item: plain values copied, `{{ $json.x }}` read from the
 * item, other expressions evaluated by n8n one leaf at a time.
 */
function template(
	ctx: IExecuteFunctions,
	raw: unknown,
	path: string,
	references: Template['references'],
): Resolve {
	if (!holdsExpression(raw)) {
		// A copy, so no item can change the node's own parameters (a mapper's schema, say).
		const constant = deepFreeze(deepCopy(raw as IDataObject));
		return () => constant;
	}
	if (Array.isArray(raw)) {
		const children = raw.map((child, index) =>
			template(ctx, child, `${path}[${index}]`, references),
		);
		return (itemIndex) => children.map((resolve) => resolve(itemIndex));
	}
	if (raw && typeof raw === 'object') {
		const children = Object.entries(raw).map(
			([key, child]) => [key, template(ctx, child, childPath(path, key), references)] as const,
		);
		return (itemIndex) => {
			const resolved: Record<string, unknown> = {};
			for (const [key, resolve] of children) resolved[key] = resolve(itemIndex);
			return resolved;
		};
	}
	const evaluate = (itemIndex: number) => ctx.getNodeParameter(path, itemIndex);
	const reference = jsonReferencePath(raw);
	if (!reference) return evaluate;
	const read = (itemIndex: number) =>
		readJsonReference(ctx.getInputData()[itemIndex]?.json ?? {}, reference);
	references.push({ path, read });
	return (itemIndex) => {
		const found = read(itemIndex);
		return found === 'unsure' ? evaluate(itemIndex) : found.value;
	};
}

/**
 * Whether `$json` here is the node's input, as in an ordinary run: on the first item, every direct
 * read must equal n8n's own evaluation (as a tool of an AI agent, say, `$json` is another node's).
 */
function readsAgreeWithN8n(ctx: IExecuteFunctions, references: Template['references']): boolean {
	if (ctx.getInputData().length === 0) return true;
	return references.every(({ path, read }) => {
		const found = read(0);
		if (found === 'unsure') return true;
		try {
			return Object.is(found.value, ctx.getNodeParameter(path, 0));
		} catch {
			return false;
		}
	});
}

function compile(ctx: IExecuteFunctions, name: string, fallback: unknown): Resolve {
	const raw = rawParameter(ctx, name);
	const whole = (itemIndex: number) =>
		ctx.getNodeParameter(name, itemIndex, fallback as NodeParameterValueType);
	if (!holdsExpression(raw)) {
		// The same for every item: n8n resolves (and checks) it once.
		const once = deepFreeze(whole(0));
		return () => once;
	}
	if (readsParameters(raw)) return whole;
	const references: Template['references'] = [];
	const resolve = template(ctx, raw, name, references);
	return readsAgreeWithN8n(ctx, references) ? resolve : whole;
}

/**
 * A parameter's value for one item, as `getNodeParameter` gives it, for operations that read the
 * same parameters for thousands of items. n8n evaluates every expression in a fresh sandbox (a
 * data proxy, globals, Luxon), which costs more than all the rest of the work on an item. So a
 * parameter without expressions is resolved once per run, and `{{ $json.x }}`, what n8n writes
 * when a field is dragged in, is read straight from the input item; every other expression is
 * still evaluated by n8n. The value is shared between items: read it, never change it. Each name
 * is read with one fallback (the first call's), as every caller here does.
 */
export function itemParameter<T = unknown>(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback?: unknown,
): T {
	const resolvers = runStateOf(ctx).parameterReaders;
	let resolve = resolvers.get(name);
	if (!resolve) {
		resolve = compile(ctx, name, fallback);
		resolvers.set(name, resolve);
	}
	return resolve(itemIndex) as T;
}
