/** Google's Gemini (Generative Language) API behind the OpenAI chat completions and embeddings interfaces. */
import type { ChatCompletionRequest, EmbeddingRequest } from '@ai-router/contracts';
import type { OperationAdapter, ProviderAdapter, ProviderTarget, UpstreamRequest } from '../core/adapter.types';
import { applyParamMap } from '../core/param-map';
import { postJson } from '../core/request';
import { geminiHeaders, geminiListModelsRequest, geminiUrl } from './gemini-api';
import { buildGeminiEmbeddingRequest, transformGeminiEmbeddingResponse } from './gemini-embedding';
import { parseGeminiError } from './gemini-error';
import { toGeminiConversation } from './gemini-messages';
import { parseGeminiModels } from './gemini-models';
import { geminiChatParams, geminiGeneration } from './gemini-params';
import { transformGeminiResponse } from './gemini-response';
import { GeminiStreamTransformer } from './gemini-stream';

function buildChatRequest(request: ChatCompletionRequest, target: ProviderTarget): UpstreamRequest {
  // Gemini 2.x and older never validate thought signatures; newer and unknown ids may.
  const generation = geminiGeneration(target.upstreamModel);
  const conversation = toGeminiConversation(request.messages, { signatureFallback: generation === undefined || generation >= 3 });
  const params = applyParamMap(request, geminiChatParams(target.upstreamModel), { passUnknown: false });
  const method = request.stream === true ? 'streamGenerateContent' : 'generateContent';
  return postJson(geminiUrl(target, method), geminiHeaders(target), { ...conversation, ...params });
}

const chat: OperationAdapter<ChatCompletionRequest> = {
  // Gemini reports usage in every stream frame, so BuildOptions.includeStreamUsage needs no handling.
  buildRequest: (request, target) => buildChatRequest(request, target),
  transformResponse: transformGeminiResponse,
  createStreamTransformer: (ctx) => new GeminiStreamTransformer(ctx),
};

const embedding: OperationAdapter<EmbeddingRequest> = {
  buildRequest: (request, target) => buildGeminiEmbeddingRequest(request, target),
  transformResponse: transformGeminiEmbeddingResponse,
};

export const geminiAdapter: ProviderAdapter = {
  kind: 'gemini',
  chat,
  embedding,
  listModels: { buildRequest: geminiListModelsRequest, parseResponse: parseGeminiModels },
  parseError: parseGeminiError,
};
