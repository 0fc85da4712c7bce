/**
 * The contract between the gateway and a provider family. Adapters are pure: they build upstream
 * requests and transform upstream bodies; the gateway owns HTTP, retries, billing and routing.
 */
import type {
  ChatCompletionRequest,
  CompletionRequest,
  EmbeddingRequest,
  ImageEditRequest,
  ImageGenerationRequest,
  PROVIDER_KINDS,
} from '@ai-router/contracts';

/** The list lives in contracts (admin forms validate against it); the registry must cover every kind. */
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export type Operation = 'chat' | 'completion' | 'embedding' | 'image' | 'imageEdit';

/** Where and how to call one deployment; resolved by the gateway (credentials already decrypted). */
export interface ProviderTarget {
  kind: ProviderKind;
  /** e.g. `https://api.openai.com/v1` or `https://api.anthropic.com` (no trailing slash). */
  baseUrl: string;
  apiKey: string;
  /** The model name the upstream knows (the public name is the gateway's business). */
  upstreamModel: string;
  /** Static extra headers configured on the provider account. */
  headers?: Record<string, string>;
  /**
   * Family-specific account settings. azure-openai: `apiVersion` (default `2024-10-21`; `v1` selects
   * the `/openai/v1` API). bedrock: `region` (required). Unknown keys are ignored.
   */
  settings?: Readonly<Record<string, string>>;
  /**
   * `openai-compatible` only: the vendor preset (a key of `OPENAI_COMPATIBLE_PROFILES`, e.g.
   * `generic`) describing the vendor's deviations from OpenAI. Defaults to `generic`.
   */
  vendor?: string;
}

export interface UpstreamRequest {
  method: 'POST' | 'GET';
  url: string;
  headers: Record<string, string>;
  /** Serialised JSON (or signed bytes), multipart form data for uploads, undefined for GET. */
  body?: string | Uint8Array | FormData;
}

/** Usage in one shape for every family; all counts are integers >= 0. */
export interface NormalizedUsage {
  /** All prompt tokens, including cached and cache-write ones. */
  inputTokens: number;
  outputTokens: number;
  /** Prompt tokens served from the provider's prompt cache (subset of inputTokens). */
  cachedInputTokens: number;
  /** Prompt tokens written to the provider's prompt cache (subset of inputTokens). */
  cacheWriteTokens: number;
  /** Reasoning tokens (subset of outputTokens) where the provider reports them. */
  reasoningTokens: number;
  /** Images produced (image operations), for per-image pricing. */
  images?: number;
}

/** An upstream failure mapped to what an OpenAI client expects. */
export interface UpstreamError {
  /** HTTP status to answer the client with (4xx from upstream kept where meaningful, else 502). */
  status: number;
  /** OpenAI error `type`, e.g. `invalid_request_error`, `rate_limit_error`, `api_error`. */
  type: string;
  code: string | null;
  param: string | null;
  message: string;
  /** True for 429, 5xx, overloaded and transport failures; never for 400-class request errors. */
  retryable: boolean;
  /** Seconds, from the upstream Retry-After (or provider equivalent), when present. */
  retryAfterSeconds?: number;
}

export interface ResponseContext {
  /** The model name the client asked for (public name); used where the adapter must fill `model`. */
  requestModel: string;
  /** Used as the completion id where the upstream has none in OpenAI form. */
  requestId: string;
  /** Unix seconds; used where the upstream has no `created`. */
  created: number;
  /** Embeddings: what the client asked for; translating adapters encode vectors to match (OpenAI's default is float). */
  encodingFormat?: 'float' | 'base64';
}

export interface TransformedResponse {
  /** Serialised OpenAI-format JSON body for the client. Pass-through adapters return the upstream text unchanged. */
  body: string;
  usage: NormalizedUsage | null;
}

export type StreamEvent =
  /** One OpenAI chunk (serialised JSON, without the `data: ` prefix). `usageOnly` marks the final usage chunk (`choices: []`). */
  | { kind: 'data'; json: string; usageOnly: boolean }
  /** The upstream reported an error mid-stream (OpenAI `{error}` frame, Anthropic `event: error`). */
  | { kind: 'error'; error: UpstreamError }
  /** The upstream signalled the end (`[DONE]`, `message_stop`). */
  | { kind: 'done' };

/** Transforms an upstream byte stream into OpenAI chunks, frame by frame; frames may be split anywhere. */
export interface StreamTransformer {
  push(chunk: Uint8Array | string): StreamEvent[];
  /** Flushes what is left at end of input. */
  end(): StreamEvent[];
  /** Usage seen so far (complete once the stream ended normally). */
  readonly usage: NormalizedUsage | null;
  /** Finish reason of choice 0 in OpenAI terms, or null if none was seen (a failure for the gateway). */
  readonly finishReason: string | null;
}

export interface BuildOptions {
  /** Ask the upstream to report usage in streams (the gateway always wants it for billing). */
  includeStreamUsage: boolean;
}

export interface OperationAdapter<TRequest> {
  /** May be async where the request must be signed (AWS SigV4). */
  buildRequest(request: TRequest, target: ProviderTarget, options: BuildOptions): UpstreamRequest | Promise<UpstreamRequest>;
  transformResponse(body: string, ctx: ResponseContext): TransformedResponse;
  createStreamTransformer?(ctx: ResponseContext): StreamTransformer;
}

export interface ProviderAdapter {
  readonly kind: ProviderKind;
  readonly chat?: OperationAdapter<ChatCompletionRequest>;
  readonly completion?: OperationAdapter<CompletionRequest>;
  readonly embedding?: OperationAdapter<EmbeddingRequest>;
  readonly image?: OperationAdapter<ImageGenerationRequest>;
  readonly imageEdit?: OperationAdapter<ImageEditRequest>;
  /** Lists the upstream's model ids (vendor `/models`), for importing a catalogue. */
  readonly listModels?: {
    buildRequest(target: ProviderTarget): UpstreamRequest | Promise<UpstreamRequest>;
    parseResponse(body: string): string[];
  };
  /** Maps a non-2xx upstream answer (status, raw body, headers lower-cased) to an OpenAI-shaped error. */
  parseError(status: number, body: string, headers: Record<string, string>): UpstreamError;
}
