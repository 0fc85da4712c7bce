export { startMockProvider } from './server';
/** The mock's seeded PRNG, for tests that want reproducible random choices of their own. */
export { seededRandom } from './faults';
export type { MockDirective, MockFault, MockHold, MockProvider, MockProviderOptions, RecordedRequest, SigV4Scope } from './types';
