import type { INodeProperties } from 'n8n-workflow';
import type { Operation } from './operation';

/** Adds "show only for these operations" to a property, keeping conditions it already has. */
function shownFor(property: INodeProperties, operations: string[]): INodeProperties {
	const show = { ...(property.displayOptions?.show ?? {}), operation: operations };
	return { ...property, displayOptions: { ...property.displayOptions, show } };
}

/** The `operation` selector and every operation's own parameters, from the operation list. */
export function operationProperties(
	operations: Operation[],
	defaultOperation: string,
): INodeProperties[] {
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [...operations]
			.sort((a, b) => a.name.localeCompare(b.name))
			.map(({ name, value, action, description }) => ({ name, value, action, description })),
		default: defaultOperation,
	};
	const perOperation = operations.flatMap((operation) =>
		operation.properties.map((property) => shownFor(property, [operation.value])),
	);
	return [selector, ...perOperation];
}

/**
 * The node's subtitle: the chosen operation's name ("Create or Update"), as n8n's own nodes show
 * it, rather than its stored value ("upsert").
 */
export function operationSubtitle(operations: Operation[]): string {
	const names = Object.fromEntries(operations.map(({ value, name }) => [value, name]));
	return `={{ (${JSON.stringify(names)})[$parameter["operation"]] ?? $parameter["operation"] }}`;
}
