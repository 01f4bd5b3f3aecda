// @ts-check
/**
 * Reads and (with UPDATE_PUBLIC_SURFACE=1) rewrites public-surface.txt. JavaScript: the
 * community-node lint rules forbid fs, __dirname and process in .ts files.
 */
const fs = require('node:fs');
const path = require('node:path');

const RECORDED = path.join(__dirname, 'public-surface.txt');

/**
 * The recorded lines, after recording `current` when UPDATE_PUBLIC_SURFACE=1 is set: additions
 * only, unless ALLOW_BREAKING=1 says a new node version keeps the old names working.
 * @param {string[]} current @returns {string[]}
 */
function recordedSurface(current) {
	const recorded = fs.readFileSync(RECORDED, 'utf8').split('\n').filter(Boolean);
	if (!process.env.UPDATE_PUBLIC_SURFACE) return recorded;
	const removed = recorded.filter((line) => !current.includes(line));
	if (removed.length && !process.env.ALLOW_BREAKING) {
		throw new Error(
			`Not recorded: ${removed.length} line(s) would be removed or changed, a breaking change (see CONTRIBUTING.md). First removed: ${removed[0]}`,
		);
	}
	fs.writeFileSync(RECORDED, `${current.join('\n')}\n`);
	return current;
}

module.exports = { recordedSurface };
