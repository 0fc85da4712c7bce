/**
 * OpenAI embeddings <-> Gemini `batchEmbedContents`: one embed request per input text, answered by
 * `embeddings[].values` in the same order.
 */
import type { EmbeddingRequest } from '@ai-router/contracts';
import type { ProviderTarget, ResponseContext, TransformedResponse, UpstreamRequest } from '../core/adapter.types';
import { embeddingListResponse, embeddingTexts, isVector } from '../core/embeddings';
import { AdapterRequestError, invalidUpstreamResponse, UpstreamResponseError } from '../core/errors';
import { isRecord, parseJsonObject, type JsonObject } from '../core/json';
import { postJson } from '../core/request';
import { tokenCount } from '../core/usage';
import { geminiHeaders, geminiModelName, geminiUrl } from './gemini-api';

export function buildGeminiEmbeddingRequest(request: EmbeddingRequest, target: ProviderTarget): UpstreamRequest {
  const model = geminiModelName(target.upstreamModel);
  // `task_type` (RETRIEVAL_QUERY, SEMANTIC_SIMILARITY, ...) is Gemini-native; clients may add it.
  const taskType = (request as EmbeddingRequest & { task_type?: unknown }).task_type;
  if (taskType !== undefined && typeof taskType !== 'string') {
    throw new AdapterRequestError('task_type', 'task_type must be a string such as RETRIEVAL_QUERY.', 'invalid_value');
  }
  const requests = embeddingTexts(request.input, 'Gemini').map((text) => {
    const item: JsonObject = { model, content: { parts: [{ text }] } };
    if (taskType !== undefined) item.taskType = taskType;
    if (request.dimensions) item.outputDimensionality = request.dimensions;
    return item;
  });
  return postJson(geminiUrl(target, 'batchEmbedContents'), geminiHeaders(target), { requests });
}

/** Gemini reports no token count for embeddings today; a `usageMetadata` is read if one appears. */
function promptTokens(body: JsonObject): number {
  return tokenCount(isRecord(body.usageMetadata) ? body.usageMetadata.promptTokenCount : undefined);
}

export function transformGeminiEmbeddingResponse(text: string, ctx: ResponseContext): TransformedResponse {
  const body = parseJsonObject(text);
  const embeddings = Array.isArray(body?.embeddings) ? body.embeddings : undefined;
  const vectors = embeddings?.map((embedding) => (isRecord(embedding) ? embedding.values : undefined));
  if (!body || !vectors || vectors.length === 0 || !vectors.every(isVector)) {
    throw new UpstreamResponseError(invalidUpstreamResponse('the body is not a Gemini embedding response'));
  }
  return embeddingListResponse(vectors, promptTokens(body), ctx);
}
