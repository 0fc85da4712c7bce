/** `GET /v1beta/models` -> the ids a deployment can use (chat or embeddings), without `models/`. */
import { invalidUpstreamResponse, UpstreamResponseError } from '../core/errors';
import { isRecord, parseJsonObject } from '../core/json';

const USABLE_METHODS = new Set(['generateContent', 'embedContent']);

export function parseGeminiModels(body: string): string[] {
  const parsed = parseJsonObject(body);
  if (!parsed) throw new UpstreamResponseError(invalidUpstreamResponse('the body is not a Gemini model list'));
  // An account without models answers `{}`.
  const models = Array.isArray(parsed.models) ? parsed.models.filter(isRecord) : [];
  return models
    .filter((model) => Array.isArray(model.supportedGenerationMethods)
      && model.supportedGenerationMethods.some((method) => typeof method === 'string' && USABLE_METHODS.has(method)))
    .map((model) => model.name)
    .filter((name): name is string => typeof name === 'string' && name !== '')
    .map((name) => name.replace(/^models\//, ''));
}
