/**
 * The Mautic API contract our nodes depend on, written once in zod 3. The contract suite
 * (test/contract/*.test.ts) parses the answers of the fake and of a real Mautic with these.
 */
export * from './common';
export * from './envelopes';
export * from './errors';
export * from './contact';
export * from './lookups';
export * from './segments';
export * from './points';
export * from './hooks';
export * from './oauth';
export * from './campaigns';
export * from './emails';
export * from './forms';
export * from './company';
export * from './stagesAndMessages';
