import type { MockRoute } from '../route';
import { batchEmbedContentsRoute, embedContentRoute } from './embed-content';
import { generateContentRoute, streamGenerateContentRoute } from './generate-content';
import { geminiModelsRoute } from './models';

export { geminiFormat } from './format';

export const geminiRoutes: readonly MockRoute[] = [
  generateContentRoute,
  streamGenerateContentRoute,
  embedContentRoute,
  batchEmbedContentsRoute,
  geminiModelsRoute,
];
