/**
 * The OpenAI family: OpenAI itself, OpenAI-compatible vendors and Azure OpenAI. Requests are the
 * client's body with the upstream model (plus the profile's adjustments); responses and streams pass
 * through unchanged. Where a member differs in more than data (Azure's paths), it passes hooks.
 */
import type { ImageEditRequest } from '@ai-router/contracts';
import type {
  BuildOptions,
  Operation,
  OperationAdapter,
  ProviderAdapter,
  ProviderKind,
  ProviderTarget,
  StreamTransformer,
  TransformedResponse,
  UpstreamError,
  UpstreamRequest,
} from '../core/adapter.types';
import { AdapterRequestError, invalidUpstreamResponse, UpstreamResponseError } from '../core/errors';
import { isRecord, parseJsonObject, type JsonObject } from '../core/json';
import { applyParamMap } from '../core/param-map';
import { buildHeaders, joinUrl, postJson } from '../core/request';
import { usageFromOpenAI } from '../core/usage';
import { parseOpenAIError } from './openai-error';
import { type AuthStyle, BEARER_AUTH, normaliseMessages, type OpenAIFamilyProfile, operationsOf, paramMapFor } from './openai-family.profile';
import { imageEditForm, rejectImageStreaming, transformImageResponse } from './openai-image';
import { parseModelList } from './openai-models';
import { type OpenAIStreamOptions, OpenAIStreamTransformer } from './openai-stream';

export const OPENAI_PATHS: Readonly<Record<Operation, string>> = {
  chat: '/chat/completions',
  completion: '/completions',
  embedding: '/embeddings',
  image: '/images/generations',
  imageEdit: '/images/edits',
};

const OPERATION_NAMES: Readonly<Record<Operation, string>> = {
  chat: 'chat completions',
  completion: 'text completions',
  embedding: 'embeddings',
  image: 'image generation',
  imageEdit: 'image edits',
};

export type ProfileResolver = (target: ProviderTarget) => OpenAIFamilyProfile;

/** Where one operation is sent, and whether the body names the model (Azure deployments do not). */
export interface OpenAIFamilyEndpoint {
  url: string;
  modelInBody: boolean;
}

export interface OpenAIFamilyHooks {
  /** Default: `{baseUrl}{OPENAI_PATHS[operation]}` with the upstream model in the body. */
  endpoint?(operation: Operation, target: ProviderTarget): OpenAIFamilyEndpoint;
  /** URL of the model list. Default: `{baseUrl}/models` when the profile has `modelList`. */
  modelsUrl?(target: ProviderTarget): string;
  /** Default: the OpenAI error reader. */
  parseError?(status: number, body: string, headers: Record<string, string>): UpstreamError;
  stream?: OpenAIStreamOptions;
}

function defaultEndpoint(operation: Operation, target: ProviderTarget): OpenAIFamilyEndpoint {
  return { url: joinUrl(target.baseUrl, OPENAI_PATHS[operation]), modelInBody: true };
}

function credentials(auth: AuthStyle, apiKey: string): Record<string, string> {
  // Local servers (Ollama, vLLM) often run without a key; an empty credential would be rejected.
  if (auth.kind === 'none' || !apiKey) return {};
  if (auth.kind === 'header') return { [auth.name.toLowerCase()]: apiKey };
  return { authorization: `Bearer ${apiKey}` };
}

function headersFor(profile: OpenAIFamilyProfile, target: ProviderTarget, defaults: Record<string, string>) {
  return buildHeaders(defaults, target, credentials(profile.auth ?? BEARER_AUTH, target.apiKey));
}

function assertOffered(profile: OpenAIFamilyProfile, operation: Operation): void {
  if (operationsOf(profile).includes(operation)) return;
  throw new AdapterRequestError(null, `${profile.name} does not offer ${OPERATION_NAMES[operation]}.`, 'unsupported_operation');
}

/** The client's fields mapped by the profile; `model` is always the deployment's, never the client's. */
function mappedFields(operation: Operation, request: object, profile: OpenAIFamilyProfile): JsonObject {
  const exclude = ['model', ...(profile.drop ?? [])];
  if (!profile.streamUsage) exclude.push('stream_options');
  const fields = applyParamMap(request, paramMapFor(profile), { passUnknown: true, exclude });
  if (operation === 'chat' && fields.messages !== undefined) fields.messages = normaliseMessages(profile, fields.messages);
  return fields;
}

function buildJsonRequest(
  operation: Operation,
  request: object,
  target: ProviderTarget,
  options: BuildOptions,
  profile: OpenAIFamilyProfile,
  endpoint: OpenAIFamilyEndpoint,
): UpstreamRequest {
  const body: JsonObject = endpoint.modelInBody ? { model: target.upstreamModel } : {};
  Object.assign(body, mappedFields(operation, request, profile));
  const streams = operation === 'chat' || operation === 'completion';
  if (streams && profile.streamUsage && body.stream === true && options.includeStreamUsage) {
    const streamOptions = isRecord(body.stream_options) ? body.stream_options : {};
    body.stream_options = { ...streamOptions, include_usage: true };
  }
  profile.quirks?.(body, operation);
  return postJson(endpoint.url, headersFor(profile, target, { 'content-type': 'application/json' }), body);
}

function buildImageEditRequest(
  request: ImageEditRequest,
  target: ProviderTarget,
  profile: OpenAIFamilyProfile,
  endpoint: OpenAIFamilyEndpoint,
): UpstreamRequest {
  const { image, mask, ...rest } = request;
  const fields = mappedFields('imageEdit', rest, profile);
  profile.quirks?.(fields, 'imageEdit');
  const form = imageEditForm(endpoint.modelInBody ? target.upstreamModel : undefined, fields, image, mask);
  const headers = headersFor(profile, target, {});
  // fetch/undici writes multipart/form-data with its boundary; a static JSON content-type would break it.
  delete headers['content-type'];
  return { method: 'POST', url: endpoint.url, headers, body: form };
}

/** The body goes back untouched; it is parsed only to read usage. */
function transformResponse(body: string): TransformedResponse {
  const parsed = parseJsonObject(body);
  if (!parsed) throw new UpstreamResponseError(invalidUpstreamResponse('the body is not a JSON object'));
  return { body, usage: usageFromOpenAI(parsed.usage) };
}

export function createOpenAIFamilyAdapter(
  kind: ProviderKind,
  resolveProfile: ProfileResolver,
  hooks: OpenAIFamilyHooks = {},
): ProviderAdapter {
  const endpointOf = hooks.endpoint ?? defaultEndpoint;

  function operation<TRequest extends object>(op: Operation): OperationAdapter<TRequest> {
    const isImage = op === 'image' || op === 'imageEdit';
    const adapter: OperationAdapter<TRequest> = {
      buildRequest: (request, target, options) => {
        const profile = resolveProfile(target);
        assertOffered(profile, op);
        if (isImage) rejectImageStreaming(request);
        const endpoint = endpointOf(op, target);
        if (op === 'imageEdit') return buildImageEditRequest(request as unknown as ImageEditRequest, target, profile, endpoint);
        return buildJsonRequest(op, request, target, options, profile, endpoint);
      },
      transformResponse: isImage ? transformImageResponse : transformResponse,
    };
    // Pass-through chunks keep the upstream's own id, model and created: the context is not needed.
    if (op === 'chat' || op === 'completion') {
      adapter.createStreamTransformer = (): StreamTransformer => new OpenAIStreamTransformer(hooks.stream);
    }
    return adapter;
  }

  return {
    kind,
    chat: operation('chat'),
    completion: operation('completion'),
    embedding: operation('embedding'),
    image: operation('image'),
    imageEdit: operation('imageEdit'),
    listModels: {
      buildRequest(target) {
        const profile = resolveProfile(target);
        let url: string;
        if (hooks.modelsUrl) url = hooks.modelsUrl(target);
        else if (profile.modelList) url = joinUrl(target.baseUrl, '/models');
        else throw new AdapterRequestError(null, `${profile.name} does not offer a model list.`, 'unsupported_operation');
        return { method: 'GET', url, headers: headersFor(profile, target, { accept: 'application/json' }) };
      },
      parseResponse: parseModelList,
    },
    parseError: hooks.parseError ?? parseOpenAIError,
  };
}
