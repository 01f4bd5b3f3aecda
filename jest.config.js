/** Unit and integration tests: TypeScript through ts-jest, the fake Mautic over real HTTP. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	// Generous: CI machines are shared and some tests move thousands of contacts.
	testTimeout: 90000,
};
