export { startMockProvider } from './server';
export type { MockDirective, MockFault, MockProvider, MockProviderOptions, RecordedRequest } from './types';
