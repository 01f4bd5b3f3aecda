import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { itemParameter } from '../../nodes/shared/parameters/itemParameters';
import { jsonReferencePath } from '../../nodes/shared/parameters/jsonReference';
import { harnessTriggerNode, runWorkflow } from '../harness';

/**
 * `itemParameter` against n8n itself: a probe node reads the same parameter both ways for every
 * item inside a real n8n-core execution, and the answers must be equal (or both an error).
 */
class ParameterProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Parameter Probe',
		name: 'parameterProbe',
		group: ['transform'],
		version: 1,
		description: 'Reads one parameter through n8n and through itemParameter',
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties: [
			{ displayName: 'Probe', name: 'probe', type: 'json', default: '' },
			// `otherInput`: itemParameter sees other input items than n8n's $json (as in a tool run).
			{ displayName: 'Input', name: 'input', type: 'string', default: 'same' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const outcome = (read: () => unknown) => {
			try {
				return { value: read() };
			} catch (error) {
				return { error: (error as Error).message };
			}
		};
		// Counts what itemParameter leaves to n8n's evaluation.
		let evaluations = 0;
		const counted = Object.create(this) as IExecuteFunctions;
		counted.getNodeParameter = ((...args: Parameters<IExecuteFunctions['getNodeParameter']>) => {
			evaluations++;
			return this.getNodeParameter(...args);
		}) as IExecuteFunctions['getNodeParameter'];
		if (this.getNodeParameter('input', 0) === 'otherInput') {
			counted.getInputData = () =>
				ITEMS.map((json) => ({ json: { ...json, email: 'someone-else@example.com' } }));
		}
		const rows = this.getInputData().map((_, itemIndex) => ({
			n8n: outcome(() => this.getNodeParameter('probe', itemIndex)),
			ours: outcome(() => itemParameter(counted, 'probe', itemIndex)),
		}));
		return [
			rows.map((row, itemIndex) => ({
				json: { ...row, evaluations } as IDataObject,
				pairedItem: { item: itemIndex },
			})),
		];
	}
}

const ITEMS: IDataObject[] = [
	{
		email: 'ada@example.com',
		'first name': 'Ada',
		name: { first: 'Ada', last: 'Lovelace' },
		tags: ['vip', 'customer'],
		zero: 0,
		nothing: null,
		no: false,
		address: { city: 'Basel' },
	},
	{},
	{ email: 42, name: null, tags: 'not a list' },
	{ name: 'text', tags: [] },
];

const PROBES: Array<[string, unknown]> = [
	['a dragged field', '={{ $json.email }}'],
	['no spaces', '={{$json.email}}'],
	['bracket, double quotes', '={{ $json["first name"] }}'],
	['bracket, single quotes', "={{ $json['first name'] }}"],
	['nested', '={{ $json.name.first }}'],
	['array index', '={{ $json.tags[1] }}'],
	['a prototype key (length)', '={{ $json.tags.length }}'],
	['missing key', '={{ $json.missing }}'],
	['zero', '={{ $json.zero }}'],
	['null', '={{ $json.nothing }}'],
	['false', '={{ $json.no }}'],
	['an object', '={{ $json.address }}'],
	['a method call', '={{ $json.email.toUpperCase() }}'],
	['text around', '=Mail: {{ $json.email }}'],
	['two references', '={{ $json.email }}{{ $json.zero }}'],
	['a function value', '={{ $json.toString }}'],
	['the guarded constructor key', '={{ $json.constructor }}'],
	['plain text', 'no expression'],
	['a number', 12],
	[
		'an object of references and literals',
		{
			email: '={{ $json.email }}',
			nested: { city: '={{ $json.address.city }}', fixed: 'x', count: 3 },
			list: ['={{ $json.tags[0] }}', 'y'],
		},
	],
	[
		'an object with a method call inside',
		{ email: '={{ $json.email }}', upper: '={{ String($json.email).toUpperCase() }}' },
	],
	['a resource locator by ID', { __rl: true, mode: 'id', value: '={{ $json.zero }}' }],
	['an index with a leading zero', '={{ $json.tags[01] }}'],
	['a key n8n refuses', '={{ $json.binding }}'],
	['a quoted key with braces', '={{ $json["a}}b"] }}'],
	[
		'a raw sibling reference',
		{ a: 'one', b: '={{ $rawParameter["&a"] }}', c: '={{ $json.email }}' },
	],
	[
		'a sibling parameter reference',
		{ a: 'one', b: '={{ $parameter["&a"] }}', c: '={{ $json.email }}' },
	],
];

async function probe(value: unknown, input = 'same'): Promise<IDataObject[]> {
	const trigger = harnessTriggerNode();
	const node = {
		id: 'probe',
		name: 'Probe',
		type: 'n8n-nodes-maatoo.parameterProbe',
		typeVersion: 1,
		position: [200, 0] as [number, number],
		parameters: { probe: value, input } as never,
	};
	const result = await runWorkflow({
		nodeTypes: { 'n8n-nodes-maatoo.parameterProbe': new ParameterProbe() },
		credentialTypes: [],
		credentials: [],
		nodes: [trigger, node],
		connections: { [trigger.name]: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		inputItems: ITEMS.map((json) => ({ json })),
	});
	if (result.status === 'error') throw result.error ?? new Error('execution failed');
	return result.output(node.name).map((item) => item.json);
}

describe('itemParameter reads what n8n reads', () => {
	test.each(PROBES)('%s', async (_label, value) => {
		const rows = await probe(value);
		expect(rows).toHaveLength(ITEMS.length);
		for (const row of rows) {
			const n8n = row.n8n as IDataObject;
			const ours = row.ours as IDataObject;
			if ('error' in n8n) expect(ours).toHaveProperty('error');
			else expect(ours).toEqual(n8n);
		}
	});

	test('a dragged field costs n8n one evaluation per run (the check on the first item), not one per item', async () => {
		const rows = await probe('={{ $json.email }}');
		expect(rows[0].evaluations).toBe(1);
		const evaluated = await probe('={{ $json.email.toUpperCase() }}');
		expect(evaluated[0].evaluations).toBe(ITEMS.length);
	});

	test('when $json is not the input the node was given, n8n evaluates every item', async () => {
		const rows = await probe('={{ $json.email }}', 'otherInput');
		for (const row of rows) expect(row.ours).toEqual(row.n8n);
		expect(rows[0].evaluations).toBeGreaterThan(ITEMS.length);
	});

	test('the probes read real values, not only undefined', async () => {
		const rows = await probe('={{ $json.email }}');
		expect(rows.map((row) => (row.ours as IDataObject).value)).toEqual([
			'ada@example.com',
			undefined,
			42,
			undefined,
		]);
	});
});

describe('jsonReferencePath', () => {
	test.each([
		['={{ $json.email }}', ['email']],
		['={{$json.a.b}}', ['a', 'b']],
		['={{ $json["first name"] }}', ['first name']],
		["={{ $json['x'][0] }}", ['x', '0']],
	])('%s is a reference to %j', (expression, path) => {
		expect(jsonReferencePath(expression)).toEqual(path);
	});

	test.each([
		'{{ $json.email }}',
		'={{ $json.email }} ',
		'=x{{ $json.email }}',
		'={{ $json.email.trim() }}',
		'={{ $json.__proto__ }}',
		'={{ $json["a\\"b"] }}',
		'={{ $("Node").item.json.email }}',
		'={{ $json }}',
		'={{ $json.tags[01] }}',
		'={{ $json.binding }}',
		'={{ $json.$x }}',
		'={{ $json["a}}b"] }}',
	])('%s is left to n8n', (expression) => {
		expect(jsonReferencePath(expression)).toBeUndefined();
	});
});
