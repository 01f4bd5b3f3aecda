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
	const all = [trigger, ...nodes.map((node, index) => ({ position: [240 * (index + 1), 0], typeVersion: 1, ...node }))];
	const connections = {};
	for (let index = 0; index < all.length - 1; index++) {
		connections[all[index].name] = { main: [[{ node: all[index + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, nodes: all, connections, settings: { executionOrder: 'v1' }, pinData: {} };
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
