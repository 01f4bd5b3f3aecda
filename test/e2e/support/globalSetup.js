// @ts-check
/**
 * Packs the built package once per e2e run and makes sure the n8n to run is installed
 * (MAATOO_E2E_N8N_VERSION, default 2.8.4, on MAATOO_E2E_N8N_NODE, default the machine's Node).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureE2eN8n } = require('../../../scripts/lib/n8nHost');
const { packPackage, REPO_ROOT } = require('../../../scripts/lib/packageTarball');

module.exports = async function globalSetup() {
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'nodes'))) {
		throw new Error('dist/ is missing: run `npm run build` before the end-to-end suite');
	}
	const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maatoo-pack-'));
	process.env.MAATOO_E2E_TARBALL = packPackage(outDir);
	ensureE2eN8n();
};
