/**
 * The OpenAI family: OpenAI itself and OpenAI-compatible vendors. Requests are the client's body with
 * the upstream model (plus the profile's adjustments); responses and streams pass through unchanged.
 */
import type {
  BuildOptions,
  Operation,
  OperationAdapter,
  ProviderAdapter,
  ProviderKind,
  ProviderTarget,
  StreamTransformer,
  TransformedResponse,
  UpstreamRequest,
} from '../core/adapter.types';
import { invalidUpstreamResponse, UpstreamResponseError } from '../core/errors';
import { isRecord, parseJsonObject } from '../core/json';
import { applyParamMap } from '../core/param-map';
import { buildHeaders, joinUrl, postJson } from '../core/request';
import { usageFromOpenAI } from '../core/usage';
import { parseOpenAIError } from './openai-error';
import { type OpenAIFamilyProfile, paramMapFor } from './openai-family.profile';
import { OpenAIStreamTransformer } from './openai-stream';

const PATHS: Record<Operation, string> = {
  chat: '/chat/completions',
  completion: '/completions',
  embedding: '/embeddings',
};

export type ProfileResolver = (target: ProviderTarget) => OpenAIFamilyProfile;

function buildRequest(
  operation: Operation,
  request: object,
  target: ProviderTarget,
  options: BuildOptions,
  profile: OpenAIFamilyProfile,
): UpstreamRequest {
  const exclude = profile.streamUsage ? profile.drop : [...(profile.drop ?? []), 'stream_options'];
  const body = applyParamMap(request, paramMapFor(profile), { passUnknown: true, exclude });
  body.model = target.upstreamModel;
  if (operation !== 'embedding' && profile.streamUsage && body.stream === true && options.includeStreamUsage) {
    const streamOptions = isRecord(body.stream_options) ? body.stream_options : {};
    body.stream_options = { ...streamOptions, include_usage: true };
  }
  profile.quirks?.(body, operation);
  // Local servers (Ollama, vLLM) often run without a key; an empty Bearer would be rejected.
  const credentials: Record<string, string> = target.apiKey ? { authorization: `Bearer ${target.apiKey}` } : {};
  const headers = buildHeaders({ 'content-type': 'application/json' }, target, credentials);
  return postJson(joinUrl(target.baseUrl, PATHS[operation]), headers, body);
}

/** The body goes back untouched; it is parsed only to read usage. */
function transformResponse(body: string): TransformedResponse {
  const parsed = parseJsonObject(body);
  if (!parsed) throw new UpstreamResponseError(invalidUpstreamResponse('the body is not a JSON object'));
  return { body, usage: usageFromOpenAI(parsed.usage) };
}

function operationAdapter<TRequest extends object>(
  operation: Operation,
  resolveProfile: ProfileResolver,
  streaming: boolean,
): OperationAdapter<TRequest> {
  const adapter: OperationAdapter<TRequest> = {
    buildRequest: (request, target, options) =>
      buildRequest(operation, request, target, options, resolveProfile(target)),
    transformResponse,
  };
  // Pass-through chunks keep the upstream's own id, model and created: the context is not needed.
  if (streaming) adapter.createStreamTransformer = (): StreamTransformer => new OpenAIStreamTransformer();
  return adapter;
}

export function createOpenAIFamilyAdapter(kind: ProviderKind, resolveProfile: ProfileResolver): ProviderAdapter {
  return {
    kind,
    chat: operationAdapter('chat', resolveProfile, true),
    completion: operationAdapter('completion', resolveProfile, true),
    embedding: operationAdapter('embedding', resolveProfile, false),
    parseError: parseOpenAIError,
  };
}
