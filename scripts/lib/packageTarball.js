// @ts-check
/**
 * Packs the product as npm would publish it and installs the tarball into an n8n user folder
 * the way n8n's own community-package installer does: unpack into
 * .n8n/nodes/node_modules/<name> and drop dev and peer dependencies from its package.json.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** @param {string} outDir @returns {string} path of the tarball */
function packPackage(outDir) {
	fs.mkdirSync(outDir, { recursive: true });
	const output = execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const [info] = JSON.parse(output.slice(output.indexOf('[')));
	return path.join(outDir, info.filename);
}

/** @param {string} tarball @param {string} userFolder @returns {string} the package folder */
function installAsCommunityPackage(tarball, userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const packageJson = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
	const target = path.join(nodesDir, 'node_modules', packageJson.name);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
	const installedJsonPath = path.join(target, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...rest } = JSON.parse(
		fs.readFileSync(installedJsonPath, 'utf8'),
	);
	fs.writeFileSync(installedJsonPath, JSON.stringify(rest, null, 2));
	const hostJson = path.join(nodesDir, 'package.json');
	const host = fs.existsSync(hostJson)
		? JSON.parse(fs.readFileSync(hostJson, 'utf8'))
		: { name: 'installed-nodes', private: true, dependencies: {} };
	host.dependencies = { ...host.dependencies, [packageJson.name]: packageJson.version };
	fs.writeFileSync(hostJson, JSON.stringify(host, null, 2));
	return target;
}

module.exports = { REPO_ROOT, packPackage, installAsCommunityPackage };
