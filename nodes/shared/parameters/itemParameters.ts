import { deepCopy, type IDataObject, type IExecuteFunctions, type NodeParameterValueType } from 'n8n-workflow';
import { jsonReferencePath, readJsonReference } from './jsonReference';

type Resolve = (itemIndex: number) => unknown;

const resolversByRun = new WeakMap<IExecuteFunctions, Map<string, Resolve>>();

const isExpression = (value: unknown): value is string => typeof value === 'string' && value.startsWith('=');

function holdsExpression(value: unknown): boolean {
	if (isExpression(value)) return true;
	if (!value || typeof value !== 'object') return false;
	return Object.values(value).some(holdsExpression);
}

/** `$parameter["&x"]` reads sibling values, which only n8n's whole-parameter evaluation provides. */
function readsParameters(value: unknown): boolean {
	if (typeof value === 'string') return value.includes('$parameter');
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

/**
 * A resolver that rebuilds the parameter's shape per item: plain values copied, `{{ $json.x }}`
 * read from the item, other expressions evaluated by n8n one leaf at a time.
 */
function templateResolver(ctx: IExecuteFunctions, raw: unknown, path: string): Resolve {
	if (!holdsExpression(raw)) {
		// A copy, so no item can change the node's own parameters (a mapper's schema, say).
		const constant = deepFreeze(deepCopy(raw as IDataObject));
		return () => constant;
	}
	if (Array.isArray(raw)) {
		const children = raw.map((child, index) => templateResolver(ctx, child, `${path}[${index}]`));
		return (itemIndex) => children.map((resolve) => resolve(itemIndex));
	}
	if (raw && typeof raw === 'object') {
		const children = Object.entries(raw).map(([key, child]) => [key, templateResolver(ctx, child, childPath(path, key))] as const);
		return (itemIndex) => {
			const resolved: Record<string, unknown> = {};
			for (const [key, resolve] of children) resolved[key] = resolve(itemIndex);
			return resolved;
		};
	}
	const evaluate = (itemIndex: number) => ctx.getNodeParameter(path, itemIndex);
	const reference = jsonReferencePath(raw);
	if (!reference) return evaluate;
	return (itemIndex) => {
		const read = readJsonReference(ctx.getInputData()[itemIndex]?.json ?? {}, reference);
		return read === 'unsure' ? evaluate(itemIndex) : read.value;
	};
}

function compile(ctx: IExecuteFunctions, name: string, fallback: unknown): Resolve {
	const raw = ctx.getNodeParameter(name, 0, fallback as NodeParameterValueType, { rawExpressions: true });
	if (!holdsExpression(raw)) {
		// The same for every item: n8n resolves (and checks) it once.
		const once = deepFreeze(ctx.getNodeParameter(name, 0, fallback as NodeParameterValueType));
		return () => once;
	}
	if (readsParameters(raw)) return (itemIndex) => ctx.getNodeParameter(name, itemIndex, fallback as NodeParameterValueType);
	return templateResolver(ctx, raw, name);
}

/**
 * A parameter's value for one item, as `getNodeParameter` gives it, for operations that read the
 * same parameters for thousands of items. n8n evaluates every expression in a fresh sandbox (a
 * data proxy, globals, Luxon), which costs more than all the rest of the work on an item. So a
 * parameter without expressions is resolved once per run, and `{{ $json.x }}`, what n8n writes
 * when a field is dragged in, is read straight from the input item; every other expression is
 * still evaluated by n8n. The value is shared between items: read it, never change it.
 */
export function itemParameter<T = unknown>(ctx: IExecuteFunctions, name: string, itemIndex: number, fallback?: unknown): T {
	let resolvers = resolversByRun.get(ctx);
	if (!resolvers) {
		resolvers = new Map();
		resolversByRun.set(ctx, resolvers);
	}
	let resolve = resolvers.get(name);
	if (!resolve) {
		resolve = compile(ctx, name, fallback);
		resolvers.set(name, resolve);
	}
	return resolve(itemIndex) as T;
}
