/** Public types of the mock provider. */

/** A failure or slowness to inject. Every field is optional and they combine. */
export interface MockFault {
  /** Answer with this HTTP status and a provider-format error body. */
  status?: number;
  /** Sets Retry-After on error answers. */
  retryAfterSeconds?: number;
  /** Delay before the response headers (added to `baseLatencyMs`). */
  latencyMs?: number;
  /** Delay between stream chunks (slow stream). */
  chunkDelayMs?: number;
  /** Destroy the socket after N stream chunks (no finish, no [DONE]). */
  dropAfterChunks?: number;
  /** Send a provider-format mid-stream error event after N chunks, then end. */
  errorAfterChunks?: number;
  /** 0..1 probability that `status` (default 500) applies to a request. */
  failRate?: number;
}

/**
 * What a `[[mock:{...}]]` directive or the `x-mock-fault` header may carry: a fault plus choices
 * about the answer itself.
 */
export interface MockDirective extends MockFault {
  /** Exact reply text. */
  reply?: string;
  /** Number of content chunks in streams (tool-call arguments are split the same way). */
  chunks?: number;
  /** Prompt tokens reported as served from the prompt cache. */
  cachedTokens?: number;
  /** Prompt tokens reported as written to the prompt cache (Anthropic only). */
  cacheWriteTokens?: number;
  /** Reasoning tokens: OpenAI `reasoning_tokens` (added to completion tokens), Gemini `thoughtsTokenCount`. */
  reasoningTokens?: number;
  /**
   * Gemini `finishReason` / Bedrock `stopReason` to end the answer with (`SAFETY`,
   * `guardrail_intervened`, ...): the text stops halfway, mid-stream in streams.
   */
  finishReason?: string;
  /** Gemini: the prompt is blocked (`promptFeedback.blockReason: SAFETY`, no candidates). */
  safetyBlock?: boolean;
  /** Azure OpenAI: the prompt trips the content filter (400 `content_filter`). */
  contentFilter?: boolean;
  /** The status the mid-stream error frame reports (its type/exception follows the format's mapping). */
  streamErrorStatus?: number;
}

export interface MockProviderOptions {
  /** 0 or absent: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Delay before every response's headers. */
  baseLatencyMs?: number;
  /** If set, requests with another (or no) key get 401. */
  apiKeys?: string[];
  /** Default true; turn off for benchmarks so memory stays flat. */
  recordRequests?: boolean;
}

export interface RecordedRequest {
  method: string;
  /** Path with query string, as received. */
  path: string;
  headers: Record<string, string>;
  /**
   * Parsed JSON body, the raw text if it was not JSON, or null when empty. Multipart forms: the
   * fields by name, files as `{name, type, size}`, repeated names (and `name[]`) as arrays.
   */
  body: unknown;
  /** Epoch milliseconds. */
  receivedAt: number;
  /** The client went away before the response ended. */
  aborted: boolean;
  /** The whole response was sent (an error frame that ends the stream cleanly counts). */
  completed: boolean;
  /** Bedrock: the credential scope of the SigV4-shaped authorization header (not verified). */
  sigv4?: SigV4Scope;
}

/** The parts of `Credential=<accessKeyId>/<date>/<region>/<service>/aws4_request`. */
export interface SigV4Scope {
  accessKeyId: string;
  /** `YYYYMMDD` */
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
}

export interface MockHold {
  /** Requests received and waiting for the release. */
  waiting(): number;
  release(): void;
}

export interface MockProvider {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  requests: RecordedRequest[];
  setFault(fault: MockFault | null): void;
  /**
   * Holds every answer, once its request is received, until `release()`: tests that must know every
   * request is in flight (admission under a barrier) wait for `waiting()` instead of guessing a latency.
   */
  hold(): MockHold;
  /** Clears recorded requests and the server fault, and reseeds `failRate` draws. */
  reset(): void;
  close(): Promise<void>;
}
