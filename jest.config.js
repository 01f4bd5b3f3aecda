/** Unit and integration tests: TypeScript through ts-jest, the fake Mautic over real HTTP. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	// The contract suite's counts per backend (and the reasons for skipped checks) after the run.
	reporters: ['default', '<rootDir>/test/contract/summaryReporter.js'],
	// Generous: CI machines are shared and some tests move thousands of contacts.
	testTimeout: 90000,
};
