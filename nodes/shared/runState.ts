/**
 * Everything one run of a node carries beyond its parameters, in one place. A "run" is one n8n
 * context object: an execution of an action node, one dropdown load, one webhook call. Nothing
 * here outlives it (the map is weak), so nothing leaks between runs or workflows.
 */
export interface RunState {
	/** The node's Max Retries option, for every request of the run (set by the execute loop). */
	maxRetries?: number;
	/** The credential's Base URL, read and checked once. */
	baseUrl?: Promise<string>;
	/** The last `Mautic-Version` header seen (Point Insights name it in their version error). */
	mauticVersion?: string;
	/** How to read each parameter for an item, decided once per run (parameters/itemParameters.ts). */
	parameterReaders: Map<string, (itemIndex: number) => unknown>;
	/** Instance data read once per run: contact fields, company fields, point groups. */
	catalogues: Map<string, Promise<unknown>>;
}

const runs = new WeakMap<object, RunState>();

/** The run state of this n8n context, created on first use. */
export function runStateOf(context: object): RunState {
	let state = runs.get(context);
	if (!state) {
		state = { parameterReaders: new Map(), catalogues: new Map() };
		runs.set(context, state);
	}
	return state;
}

/**
 * A catalogue of the instance, loaded once per run and shared by every item; a failed load is
 * forgotten, so the next item asks again.
 */
export function runCatalogue<T>(context: object, name: string, load: () => Promise<T>): Promise<T> {
	const { catalogues } = runStateOf(context);
	let catalogue = catalogues.get(name) as Promise<T> | undefined;
	if (!catalogue) {
		catalogue = load();
		catalogues.set(name, catalogue);
		catalogue.catch(() => catalogues.delete(name));
	}
	return catalogue;
}
