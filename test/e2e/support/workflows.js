// @ts-check
/** Small builders for the workflow JSON the suite imports into n8n. */

const PACKAGE = 'n8n-nodes-maatoo';

/**
 * A workflow: Manual Trigger → the given nodes in a chain.
 * @param {{ id: string, name: string, nodes: object[] }} spec
 */
function manualWorkflow({ id, name, nodes }) {
	const trigger = {
		id: `${id}-trigger`,
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const all = [
		trigger,
		...nodes.map((node, index) => ({ position: [240 * (index + 1), 0], typeVersion: 1, ...node })),
	];
	const connections = {};
	for (let index = 0; index < all.length - 1; index++) {
		connections[all[index].name] = {
			main: [[{ node: all[index + 1].name, type: 'main', index: 0 }]],
		};
	}
	return {
		id,
		name,
		active: false,
		nodes: all,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** @param {'basicAuth' | 'oAuth2'} authentication @param {{ id: string, name: string }} credential */
function credentialsFor(authentication, credential) {
	return authentication === 'oAuth2' ? { maatooOAuth2Api: credential } : { maatooApi: credential };
}

/**
 * @param {{ name: string, type: string, authentication: 'basicAuth' | 'oAuth2', credential: { id: string, name: string }, parameters: object, continueOnFail?: boolean }} spec
 */
function maatooNode({ name, type, authentication, credential, parameters, continueOnFail }) {
	return {
		id: `node-${name.replace(/\W+/g, '-').toLowerCase()}`,
		name,
		type: `${PACKAGE}.${type}`,
		parameters: { authentication, ...parameters },
		credentials: credentialsFor(authentication, credential),
		...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
	};
}

module.exports = { PACKAGE, manualWorkflow, maatooNode };

/**
 * A Code node that emits `count` items built by `itemExpression` (JavaScript over `i`).
 * @param {string} name @param {number} count @param {string} itemExpression
 */
function generatorNode(name, count, itemExpression) {
	return {
		id: `node-${name.replace(/\W+/g, '-').toLowerCase()}`,
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: {
			jsCode: `return Array.from({ length: ${count} }, (_, i) => ({ json: ${itemExpression} }));`,
		},
	};
}

/**
 * The value n8n saves for a resource mapper in "Map Each Field Below" mode.
 * @param {Record<string, unknown>} value @param {Record<string, string>} [types] n8n field types by alias
 */
function mapperValue(value, types = {}) {
	return {
		mappingMode: 'defineBelow',
		value,
		matchingColumns: [],
		schema: Object.keys(value).map((id) => ({
			id,
			displayName: id,
			required: false,
			defaultMatch: id === 'email',
			display: true,
			type: types[id] ?? 'string',
			canBeUsedToMatch: id === 'email',
		})),
		attemptToConvertTypes: false,
		convertFieldsToString: false,
	};
}

module.exports.generatorNode = generatorNode;
module.exports.mapperValue = mapperValue;
