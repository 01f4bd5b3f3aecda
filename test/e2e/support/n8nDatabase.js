// @ts-check
/**
 * Read-only look into an e2e n8n's sqlite database, through the sqlite3 module of the pinned n8n
 * install (built for this Node), e.g. to prove that a request started no execution at all.
 */
const fs = require('node:fs');
const path = require('node:path');
const { ensureN8n } = require('../../../scripts/lib/n8nHost');

/** @param {string} userFolder N8N_USER_FOLDER of the session */
function databaseFile(userFolder) {
	return path.join(userFolder, '.n8n', 'database.sqlite');
}

/**
 * Runs one query and returns its rows.
 * @param {string} userFolder
 * @param {string} sql
 * @param {unknown[]} [params]
 * @returns {Promise<any[]>}
 */
function query(userFolder, sql, params = []) {
	const file = databaseFile(userFolder);
	if (!fs.existsSync(file)) return Promise.reject(new Error(`no n8n database at ${file}`));
	const sqlite3 = require(path.join(ensureN8n(process.env.MAATOO_E2E_N8N_VERSION || undefined).dir, 'node_modules', 'sqlite3'));
	return new Promise((resolve, reject) => {
		const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (/** @type {Error|null} */ openError) => {
			if (openError) return reject(openError);
			db.all(sql, params, (/** @type {Error|null} */ error, /** @type {any[]} */ rows) => {
				db.close();
				if (error) reject(error);
				else resolve(rows);
			});
		});
	});
}

/**
 * Executions of a workflow recorded by n8n (any status).
 * @param {string} userFolder
 * @param {string} workflowId
 * @returns {Promise<number>}
 */
async function countExecutions(userFolder, workflowId) {
	const rows = await query(userFolder, 'SELECT COUNT(*) AS n FROM execution_entity WHERE "workflowId" = ?', [workflowId]);
	return Number(rows[0].n);
}

module.exports = { query, countExecutions, databaseFile };
