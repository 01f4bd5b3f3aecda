// @ts-check
/**
 * The workflows in examples/, with the placeholder credential id filled in: the sandbox
 * (`npm run dev`) imports them, and the end-to-end suite imports and runs each one.
 */
const fs = require('node:fs');
const path = require('node:path');
const { REPO_ROOT } = require('./packageTarball');

const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

/** @param {string} credentialId @returns {Array<{ file: string, workflow: any }>} */
function loadExamples(credentialId) {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const text = fs
				.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')
				.replaceAll('{{SANDBOX_CREDENTIAL_ID}}', credentialId);
			return { file, workflow: JSON.parse(text) };
		});
}

module.exports = { EXAMPLES_DIR, loadExamples };
