/**
 * Where and how to call the Gemini (Generative Language) API. The key travels in `x-goog-api-key`,
 * never in the query string: URLs end up in access logs and traces.
 */
import type { ProviderTarget, UpstreamRequest } from '../core/adapter.types';
import { buildHeaders, joinUrl } from '../core/request';

export const GEMINI_API_VERSION = 'v1beta';

export type GeminiMethod = 'generateContent' | 'streamGenerateContent' | 'batchEmbedContents';

/**
 * The model's resource name: `models/<id>` for base models (the `models/` prefix is optional in the
 * configuration), `tunedModels/<id>` kept as configured.
 */
export function geminiModelName(upstreamModel: string): string {
  const name = upstreamModel.trim();
  if (name.startsWith('tunedModels/')) return `tunedModels/${encodeURIComponent(name.slice('tunedModels/'.length))}`;
  return `models/${encodeURIComponent(name.replace(/^models\//, ''))}`;
}

export function geminiUrl(target: ProviderTarget, method: GeminiMethod): string {
  const query = method === 'streamGenerateContent' ? '?alt=sse' : '';
  return joinUrl(target.baseUrl, `/${GEMINI_API_VERSION}/${geminiModelName(target.upstreamModel)}:${method}${query}`);
}

export function geminiHeaders(target: ProviderTarget, json = true): Record<string, string> {
  return buildHeaders(json ? { 'content-type': 'application/json' } : {}, target, { 'x-goog-api-key': target.apiKey });
}

/** `models.list` pages hold 50 models unless asked for more; 1000 is the documented maximum. */
export function geminiListModelsRequest(target: ProviderTarget): UpstreamRequest {
  return {
    method: 'GET',
    url: joinUrl(target.baseUrl, `/${GEMINI_API_VERSION}/models?pageSize=1000`),
    headers: geminiHeaders(target, false),
  };
}
