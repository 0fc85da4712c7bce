export { startMockProvider } from './server';
export type { MockDirective, MockFault, MockProvider, MockProviderOptions, RecordedRequest, SigV4Scope } from './types';
