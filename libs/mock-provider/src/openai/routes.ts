import type { MockRoute } from '../route';
import { chatCompletionsRoute } from './chat-completions';
import { completionsRoute } from './completions';
import { embeddingsRoute } from './embeddings';
import { imageEditsRoute, imageGenerationsRoute, mockImageRoute } from './images';
import { modelsRoute } from './models';

export { openaiFormat } from './format';

export const openaiRoutes: readonly MockRoute[] = [
  chatCompletionsRoute,
  completionsRoute,
  embeddingsRoute,
  modelsRoute,
  imageGenerationsRoute,
  imageEditsRoute,
  mockImageRoute,
];
