// @ts-check
/**
 * The benchmark jobs as n8n workflows: a webhook starts each run and answers with a one-line
 * summary (so n8n never has to print or return 50,000 items), the same generator and summary
 * around n8n's built-in Mautic node and around ours.
 */

const BUILTIN_CREDENTIAL = { id: 'benchMauticBuilt', name: 'Bench Mautic (built-in)' };
const MAATOO_CREDENTIAL = { id: 'benchMaatooBasic', name: 'Bench Mautic (maatoo)' };

function webhookNode(path) {
	return {
		id: `${path}-hook`,
		name: 'Start',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: `0b0c0d0e-0000-4000-8000-${Buffer.from(path).toString('hex').padEnd(12, '0').slice(0, 12)}`,
		parameters: {
			httpMethod: 'POST',
			path,
			responseMode: 'lastNode',
			responseData: 'firstEntryJson',
			options: {},
		},
	};
}

function generator(count) {
	return {
		id: 'generator',
		name: 'Shop customers',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: {
			// new addresses in every run, so a real Mautic (which keeps its data) creates each time too
			jsCode: `return Array.from({ length: ${count} }, (_, i) => ({ json: { email: \`bench\${$execution.id}x\${i}@example.com\`, firstname: \`First\${i}\`, lastname: \`Last\${i}\` } }));`,
		},
	};
}

/** Counts the items the Mautic node produced, and its error items, in the main process. */
function summary() {
	return {
		id: 'summary',
		name: 'Summary',
		type: 'n8n-nodes-base.summarize',
		typeVersion: 1.1,
		parameters: {
			fieldsToSummarize: {
				values: [
					{ aggregation: 'count', field: 'id' },
					{ aggregation: 'count', field: 'error' },
				],
			},
			options: {},
		},
	};
}

function chain(id, name, nodes) {
	const positioned = nodes.map((node, index) => ({ position: [220 * index, 0], ...node }));
	const connections = {};
	for (let index = 0; index < positioned.length - 1; index++) {
		connections[positioned[index].name] = {
			main: [[{ node: positioned[index + 1].name, type: 'main', index: 0 }]],
		};
	}
	return {
		id,
		name,
		active: false,
		nodes: positioned,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

const builtinNode = (parameters) => ({
	id: 'mautic',
	name: 'Mautic',
	type: 'n8n-nodes-base.mautic',
	typeVersion: 1,
	parameters: { authentication: 'credentials', resource: 'contact', ...parameters },
	credentials: { mauticApi: BUILTIN_CREDENTIAL },
});

const maatooNode = (parameters) => ({
	id: 'mautic',
	name: 'Mautic',
	type: 'n8n-nodes-maatoo.maatooContact',
	typeVersion: 1,
	parameters: { authentication: 'basicAuth', ...parameters },
	credentials: { maatooApi: MAATOO_CREDENTIAL },
});

const FIELDS = ['email', 'firstname', 'lastname'];
const schema = FIELDS.map((id) => ({
	id,
	displayName: id,
	required: false,
	defaultMatch: id === 'email',
	display: true,
	type: 'string',
	canBeUsedToMatch: id === 'email',
}));

/**
 * @param {number} count contacts to create or update
 * @param {number} exportCount contacts to get
 * @param {string} [exportSearch] a search that selects exactly those (a real Mautic holds others too)
 */
function jobs(count, exportCount, exportSearch) {
	const listOptions = exportSearch ? { search: exportSearch } : {};
	return [
		{
			job: 'upsert',
			implementation: 'built-in',
			label: `create or update ${count.toLocaleString('en')} contacts`,
			workflow: chain('benchUpsertBuilt', 'Bench: upsert (built-in)', [
				webhookNode('bench-upsert-builtin'),
				generator(count),
				builtinNode({
					operation: 'create',
					email: '={{ $json.email }}',
					firstName: '={{ $json.firstname }}',
					lastName: '={{ $json.lastname }}',
					additionalFields: {},
					options: {},
				}),
				summary(),
			]),
		},
		{
			job: 'upsert',
			implementation: 'maatoo (fields mapped by expressions)',
			workflow: chain('benchUpsertExpr', 'Bench: upsert (maatoo, expressions)', [
				webhookNode('bench-upsert-maatoo-expr'),
				generator(count),
				maatooNode({
					operation: 'upsert',
					fields: {
						mappingMode: 'defineBelow',
						value: {
							email: '={{ $json.email }}',
							firstname: '={{ $json.firstname }}',
							lastname: '={{ $json.lastname }}',
						},
						matchingColumns: [],
						schema,
						attemptToConvertTypes: false,
						convertFieldsToString: false,
					},
				}),
				summary(),
			]),
		},
		{
			job: 'upsert',
			implementation: 'maatoo (fields mapped automatically)',
			workflow: chain('benchUpsertAuto', 'Bench: upsert (maatoo, auto-map)', [
				webhookNode('bench-upsert-maatoo-auto'),
				generator(count),
				maatooNode({
					operation: 'upsert',
					fields: {
						mappingMode: 'autoMapInputData',
						value: null,
						matchingColumns: [],
						schema,
						attemptToConvertTypes: false,
						convertFieldsToString: false,
					},
				}),
				summary(),
			]),
		},
		{
			job: 'getAll',
			implementation: 'built-in',
			label: `get all of ${exportCount.toLocaleString('en')} contacts`,
			workflow: chain('benchGetAllBuilt', 'Bench: get all (built-in)', [
				webhookNode('bench-getall-builtin'),
				builtinNode({ operation: 'getAll', returnAll: true, options: listOptions }),
				summary(),
			]),
		},
		{
			job: 'getAll',
			implementation: 'maatoo',
			workflow: chain('benchGetAllMaatoo', 'Bench: get all (maatoo)', [
				webhookNode('bench-getall-maatoo'),
				maatooNode({ operation: 'getAll', returnAll: true, options: listOptions }),
				summary(),
			]),
		},
	];
}

module.exports = { jobs, BUILTIN_CREDENTIAL, MAATOO_CREDENTIAL };
