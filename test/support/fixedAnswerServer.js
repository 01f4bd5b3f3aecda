// @ts-check
/**
 * A loopback HTTP server that answers every request with JSON of the test's choosing: a server
 * that does not behave like Mautic (a proxy ignoring the query, a plugin repeating pages).
 * JavaScript, like the fake Mautic: the community-node lint rules forbid node:http in .ts files.
 */
const http = require('node:http');

/**
 * @param {(requestNumber: number) => unknown} answer body of the n-th request (1-based)
 * @returns {Promise<{ url: string, requests: string[], close(): Promise<void> }>}
 */
async function startFixedAnswerServer(answer) {
	/** @type {string[]} */
	const requests = [];
	const server = http.createServer((req, res) => {
		requests.push(req.url ?? '');
		res.writeHead(200, { 'Content-Type': 'application/json', 'Mautic-Version': '5.1.0' });
		res.end(JSON.stringify(answer(requests.length)));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${address.port}`,
		requests,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

module.exports = { startFixedAnswerServer };
