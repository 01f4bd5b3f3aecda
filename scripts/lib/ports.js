// @ts-check
/**
 * Ports for `npm run dev`. A port the user chose through its variable is used as given, and a busy
 * one stops the run with one line that names the port and the variable. A default port that
 * another program holds is replaced by the next free one, and the run says so in one line.
 */
const net = require('node:net');

/** A port problem the user can fix; `npm run dev` prints its message without a stack trace. */
class PortError extends Error {}

/**
 * Whether a server could listen on host:port now (another program may take it a moment later;
 * the caller still reports EADDRINUSE in one line).
 * @param {number} port @param {string} [host]
 * @returns {Promise<boolean>}
 */
function isPortFree(port, host = '127.0.0.1') {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.once('error', (/** @type {NodeJS.ErrnoException} */ error) => {
			if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
			else reject(error);
		});
		server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
	});
}

/**
 * @typedef {object} PortRequest
 * @property {string} label what listens there, e.g. 'the sandbox Mautic'
 * @property {string} variable the environment variable that sets it, e.g. 'MAATOO_SANDBOX_PORT'
 * @property {number} defaultPort
 * @property {NodeJS.ProcessEnv} [env]
 * @property {number[]} [taken] ports already given to something else in this run
 * @property {(port: number) => Promise<boolean>} [isFree]
 * @property {number} [tries] how many ports from the default on to try
 */

/**
 * @param {PortRequest} request
 * @returns {Promise<{ port: number, note?: string }>} note: one line to print when the default was busy
 */
async function choosePort({
	label,
	variable,
	defaultPort,
	env = process.env,
	taken = [],
	isFree = isPortFree,
	tries = 50,
}) {
	const given = env[variable];
	if (given !== undefined && given !== '') {
		const port = Number(given);
		if (!Number.isInteger(port) || port < 1 || port > 65535)
			throw new PortError(`${variable}=${given} is not a port number (1 to 65535).`);
		if (taken.includes(port))
			throw new PortError(
				`Port ${port} (${variable}) is already used by this run for something else: set ${variable} to another port.`,
			);
		if (!(await isFree(port))) {
			throw new PortError(
				`Port ${port} (${label}, set by ${variable}) is in use by another program: set ${variable} to a free port, or unset it to let npm run dev pick one.`,
			);
		}
		return { port };
	}
	for (let port = defaultPort; port < defaultPort + tries && port <= 65535; port++) {
		if (taken.includes(port) || !(await isFree(port))) continue;
		if (port === defaultPort) return { port };
		return {
			port,
			note: `Port ${defaultPort} is in use by another program; ${label} uses ${port} instead (set ${variable} to choose).`,
		};
	}
	throw new PortError(
		`Ports ${defaultPort} to ${defaultPort + tries - 1} are all in use: set ${variable} to a free port for ${label}.`,
	);
}

/**
 * The three ports of the sandbox: the fake Mautic, n8n and n8n's task-runner broker.
 * @param {{ env?: NodeJS.ProcessEnv, isFree?: (port: number) => Promise<boolean> }} [options]
 */
async function chooseSandboxPorts({ env = process.env, isFree = isPortFree } = {}) {
	/** @type {string[]} */
	const notes = [];
	const mautic = await choosePort({
		label: 'the sandbox Mautic',
		variable: 'MAATOO_SANDBOX_PORT',
		defaultPort: 8090,
		env,
		isFree,
	});
	const n8n = await choosePort({
		label: 'n8n',
		variable: 'N8N_PORT',
		defaultPort: 5678,
		env,
		isFree,
		taken: [mautic.port],
	});
	const broker = await choosePort({
		label: "n8n's task runner broker",
		variable: 'N8N_RUNNERS_BROKER_PORT',
		defaultPort: n8n.port + 1,
		env,
		isFree,
		taken: [mautic.port, n8n.port],
	});
	for (const chosen of [mautic, n8n, broker]) if (chosen.note) notes.push(chosen.note);
	return { mauticPort: mautic.port, n8nPort: n8n.port, brokerPort: broker.port, notes };
}

/**
 * One line for an EADDRINUSE that happens despite the check (another program took the port
 * between the check and the listen), or undefined for other errors.
 * @param {unknown} error
 * @param {Record<number, string>} variables port → the variable that sets it
 */
function describeAddressInUse(error, variables) {
	const failure = /** @type {NodeJS.ErrnoException & { port?: number }} */ (error);
	if (!failure || failure.code !== 'EADDRINUSE') return undefined;
	const variable = failure.port === undefined ? undefined : variables[failure.port];
	return `Port ${failure.port ?? '?'} was taken by another program while npm run dev started: run it again to pick free ports${variable ? `, or set ${variable}` : ''}.`;
}

module.exports = { PortError, isPortFree, choosePort, chooseSandboxPorts, describeAddressInUse };
