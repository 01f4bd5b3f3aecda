/**
 * End-to-end suite: the packed package inside a real n8n (pinned 2.8.4), driven through n8n's
 * CLI and HTTP, against the fake Mautic. Slow by nature: one file at a time.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.js'],
	globalSetup: '<rootDir>/test/e2e/support/globalSetup.js',
	maxWorkers: 1,
	testTimeout: 600000,
};
