/** Anthropic Messages API behind the OpenAI chat completions interface. */
import type { ChatCompletionRequest } from '@ai-router/contracts';
import type { OperationAdapter, ProviderAdapter, ProviderTarget, UpstreamRequest } from '../core/adapter.types';
import { applyParamMap } from '../core/param-map';
import { postJson } from '../core/request';
import { anthropicHeaders, anthropicMessagesUrl } from './anthropic-api';
import { parseAnthropicError } from './anthropic-error';
import { toAnthropicConversation } from './anthropic-messages';
import { ANTHROPIC_CHAT_PARAMS } from './anthropic-params';
import { transformAnthropicResponse } from './anthropic-response';
import { AnthropicStreamTransformer } from './anthropic-stream';

function buildChatRequest(request: ChatCompletionRequest, target: ProviderTarget): UpstreamRequest {
  const conversation = toAnthropicConversation(request.messages);
  const params = applyParamMap(request, ANTHROPIC_CHAT_PARAMS, { passUnknown: false });
  const body = { model: target.upstreamModel, ...conversation, ...params };
  return postJson(anthropicMessagesUrl(target), anthropicHeaders(target), body);
}

const chat: OperationAdapter<ChatCompletionRequest> = {
  // Anthropic always reports usage in streams, so BuildOptions.includeStreamUsage needs no handling.
  buildRequest: (request, target) => buildChatRequest(request, target),
  transformResponse: transformAnthropicResponse,
  createStreamTransformer: (ctx) => new AnthropicStreamTransformer(ctx),
};

export const anthropicAdapter: ProviderAdapter = {
  kind: 'anthropic',
  chat,
  parseError: parseAnthropicError,
};
