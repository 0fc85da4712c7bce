export { startMockProvider } from './server';
export type { MockDirective, MockFault, MockHold, MockProvider, MockProviderOptions, RecordedRequest, SigV4Scope } from './types';
