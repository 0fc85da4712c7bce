/**
 * Amazon Bedrock Runtime behind the OpenAI interface: chat through Converse / ConverseStream,
 * embeddings through InvokeModel (Titan, Cohere). Every request is SigV4-signed, so building one is async.
 */
import type { ChatCompletionRequest, EmbeddingRequest } from '@ai-router/contracts';
import type { OperationAdapter, ProviderAdapter, ProviderTarget, UpstreamRequest } from '../core/adapter.types';
import { applyParamMap } from '../core/param-map';
import { type BedrockAction, bedrockHeaders, bedrockModelUrl, bedrockRegion, parseBedrockCredentials } from './bedrock-api';
import { toEmbeddingBody, transformEmbeddingResponse } from './bedrock-embeddings';
import { parseBedrockError } from './bedrock-error';
import { toConverseConversation } from './bedrock-messages';
import { BEDROCK_CHAT_PARAMS, toToolConfig } from './bedrock-params';
import { transformConverseResponse } from './bedrock-response';
import { signBedrockRequest } from './bedrock-signing';
import { BedrockStreamTransformer } from './bedrock-stream';

async function signedPost(target: ProviderTarget, action: BedrockAction, body: object): Promise<UpstreamRequest> {
  // Configuration first: a missing region is the account's problem whatever the credential holds.
  const region = bedrockRegion(target);
  const credentials = parseBedrockCredentials(target.apiKey);
  const headers = bedrockHeaders(target, action);
  const url = bedrockModelUrl(target, region, action);
  return signBedrockRequest({ url, headers, body: JSON.stringify(body) }, credentials, region);
}

function buildChatRequest(request: ChatCompletionRequest, target: ProviderTarget): Promise<UpstreamRequest> {
  const { hasToolBlocks, ...conversation } = toConverseConversation(request.messages);
  const params = applyParamMap(request, BEDROCK_CHAT_PARAMS, { passUnknown: false });
  const toolConfig = toToolConfig(request, hasToolBlocks);
  const body = { ...conversation, ...params, ...(toolConfig ? { toolConfig } : {}) };
  return signedPost(target, request.stream === true ? 'converse-stream' : 'converse', body);
}

const chat: OperationAdapter<ChatCompletionRequest> = {
  // ConverseStream always ends with usage metadata, so BuildOptions.includeStreamUsage needs no handling.
  buildRequest: async (request, target) => buildChatRequest(request, target),
  transformResponse: transformConverseResponse,
  createStreamTransformer: (ctx) => new BedrockStreamTransformer(ctx),
};

const embedding: OperationAdapter<EmbeddingRequest> = {
  buildRequest: async (request, target) => signedPost(target, 'invoke', toEmbeddingBody(request, target.upstreamModel)),
  transformResponse: transformEmbeddingResponse,
};

export const bedrockAdapter: ProviderAdapter = {
  kind: 'bedrock',
  chat,
  embedding,
  parseError: parseBedrockError,
};
