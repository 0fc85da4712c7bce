/**
 * Embeddings through InvokeModel. Amazon Titan text models embed one string per call
 * (`{inputText}` -> `{embedding, inputTextTokenCount}`); Cohere Embed models take a batch
 * (`{texts, input_type}` -> `{embeddings}`). The body is built per family, the answer read in either shape.
 */
import type { EmbeddingRequest } from '@ai-router/contracts';
import type { ResponseContext, TransformedResponse } from '../core/adapter.types';
import { embeddingListResponse, embeddingTexts, isVector } from '../core/embeddings';
import { AdapterRequestError, invalidUpstreamResponse, UpstreamResponseError } from '../core/errors';
import { isRecord, type JsonObject, parseJsonObject } from '../core/json';
import { tokenCount } from '../core/usage';

/** Cohere Embed on Bedrock accepts at most 96 texts per call. */
export const COHERE_MAX_TEXTS = 96;
const COHERE_INPUT_TYPES = new Set(['search_document', 'search_query', 'classification', 'clustering']);
const COHERE_V4_DIMENSIONS = new Set([256, 512, 1024, 1536]);
const TITAN_V2_DIMENSIONS = new Set([256, 512, 1024]);

export function isCohereEmbedModel(modelId: string): boolean {
  return /(^|[.:/])cohere\.embed-/.test(modelId);
}

/** Titan Text Embeddings v1 (and the G1 name) take `inputText` only: no dimensions, no normalize. */
function isTitanV1(modelId: string): boolean {
  return /amazon\.titan-embed-(text-v1|g1-text)/.test(modelId);
}

function rejectDimensions(request: EmbeddingRequest, allowed: ReadonlySet<number> | null, model: string): void {
  const { dimensions } = request;
  if (dimensions === undefined || dimensions === null) return;
  if (allowed?.has(dimensions)) return;
  const message = allowed
    ? `'${model}' supports dimensions ${[...allowed].join(', ')}, got ${dimensions}.`
    : `'${model}' does not support 'dimensions'.`;
  throw new AdapterRequestError('dimensions', message, 'invalid_value');
}

function cohereBody(request: EmbeddingRequest, modelId: string, texts: string[]): JsonObject {
  if (texts.length > COHERE_MAX_TEXTS) {
    throw new AdapterRequestError('input', `Cohere Embed on Bedrock embeds at most ${COHERE_MAX_TEXTS} inputs per request.`, 'invalid_value');
  }
  const extra = request as EmbeddingRequest & { input_type?: unknown; truncate?: unknown };
  const inputType = extra.input_type ?? 'search_document';
  if (typeof inputType !== 'string' || !COHERE_INPUT_TYPES.has(inputType)) {
    throw new AdapterRequestError('input_type', `input_type must be one of ${[...COHERE_INPUT_TYPES].join(', ')}.`, 'invalid_value');
  }
  const v4 = /cohere\.embed-v4/.test(modelId);
  rejectDimensions(request, v4 ? COHERE_V4_DIMENSIONS : null, modelId);
  const body: JsonObject = { texts, input_type: inputType };
  if (typeof extra.truncate === 'string') body.truncate = extra.truncate;
  if (v4 && request.dimensions) body.output_dimension = request.dimensions;
  return body;
}

function titanBody(request: EmbeddingRequest, modelId: string, texts: string[]): JsonObject {
  if (texts.length > 1) {
    throw new AdapterRequestError('input', 'This provider embeds one input per request; send one string per call.', 'invalid_value');
  }
  if (isTitanV1(modelId)) {
    rejectDimensions(request, null, modelId);
    return { inputText: texts[0] };
  }
  rejectDimensions(request, TITAN_V2_DIMENSIONS, modelId);
  return { inputText: texts[0], ...(request.dimensions ? { dimensions: request.dimensions } : {}), normalize: true };
}

export function toEmbeddingBody(request: EmbeddingRequest, modelId: string): JsonObject {
  const texts = embeddingTexts(request.input, 'Bedrock');
  return isCohereEmbedModel(modelId) ? cohereBody(request, modelId, texts) : titanBody(request, modelId, texts);
}

/** Titan `{embedding}`; Cohere `{embeddings: [[...]]}` or, by type, `{embeddings: {float: [[...]]}}`. */
function vectorsOf(body: JsonObject): number[][] | undefined {
  if (isVector(body.embedding)) return [body.embedding];
  const embeddings = isRecord(body.embeddings) ? body.embeddings.float : body.embeddings;
  return Array.isArray(embeddings) && embeddings.length > 0 && embeddings.every(isVector) ? embeddings : undefined;
}

/**
 * Titan reports `inputTextTokenCount`; Cohere on Bedrock reports its count only in the
 * `x-amzn-bedrock-input-token-count` response header, which this body-only transform cannot see, so
 * its usage counts what the body has (`meta.billed_units.input_tokens` when present, else 0).
 */
function promptTokens(body: JsonObject): number {
  const billed = isRecord(body.meta) && isRecord(body.meta.billed_units) ? body.meta.billed_units.input_tokens : undefined;
  return tokenCount(body.inputTextTokenCount ?? billed);
}

export function transformEmbeddingResponse(text: string, ctx: ResponseContext): TransformedResponse {
  const body = parseJsonObject(text);
  const vectors = body ? vectorsOf(body) : undefined;
  if (!body || !vectors) throw new UpstreamResponseError(invalidUpstreamResponse('the body is not a Bedrock embedding response'));
  return embeddingListResponse(vectors, promptTokens(body), ctx);
}
