// @ts-check
'use strict';

/**
 * Prints a measured number with the test output (lint bans console and process in .ts tests):
 * `npx jest test/integration/campaign -t 500` shows the line.
 * @param {string} text
 */
function note(text) {
	process.stderr.write(`${text}\n`);
}

module.exports = { note };
