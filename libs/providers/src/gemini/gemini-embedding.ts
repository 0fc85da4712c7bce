/**
 * OpenAI embeddings <-> Gemini `batchEmbedContents`: one embed request per input text, answered by
 * `embeddings[].values` in the same order.
 */
import type { EmbeddingRequest, EmbeddingResponse } from '@ai-router/contracts';
import type { ProviderTarget, ResponseContext, TransformedResponse, UpstreamRequest } from '../core/adapter.types';
import { AdapterRequestError, invalidUpstreamResponse, UpstreamResponseError } from '../core/errors';
import { isRecord, parseJsonObject, type JsonObject } from '../core/json';
import { postJson } from '../core/request';
import { geminiHeaders, geminiModelName, geminiUrl } from './gemini-api';

/** Gemini embeds text: token arrays (OpenAI's pre-tokenised input) have no equivalent. */
function inputTexts(input: EmbeddingRequest['input']): string[] {
  if (typeof input === 'string') return [input];
  if (input.every((item): item is string => typeof item === 'string')) return input;
  throw new AdapterRequestError('input', 'Gemini embedding models accept text only, not token arrays.', 'invalid_value');
}

export function buildGeminiEmbeddingRequest(request: EmbeddingRequest, target: ProviderTarget): UpstreamRequest {
  const model = geminiModelName(target.upstreamModel);
  // `task_type` (RETRIEVAL_QUERY, SEMANTIC_SIMILARITY, ...) is Gemini-native; clients may add it.
  const taskType = (request as EmbeddingRequest & { task_type?: unknown }).task_type;
  if (taskType !== undefined && typeof taskType !== 'string') {
    throw new AdapterRequestError('task_type', 'task_type must be a string such as RETRIEVAL_QUERY.', 'invalid_value');
  }
  const requests = inputTexts(request.input).map((text) => {
    const item: JsonObject = { model, content: { parts: [{ text }] } };
    if (taskType !== undefined) item.taskType = taskType;
    if (request.dimensions) item.outputDimensionality = request.dimensions;
    return item;
  });
  return postJson(geminiUrl(target, 'batchEmbedContents'), geminiHeaders(target), { requests });
}

function isVector(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'number');
}

/** OpenAI's base64 layout: the vector as little-endian float32 bytes. */
export function toBase64Float32(vector: readonly number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value, index) => bytes.writeFloatLE(value, index * 4));
  return bytes.toString('base64');
}

/** Gemini reports no token count for embeddings today; a `usageMetadata` is read if one appears. */
function promptTokens(body: JsonObject): number {
  const value = isRecord(body.usageMetadata) ? body.usageMetadata.promptTokenCount : undefined;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

export function transformGeminiEmbeddingResponse(text: string, ctx: ResponseContext): TransformedResponse {
  const body = parseJsonObject(text);
  const embeddings = Array.isArray(body?.embeddings) ? body.embeddings : undefined;
  const vectors = embeddings?.map((embedding) => (isRecord(embedding) ? embedding.values : undefined));
  if (!body || !vectors || vectors.length === 0 || !vectors.every(isVector)) {
    throw new UpstreamResponseError(invalidUpstreamResponse('the body is not a Gemini embedding response'));
  }
  const base64 = ctx.encodingFormat === 'base64';
  const tokens = promptTokens(body);
  const response: EmbeddingResponse = {
    object: 'list',
    data: vectors.map((vector, index) => ({ object: 'embedding', index, embedding: base64 ? toBase64Float32(vector) : vector })),
    model: ctx.requestModel,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
  return {
    body: JSON.stringify(response),
    usage: { inputTokens: tokens, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 },
  };
}
