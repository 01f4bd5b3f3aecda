// @ts-check
/**
 * Reads and (with UPDATE_PUBLIC_SURFACE=1) rewrites public-surface.txt. JavaScript: the
 * community-node lint rules forbid fs, __dirname and process in .ts files.
 */
const fs = require('node:fs');
const path = require('node:path');

const RECORDED = path.join(__dirname, 'public-surface.txt');

/** @param {string[]} current @returns {string[]} the recorded lines (after rewriting them if asked) */
function recordedSurface(current) {
	if (process.env.UPDATE_PUBLIC_SURFACE) fs.writeFileSync(RECORDED, `${current.join('\n')}\n`);
	return fs.readFileSync(RECORDED, 'utf8').split('\n').filter(Boolean);
}

module.exports = { recordedSurface };
