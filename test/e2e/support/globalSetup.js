// @ts-check
/** Packs the built package once per e2e run and makes sure the pinned n8n is installed. */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureN8n } = require('../../../scripts/lib/n8nHost');
const { packPackage, REPO_ROOT } = require('../../../scripts/lib/packageTarball');

module.exports = async function globalSetup() {
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'nodes'))) {
		throw new Error('dist/ is missing: run `npm run build` before the end-to-end suite');
	}
	const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maatoo-pack-'));
	process.env.MAATOO_E2E_TARBALL = packPackage(outDir);
	ensureN8n(process.env.MAATOO_E2E_N8N_VERSION || undefined);
};
