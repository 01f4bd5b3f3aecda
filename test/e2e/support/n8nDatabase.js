// @ts-check
/**
 * Read-only look into an e2e n8n's sqlite database, through the sqlite3 module of the n8n install
 * the suite runs, e.g. to prove that a request started no execution at all.
 */
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ensureE2eN8n } = require('../../../scripts/lib/n8nHost');

/** @param {string} userFolder N8N_USER_FOLDER of the session */
function databaseFile(userFolder) {
	return path.join(userFolder, '.n8n', 'database.sqlite');
}

/**
 * Runs one query and returns its rows. sqlite3 is built for the Node that runs n8n: when that is
 * not this process's Node (MAATOO_E2E_N8N_NODE=24), the query runs in a child on that Node.
 * @param {string} userFolder
 * @param {string} sql
 * @param {unknown[]} [params]
 * @returns {Promise<any[]>}
 */
function query(userFolder, sql, params = []) {
	const file = databaseFile(userFolder);
	if (!fs.existsSync(file)) return Promise.reject(new Error(`no n8n database at ${file}`));
	const host = ensureE2eN8n();
	const sqlite3Dir = path.join(host.dir, 'node_modules', 'sqlite3');
	if (host.nodeBin !== process.execPath)
		return queryOnHostNode(host.nodeBin, sqlite3Dir, file, sql, params);
	return queryWith(require(sqlite3Dir), file, sql, params);
}

/**
 * @param {any} sqlite3 @param {string} file @param {string} sql @param {unknown[]} params
 * @returns {Promise<any[]>}
 */
function queryWith(sqlite3, file, sql, params) {
	return new Promise((resolve, reject) => {
		const db = new sqlite3.Database(
			file,
			sqlite3.OPEN_READONLY,
			(/** @type {Error|null} */ openError) => {
				if (openError) return reject(openError);
				db.all(sql, params, (/** @type {Error|null} */ error, /** @type {any[]} */ rows) => {
					db.close();
					if (error) reject(error);
					else resolve(rows);
				});
			},
		);
	});
}

/**
 * @param {string} nodeBin @param {string} sqlite3Dir @param {string} file @param {string} sql @param {unknown[]} params
 * @returns {Promise<any[]>}
 */
function queryOnHostNode(nodeBin, sqlite3Dir, file, sql, params) {
	const script = `(${queryWith})(require(process.argv[1]), process.argv[2], process.argv[3], JSON.parse(process.argv[4]))
		.then((rows) => process.stdout.write(JSON.stringify(rows)), (error) => { console.error(error.message); process.exit(1); });`;
	return new Promise((resolve, reject) => {
		execFile(
			nodeBin,
			['-e', script, sqlite3Dir, file, sql, JSON.stringify(params)],
			(error, stdout, stderr) => {
				if (error)
					reject(new Error(`sqlite query on ${nodeBin} failed: ${stderr || error.message}`));
				else resolve(JSON.parse(stdout));
			},
		);
	});
}

/**
 * Executions of a workflow recorded by n8n (any status).
 * @param {string} userFolder
 * @param {string} workflowId
 * @returns {Promise<number>}
 */
async function countExecutions(userFolder, workflowId) {
	const rows = await query(
		userFolder,
		'SELECT COUNT(*) AS n FROM execution_entity WHERE "workflowId" = ?',
		[workflowId],
	);
	return Number(rows[0].n);
}

module.exports = { query, countExecutions, databaseFile };
